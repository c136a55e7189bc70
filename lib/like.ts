// LIKE patterns from what a user typed: their `%`, `_` and `\` match themselves, not any text. Pure.

/** `text` with LIKE's wildcards (and its escape character) escaped, for Prisma's `contains` too. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
