/**
 * Text from a URL as PostgreSQL can take it: its text cannot hold the NUL character, which an edited URL (`%00`)
 * can carry and which failed the whole request. It reads as a space, so a lookup finds nothing and a search
 * searches the rest.
 */
export function storableText(value: string): string {
  return value.replaceAll("\0", " ");
}

/** A dynamic route segment decoded; a malformed escape (`%E0%A4%A`) is kept as written, so the lookup 404s. */
export function decodeSegment(segment: string): string {
  try {
    return storableText(decodeURIComponent(segment));
  } catch {
    return segment;
  }
}

/** The first value of a URL search parameter as Next hands it to a page (a repeated one counts once). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
