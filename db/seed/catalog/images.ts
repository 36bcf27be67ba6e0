import type { Body } from "./types";

const paint: Record<string, string> = {
  black: "#1f2937", white: "#f8fafc", grey: "#6b7280", silver: "#cbd5e1", blue: "#1d4ed8", red: "#b91c1c",
  green: "#15803d", brown: "#78350f", yellow: "#eab308", orange: "#ea580c",
};
const skies = [["#e0f2fe", "#f8fafc"], ["#fef3c7", "#fff7ed"], ["#e2e8f0", "#f8fafc"]];

// Roof line per body type as an SVG path over an 800×600 canvas (the car faces right).
const roofs: Record<Body, string> = {
  hatchback: "M190 330 L260 250 Q300 215 380 212 L500 212 Q560 214 590 250 L625 330 Z",
  sedan: "M170 330 L250 258 Q290 225 370 222 L500 222 Q560 226 600 262 L660 330 Z",
  estate: "M170 330 L240 250 Q270 218 350 214 L600 214 Q630 218 640 250 L650 330 Z",
  suv: "M170 320 L230 228 Q255 195 330 192 L590 192 Q625 196 640 228 L660 320 Z",
  mpv: "M170 320 L215 220 Q235 185 320 182 L600 182 Q640 186 655 225 L665 320 Z",
  coupe: "M200 330 L300 252 Q340 228 420 228 L520 230 Q580 236 640 330 Z",
  convertible: "M230 330 L300 300 L560 300 L600 330 Z",
  van: "M160 320 L190 190 Q200 160 260 158 L640 158 Q665 160 668 190 L670 320 Z",
  pickup: "M170 320 L225 230 Q245 205 300 204 L430 204 L440 300 L670 300 L670 320 Z",
  other: "M190 330 L260 250 Q300 215 380 212 L500 212 Q560 214 590 250 L625 330 Z",
};

function escapeXml(s: string) {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A clean placeholder photo of a car of this body type and colour, made locally (no network). */
export function renderCarSvg({ body, color, label, angle = 0 }: { body: Body; color: string; label?: string; angle?: 0 | 1 | 2 }): string {
  const fill = paint[color] ?? "#475569";
  const [skyTop, skyBottom] = skies[angle % skies.length];
  const flip = angle === 1 ? ` transform="translate(800 0) scale(-1 1)"` : "";
  const window = color === "black" ? "#94a3b8" : "#1e293b";
  const text = label ? `<text x="400" y="560" font-family="system-ui, sans-serif" font-size="28" fill="#334155" text-anchor="middle">${escapeXml(label)}</text>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600" width="800" height="600" role="img" aria-label="${escapeXml(label ?? `${color} ${body}`)}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="${skyBottom}"/></linearGradient>
<linearGradient id="paint" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${fill}" stop-opacity="0.92"/><stop offset="1" stop-color="${fill}"/></linearGradient></defs>
<rect width="800" height="600" fill="url(#sky)"/>
<rect y="430" width="800" height="170" fill="#e5e7eb"/>
<ellipse cx="410" cy="445" rx="300" ry="22" fill="#000" opacity="0.12"/>
<g${flip}>
<path d="${roofs[body]}" fill="${window}" opacity="0.85"/>
<path d="M120 335 Q130 300 200 300 L640 300 Q700 302 705 340 L705 400 Q700 420 680 420 L130 420 Q115 418 115 400 Z" fill="url(#paint)" stroke="#0f172a" stroke-opacity="0.25" stroke-width="3"/>
<rect x="660" y="335" width="38" height="18" rx="6" fill="#fde68a"/>
<rect x="118" y="340" width="26" height="16" rx="5" fill="#fca5a5"/>
<circle cx="250" cy="420" r="52" fill="#111827"/><circle cx="250" cy="420" r="24" fill="#9ca3af"/>
<circle cx="575" cy="420" r="52" fill="#111827"/><circle cx="575" cy="420" r="24" fill="#9ca3af"/>
</g>
${text}
</svg>`;
}
