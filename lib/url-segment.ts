/** A dynamic route segment decoded; a malformed escape (`%E0%A4%A`) is kept as written, so the lookup 404s. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
