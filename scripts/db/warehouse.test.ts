import { describe, expect, it } from "vitest";
import { PRODUCTS } from "../../prisma/seed-data";
import { demoListenerRows, demoWarehouseUrl } from "./warehouse";

describe("the demo warehouse", () => {
  const today = new Date("2026-11-25T00:00:00Z");
  const rows = demoListenerRows(today);

  it("holds a few hundred rows, the same every time", () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(rows.length).toBeLessThanOrEqual(600);
    expect(demoListenerRows(today)).toEqual(rows);
  });

  it("has one row per listener and podcast with plausible values", () => {
    const keys = new Set(rows.map((row) => `${row.listener_id}/${row.podcast_id}`));
    expect(keys.size).toBe(rows.length);
    for (const row of rows) {
      expect(["13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+", "unknown"]).toContain(row.age_band);
      expect(row.country).toMatch(/^[A-Z]{2}$/);
      expect(row.episodes_played_30d).toBeGreaterThanOrEqual(1);
      expect(row.minutes_listened_30d).toBeGreaterThan(row.episodes_played_30d * 10);
      expect(row.first_listened_at.getTime()).toBeLessThan(today.getTime());
      expect(row.computed_on).toBe("2026-11-25");
    }
    const unknown = rows.filter((row) => row.age_band === "unknown").length / rows.length;
    expect(unknown).toBeGreaterThan(0.02);
    expect(unknown).toBeLessThan(0.15);
  });

  it("has exactly the columns of the output port it serves", () => {
    const port = PRODUCTS.find((p) => p.name === "podcast-listeners-demographic")?.outputPorts.find(
      (p) => p.name === "listeners-demographic",
    );
    expect(port?.server).toMatchObject({
      type: "postgres",
      database: "hexmesh_warehouse",
      table: "listeners_demographic",
    });
    expect(Object.keys(rows[0]).sort()).toEqual(port?.fields.map((f) => f.name).sort());
  });

  it("lives on the catalog's server with its credentials", () => {
    expect(demoWarehouseUrl("postgresql://u:p@127.0.0.1:54329/hexmesh_test")).toBe(
      "postgresql://u:p@127.0.0.1:54329/hexmesh_warehouse",
    );
  });
});
