// Keyset pagination cursors: the sort key of the row a page starts after (or before), written in URLs as base64url
// JSON so that it survives any value. Pure; used by the catalog search, the glossary and the admin users list.
import { z } from "zod";
import { storableText } from "./url-segment";

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

/** A row's position in a list ordered by name and id (the admin users, a polyseme's products). */
export interface NameCursor {
  name: string;
  id: string;
}
const NameCursorKey = z.tuple([z.string().max(200).transform(storableText), z.uuid()]);

export function encodeNameCursor(cursor: NameCursor): string {
  return encodeKeyset([cursor.name, cursor.id]);
}

export function decodeNameCursor(value: string | undefined): NameCursor | undefined {
  const key = decodeKeyset(value, NameCursorKey);
  return key && { name: key[0], id: key[1] };
}

/**
 * A page cut from rows read with one row beyond `size` (the read's order is reversed when paging `backwards`, i.e.
 * before a cursor): the page in display order, and the cursors of the pages after and before it (null at either
 * end of the list).
 */
export function keysetPage<T>(
  rows: T[],
  size: number,
  position: { after: boolean; backwards: boolean },
  cursorOf: (row: T) => string,
): { page: T[]; nextCursor: string | null; previousCursor: string | null } {
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (position.backwards) page.reverse();
  const first = page.at(0);
  const last = page.at(-1);
  const hasPrevious = position.backwards ? more : position.after;
  const hasNext = position.backwards || more;
  return {
    page,
    nextCursor: hasNext && last !== undefined ? cursorOf(last) : null,
    previousCursor: hasPrevious && first !== undefined ? cursorOf(first) : null,
  };
}
