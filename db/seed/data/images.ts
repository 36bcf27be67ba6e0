import { carShapes, type CarShape } from "./car-shapes";
import type { Body } from "./types";

const paints: Record<string, string> = {
  black: "#1c1f26", white: "#f4f5f7", grey: "#6b7280", silver: "#c3c8cf", blue: "#1f4fa3", red: "#b3202a",
  green: "#23603f", brown: "#6b4226", beige: "#d8c8a8", yellow: "#e8b923", orange: "#e06a1b",
};

function mix(hex: string, toward: string, amount: number): string {
  const channel = (h: string, i: number) => parseInt(h.slice(1 + i * 2, 3 + i * 2), 16);
  return `#${[0, 1, 2].map((i) => Math.round(channel(hex, i) + (channel(toward, i) - channel(hex, i)) * amount).toString(16).padStart(2, "0")).join("")}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const GROUND = 470;

function outline(s: CarShape): string {
  // the arch is centred on the wheel hub, so it opens where it meets the sill line
  const arch = (axle: number) => {
    const r = s.wheelR + 9;
    const below = s.sill - (GROUND - s.wheelR);
    const half = Math.sqrt(r * r - below * below);
    return `L${(axle + half).toFixed(1)} ${s.sill} A${r} ${r} 0 ${below > 0 ? 1 : 0} 0 ${(axle - half).toFixed(1)} ${s.sill}`;
  };
  const hatchControl = s.tailTop + (s.roofRear - s.tailTop) * 0.55;
  const screenControl = s.roofFront + (s.cowl - s.roofFront) * 0.35;
  return [
    `M${s.rear} ${s.sill - 14}`, `L${s.rear} ${s.deck + 16}`, `Q${s.rear} ${s.deck} ${s.rear + 16} ${s.deck}`,
    `L${s.tailTop} ${s.deck}`, `Q${hatchControl} ${s.roof - 2} ${s.roofRear} ${s.roof}`, `L${s.roofFront} ${s.roof}`,
    `Q${screenControl} ${s.roof + 2} ${s.cowl} ${s.shoulder - 6}`, `L${s.front - 26} ${s.hood}`,
    `Q${s.front} ${s.hood + 2} ${s.front} ${s.hood + 28}`, `L${s.front} ${s.sill - 14}`, `Q${s.front} ${s.sill} ${s.front - 14} ${s.sill}`,
    arch(s.frontAxle), arch(s.rearAxle), `L${s.rear + 14} ${s.sill}`, `Q${s.rear} ${s.sill} ${s.rear} ${s.sill - 14}`, "Z",
  ].join(" ");
}

function glass(s: CarShape): string {
  if (s.open) {
    const top = s.shoulder - 58;
    return `<path d="M${s.cowl - 8} ${s.shoulder - 4} L${s.cowl - 52} ${top} L${s.cowl - 40} ${top} L${s.cowl + 6} ${s.shoulder - 4} Z" fill="url(#glass)"/>
<rect x="${s.pillar - 70}" y="${s.shoulder - 34}" width="26" height="34" rx="9" fill="#2b2f36"/><rect x="${s.pillar - 10}" y="${s.shoulder - 34}" width="26" height="34" rx="9" fill="#2b2f36"/>`;
  }
  const topRear = Math.max(s.roofRear + 14, s.glassRear + (s.shoulder - s.roof) * 0.15);
  const pane = `M${s.glassRear} ${s.shoulder} L${topRear} ${s.roof + 10} L${s.roofFront - 6} ${s.roof + 10} L${s.cowl - 18} ${s.shoulder - 4} Z`;
  const pillar = s.pillar ? `<rect x="${s.pillar - 6}" y="${s.roof + 6}" width="12" height="${s.shoulder - s.roof - 4}" fill="url(#paint)"/>` : "";
  const glare = `<path d="M${s.roofFront - 40} ${s.roof + 12} L${s.roofFront - 10} ${s.roof + 12} L${s.roofFront - 70} ${s.shoulder - 2} L${s.roofFront - 100} ${s.shoulder - 2} Z" fill="#fff" opacity="0.12"/>`;
  return `<path d="${pane}" fill="url(#glass)"/>${glare}${pillar}`;
}

function details(s: CarShape, shade: string): string {
  const frontDoor = Math.min(s.cowl - 10, s.frontAxle - s.wheelR - 18);
  const doorLines = [frontDoor, s.pillar, s.fourDoor ? s.rearAxle + s.wheelR + 18 : 0].filter((x) => x > 0);
  const handles = [s.pillar ? s.pillar + 22 : frontDoor - 60, s.fourDoor ? s.pillar - 60 : 0].filter((x) => x > 0);
  return [
    ...doorLines.map((x) => `<line x1="${x}" y1="${s.shoulder + 4}" x2="${x}" y2="${s.sill - 8}" stroke="${shade}" stroke-opacity="0.45" stroke-width="2"/>`),
    ...handles.map((x) => `<rect x="${x}" y="${s.shoulder + 20}" width="26" height="6" rx="3" fill="${shade}" opacity="0.7"/>`),
    `<path d="M${s.rear + 10} ${s.shoulder + 8} L${s.front - 20} ${s.shoulder + 8}" stroke="#fff" stroke-opacity="0.22" stroke-width="3"/>`,
    `<rect x="${s.rear + 20}" y="${s.sill - 26}" width="${s.front - s.rear - 40}" height="12" fill="${shade}" opacity="0.25"/>`,
    `<path d="M${s.cowl - 26} ${s.shoulder - 2} q-14 -18 6 -20 l8 20 Z" fill="${shade}"/>`,
    `<rect x="${s.front - 40}" y="${s.hood + 8}" width="34" height="12" rx="6" fill="#fff7d6" stroke="${shade}" stroke-opacity="0.4"/>`,
    `<rect x="${s.rear - 2}" y="${s.deck + 10}" width="16" height="16" rx="4" fill="#c81e1e"/>`,
    s.bedAt ? `<line x1="${s.bedAt}" y1="${s.shoulder}" x2="${s.bedAt}" y2="${s.sill - 10}" stroke="${shade}" stroke-opacity="0.55" stroke-width="3"/>` : "",
  ].join("\n");
}

function wheel(cx: number, r: number): string {
  const cy = GROUND - r;
  const spokes = [0, 72, 144, 216, 288].map((deg) => {
    const a = (deg * Math.PI) / 180;
    return `<line x1="${cx}" y1="${cy}" x2="${(cx + Math.cos(a) * r * 0.58).toFixed(1)}" y2="${(cy + Math.sin(a) * r * 0.58).toFixed(1)}" stroke="#8b939e" stroke-width="5"/>`;
  });
  return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#15171b"/><circle cx="${cx}" cy="${cy}" r="${(r * 0.64).toFixed(1)}" fill="url(#rim)"/>${spokes.join("")}<circle cx="${cx}" cy="${cy}" r="7" fill="#4b5563"/>`;
}

const backgrounds = [
  // daylight forecourt
  `<linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#cfe6f7"/><stop offset="1" stop-color="#f6f9fc"/></linearGradient>`,
  // showroom wall
  `<linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ece7e1"/><stop offset="1" stop-color="#f8f6f3"/></linearGradient>`,
  // studio spotlight
  `<radialGradient id="bg" cx="0.5" cy="0.45" r="0.75"><stop offset="0" stop-color="#f3f4f6"/><stop offset="1" stop-color="#9ca3af"/></radialGradient>`,
];

function scenery(angle: 0 | 1 | 2): string {
  if (angle === 0) return `<path d="M0 410 Q120 360 260 392 T520 380 T800 392 L800 470 L0 470 Z" fill="#b9cfdf" opacity="0.6"/><rect y="${GROUND}" width="800" height="130" fill="#d5d8dc"/><rect y="${GROUND + 40}" width="800" height="6" fill="#eef0f2"/>`;
  if (angle === 1) return `${[60, 250, 440, 630].map((x) => `<rect x="${x}" y="60" width="150" height="300" fill="#ffffff" opacity="0.55"/>`).join("")}<rect y="${GROUND}" width="800" height="130" fill="#e4e1dc"/><rect y="${GROUND}" width="800" height="3" fill="#cfc9c1"/>`;
  return `<rect y="${GROUND}" width="800" height="130" fill="#6b7280" opacity="0.35"/>`;
}

/** A deterministic placeholder photo (800×600 SVG) of a car of this body type and colour; angle gives three gallery views. */
export function renderCarSvg({ body, color, label, angle = 0 }: { body: Body; color: string; label?: string; angle?: 0 | 1 | 2 }): string {
  const shape = carShapes[body] ?? carShapes.other;
  const paint = paints[color] ?? paints.grey;
  const shade = mix(paint, "#000000", 0.45);
  const view = angle === 1 ? ` transform="translate(800 0) scale(-1 1)"` : angle === 2 ? ` transform="translate(-100 -110) scale(1.25)"` : "";
  const caption = label
    ? `<rect x="24" y="540" width="${Math.min(752, 24 + label.length * 13)}" height="40" rx="20" fill="#0f172a" opacity="0.72"/><text x="44" y="567" font-family="system-ui, sans-serif" font-size="20" fill="#fff">${escapeXml(label)}</text>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600" width="800" height="600" role="img" aria-label="${escapeXml(label ?? `${color} ${body}`)}">
<defs>${backgrounds[angle]}
<linearGradient id="paint" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${mix(paint, "#ffffff", 0.28)}"/><stop offset="0.45" stop-color="${paint}"/><stop offset="1" stop-color="${mix(paint, "#000000", 0.3)}"/></linearGradient>
<linearGradient id="glass" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3a4a5c"/><stop offset="1" stop-color="#111821"/></linearGradient>
<radialGradient id="rim" cx="0.4" cy="0.35" r="0.7"><stop offset="0" stop-color="#e5e7eb"/><stop offset="1" stop-color="#6b7280"/></radialGradient>
</defs>
<rect width="800" height="600" fill="url(#bg)"/>
${scenery(angle)}
<g${view}>
<ellipse cx="${(shape.rear + shape.front) / 2}" cy="${GROUND + 4}" rx="${(shape.front - shape.rear) / 2 + 20}" ry="16" fill="#000" opacity="0.22"/>
<path d="${outline(shape)}" fill="url(#paint)" stroke="${shade}" stroke-opacity="0.6" stroke-width="2.5" stroke-linejoin="round"/>
${glass(shape)}
${details(shape, shade)}
${wheel(shape.rearAxle, shape.wheelR)}
${wheel(shape.frontAxle, shape.wheelR)}
</g>
${caption}
</svg>`;
}
