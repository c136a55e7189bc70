/** A dynamic route segment decoded; a malformed escape (`%E0%A4%A`) is kept as written, so the lookup 404s. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The first value of a URL search parameter as Next hands it to a page (a repeated one counts once). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
