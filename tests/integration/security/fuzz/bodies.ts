import fc from "fast-check";

// Hostile bodies: each arbitrary yields raw bytes plus the content type to send them with.

export type HostileBody = { kind: string; bytes: Buffer; contentType: string | null };

const contentTypes = fc.constantFrom<string | null>(
  "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz", "multipart/form-data", "application/xml", "text/csv", "image/png", null,
);

type Json = unknown;
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value && typeof value === "object") return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

function replaceAt(value: Json, path: (string | number)[], replacement: Json | typeof REMOVE): Json {
  if (path.length === 0) return replacement === REMOVE ? null : replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  if (rest.length === 0 && replacement === REMOVE) delete copy[head];
  else copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}
const REMOVE = Symbol("remove");

const wrongTyped = fc.oneof(
  fc.constant(null), fc.constant([]), fc.constant({}), fc.boolean(), fc.integer(), fc.double(), fc.string(),
  fc.string({ unit: "binary" }), fc.constant(REMOVE), fc.jsonValue({ maxDepth: 3 }), fc.constant("9".repeat(400)), fc.constant(-1e308),
);

/** The valid sample with one to three leaves or branches replaced by a wrong type, or removed. */
export const mutated = (sample: Json) =>
  fc.array(fc.tuple(fc.nat(), wrongTyped), { minLength: 1, maxLength: 3 }).map((edits) => {
    let v = sample;
    for (const [pick, replacement] of edits) {
      const all = paths(v);
      v = replaceAt(v, all[pick % all.length], replacement);
    }
    return JSON.stringify(v) ?? "null";
  });

const deepArray = fc.integer({ min: 1_000, max: 200_000 }).map((n) => "[".repeat(n) + "]".repeat(n));
const deepObject = fc.integer({ min: 1_000, max: 60_000 }).map((n) => '{"a":'.repeat(n) + "1" + "}".repeat(n));
const unbalanced = fc.integer({ min: 10, max: 100_000 }).map((n) => '{"entry":' + "[".repeat(n));

export function hostileBodies(sample: Json): fc.Arbitrary<HostileBody> {
  const text = (kind: string, arb: fc.Arbitrary<string>) => fc.tuple(arb, contentTypes).map(([s, contentType]) => ({ kind, bytes: Buffer.from(s, "utf8"), contentType }));
  const json = JSON.stringify(sample);
  return fc.oneof(
    text("random text", fc.string({ maxLength: 300, unit: "grapheme" })),
    text("random JSON", fc.jsonValue().map((v) => JSON.stringify(v) ?? "null")),
    { weight: 4, arbitrary: text("mutated sample", mutated(sample)) },
    text("deep nesting", fc.oneof(deepArray, deepObject, unbalanced)),
    text("huge string", fc.integer({ min: 10_000, max: 900_000 }).map((n) => JSON.stringify({ ...(sample as object), name: "x".repeat(n), message: "€".repeat(n / 4) }))),
    text("lone surrogates", fc.constant(json.replace(/"([^"]{3})/, '"\\ud800$1\\udfff'))),
    fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 500 }), contentTypes).map(([b, contentType]) => ({ kind: "random bytes", bytes: Buffer.from(b), contentType })),
    // Invalid UTF-8 sequences spliced into an otherwise valid body.
    fc.tuple(fc.nat(json.length), fc.constantFrom([0xff], [0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c, 0x28], [0xed, 0xa0, 0x80]), contentTypes)
      .map(([at, bad, contentType]) => ({ kind: "invalid UTF-8", bytes: Buffer.concat([Buffer.from(json.slice(0, at)), Buffer.from(bad), Buffer.from(json.slice(at))]), contentType })),
  );
}
