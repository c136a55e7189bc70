// Keyset pagination cursors: the sort key of the row a page starts after (or before), written in URLs as base64url
// JSON so that it survives any value. Pure; used by the catalog search and the admin users list.
import type { z } from "zod";

export function encodeKeyset(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The key in a URL, or undefined when it is not one of ours (a stale or edited link opens the first page). */
export function decodeKeyset<T extends z.ZodType>(value: string | undefined, key: T): z.output<T> | undefined {
  if (!value || value.length > 1000) return undefined;
  try {
    const parsed = key.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
