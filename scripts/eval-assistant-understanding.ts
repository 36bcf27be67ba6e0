// Prints how well the offline assistant understands the evaluation messages: `npx tsx scripts/eval-assistant-understanding.ts [--failures]`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { evaluateUnderstanding, type EvalCase } from "@/lib/assistant/understand/evaluate";

const dir = path.join(import.meta.dirname, "..", "tests", "assistant-eval");
const inventory = JSON.parse(readFileSync(path.join(dir, "inventory.json"), "utf8")) as { vehicles: { make: string; model: string }[] };
const cases = JSON.parse(readFileSync(path.join(dir, "cases.json"), "utf8")) as EvalCase[];

const report = evaluateUnderstanding(cases, { knownModels: inventory.vehicles.map((v) => ({ make: v.make, model: v.model })) });
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

console.log(`Offline understanding on ${report.cases} messages`);
console.log(`  intent accuracy      ${pct(report.intentAccuracy)}`);
console.log(`  language match       ${pct(report.languageMatch)}`);
console.log(`  entity accuracy      ${pct(report.entityAccuracy)}`);
console.log(`  entity exact match   ${pct(report.entityExactMatch)}`);
console.log("  per field (correct/expected, spurious):");
for (const [field, s] of Object.entries(report.fields).sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`    ${field.padEnd(13)} ${pct(s.accuracy).padStart(6)}  ${s.correct}/${s.expected}, ${s.spurious} spurious`);
}
if (process.argv.includes("--failures")) {
  for (const f of report.failures) console.log(`  ✗ ${f.id} "${f.text}": ${f.problems.join("; ")}`);
} else if (report.failures.length) {
  console.log(`  ${report.failures.length} messages with a difference (run with --failures to list them)`);
}
