import { describe, expect, it } from "vitest";
import { inferFields } from "./infer-schema";

describe("inferFields", () => {
  it("reads names, types and required from JSON objects", () => {
    const sample = JSON.stringify([
      {
        listener_id: 12,
        signed_up: "2024-03-01",
        last_seen: "2024-03-01T10:00:00Z",
        score: 0.5,
        email: null,
        plays: 3000000000,
      },
      {
        listener_id: 13,
        signed_up: "2024-03-02",
        last_seen: "2024-03-02T10:00:00Z",
        score: 1.5,
        email: "a@b.c",
        plays: 1,
      },
    ]);
    expect(inferFields(sample).fields).toEqual([
      { name: "listener_id", type: "int", required: true },
      { name: "signed_up", type: "date", required: true },
      { name: "last_seen", type: "timestamp", required: true },
      { name: "score", type: "double", required: true },
      { name: "email", type: "string", required: false },
      { name: "plays", type: "bigint", required: true },
    ]);
  });

  it("reads a CSV header with any common delimiter", () => {
    expect(inferFields('"listener id";age_band;country\n1;18-24;DE').fields.map((field) => field.name)).toEqual([
      "listener_id",
      "age_band",
      "country",
    ]);
  });

  it("says what is wrong with a sample it cannot read", () => {
    expect(inferFields("").error).toMatch(/Paste/);
    expect(inferFields("{nope").error).toMatch(/not valid JSON/);
    expect(inferFields("[1, 2]").error).toMatch(/no object/);
  });
});
