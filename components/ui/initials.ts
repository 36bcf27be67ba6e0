/** Up to two letters for an avatar: first and last word of a name, or the first two letters of a single word. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/[\s._-]+/u).filter((w) => /\p{L}|\p{N}/u.test(w));
  if (words.length === 0) return "?";
  const firstLetter = (word: string) => Array.from(word.replace(/^[^\p{L}\p{N}]+/u, ""))[0] ?? "";
  if (words.length === 1) {
    const letters = Array.from(words[0].replace(/[^\p{L}\p{N}]/gu, ""));
    return letters.slice(0, 2).join("").toLocaleUpperCase();
  }
  return (firstLetter(words[0]) + firstLetter(words[words.length - 1])).toLocaleUpperCase();
}

/** A stable index into a palette, so the same person always gets the same avatar colour. */
export function paletteIndexFor(key: string, paletteSize: number): number {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % paletteSize;
}
