// npx tsx scripts/find-lookalikes.ts <hunspell .dic file>: the dictionary's words (five letters or more, and with the
// suffixes given) that the typo matcher takes for a car name. Read the list and add the words shoppers write to
// `lookalikes` in lib/assistant/understand/language.ts; leave rare ones, which are likelier a misspelt name.
// Debian has the dictionaries: apt-get install hunspell-id (or -nl, -de-de, -no, -en-us), then /usr/share/hunspell/.
import fs from "node:fs";
import { findVehicleMentions } from "@/lib/assistant/understand";

const [file, ...suffixes] = process.argv.slice(2);
if (!file) {
  console.error("usage: npx tsx scripts/find-lookalikes.ts <file.dic> [suffix …]   e.g. id_ID.dic nya kan an lah");
  process.exit(2);
}
const words = new Set<string>();
// The first line of a .dic file is its word count; each word may carry "/flags".
for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
  const word = line.split("/")[0].trim().toLowerCase();
  if (!/^\p{L}{5,}$/u.test(word)) continue;
  words.add(word);
  for (const s of suffixes) words.add(word + s);
}
let found = 0;
for (const word of words) {
  const typo = findVehicleMentions(word);
  if (!typo.length || findVehicleMentions(word, { fuzzy: false }).length) continue;
  found++;
  console.log(`${word}\t${typo.map((m) => [m.make, m.model].filter(Boolean).join(" ")).join(", ")}`);
}
console.error(`${words.size} words, ${found} taken for a car name`);
