import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeKeyset, decodeNameCursor, encodeKeyset, encodeNameCursor, keysetPage } from "./keyset";

const Key = z.tuple([z.string(), z.number()]);
const cursorOf = (row: number) => `c${row}`;

describe("encodeKeyset / decodeKeyset", () => {
  it("round-trips any value", () => {
    const key = ["naïve / name?&=", 3];
    expect(decodeKeyset(encodeKeyset(key), Key)).toEqual(key);
  });

  it("gives undefined for anything else", () => {
    for (const value of [undefined, "", "not base64 json", encodeKeyset(["only a name"]), "x".repeat(1001)]) {
      expect(decodeKeyset(value, Key)).toBeUndefined();
    }
  });
});

describe("encodeNameCursor / decodeNameCursor", () => {
  it("round-trips a name and an id, and ignores anything else", () => {
    const cursor = { name: "Zoë / ?&=", id: "7d4b6a52-58a4-4bcb-8f3c-2f7a5f2d7c11" };
    expect(decodeNameCursor(encodeNameCursor(cursor))).toEqual(cursor);
    expect(decodeNameCursor(encodeKeyset(["name", "not-a-uuid"]))).toBeUndefined();
  });
});

describe("keysetPage", () => {
  it("has no previous page at the start and a next one when a row was read beyond the page", () => {
    expect(keysetPage([1, 2, 3], 2, { after: false, backwards: false }, cursorOf)).toEqual({
      page: [1, 2],
      nextCursor: "c2",
      previousCursor: null,
    });
  });

  it("has no next page at the end after a cursor", () => {
    expect(keysetPage([3, 4], 2, { after: true, backwards: false }, cursorOf)).toEqual({
      page: [3, 4],
      nextCursor: null,
      previousCursor: "c3",
    });
  });

  it("puts a page read backwards in display order, with a previous page only when a row was read beyond it", () => {
    expect(keysetPage([4, 3, 2], 2, { after: false, backwards: true }, cursorOf)).toEqual({
      page: [3, 4],
      nextCursor: "c4",
      previousCursor: "c3",
    });
    expect(keysetPage([2, 1], 2, { after: false, backwards: true }, cursorOf)).toEqual({
      page: [1, 2],
      nextCursor: "c2",
      previousCursor: null,
    });
  });

  it("gives no cursors for an empty page", () => {
    expect(keysetPage([], 2, { after: true, backwards: false }, cursorOf)).toEqual({
      page: [],
      nextCursor: null,
      previousCursor: null,
    });
  });
});
