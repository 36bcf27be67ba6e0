import fs from "node:fs";
import path from "node:path";

// Finds every way in from the file tree, so a route added tomorrow is swept without anyone listing it.

export const repoRoot = path.resolve(import.meta.dirname, "../../../..");
const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : walk(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(repoRoot, file).split(path.sep).join("/");

export const routeFiles = () => walk(path.join(repoRoot, "app")).filter((f) => /\/route\.tsx?$/.test(f)).map(relative).sort();

/** Pages with a dynamic segment anywhere in their path: the ones that take an id from the URL. */
export const dynamicPageFiles = () => walk(path.join(repoRoot, "app")).filter((f) => /\/page\.tsx?$/.test(f) && relative(f).includes("[")).map(relative).sort();

/** Modules whose first statement is "use server": every export of them is a callable server action. */
export const serverActionFiles = () =>
  [...walk(path.join(repoRoot, "app")), ...walk(path.join(repoRoot, "lib"))]
    .filter((f) => /^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(fs.readFileSync(f, "utf8")))
    .map(relative)
    .sort();

export const importRepoFile = (file: string) => import(/* @vite-ignore */ path.join(repoRoot, file)) as Promise<Record<string, unknown>>;

export type Entry = { kind: "route" | "page" | "action"; key: string; file: string; name: string };

export async function discoverEntries(): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const file of routeFiles()) {
    const mod = await importRepoFile(file);
    for (const m of httpMethods) if (typeof mod[m] === "function") entries.push({ kind: "route", key: `${m} ${file}`, file, name: m });
  }
  for (const file of dynamicPageFiles()) entries.push({ kind: "page", key: file, file, name: "default" });
  for (const file of serverActionFiles()) {
    const mod = await importRepoFile(file);
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") entries.push({ kind: "action", key: `${file}#${name}`, file, name });
  }
  return entries;
}
