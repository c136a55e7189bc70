// Starting a schema from what a developer has at hand: a JSON sample (an object, or an array of objects) or a CSV
// header line. Pure; unit-tested.
import type { FieldInput } from "./input";

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return "string";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") {
    if (!Number.isInteger(value)) return "double";
    return Math.abs(value) > 2_147_483_647 ? "bigint" : "int";
  }
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return "date";
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return "timestamp";
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return "uuid";
    return "string";
  }
  if (Array.isArray(value)) return "array";
  return "struct";
}

/** A field name as the schema editor accepts it: no spaces or quotes. */
function cleanName(name: string): string {
  return name
    .trim()
    .replace(/^["'`]|["'`]$/g, "")
    .replace(/\s+/g, "_")
    .replace(/["'`]/g, "");
}

/**
 * The fields a sample suggests. JSON: one field per key of the first object (its type from the first non-null
 * value among the objects, `required` when no object lacks it or holds null). Anything else is read as a CSV header.
 */
export function inferFields(sample: string): { fields: FieldInput[]; error?: string } {
  const text = sample.trim();
  if (!text) return { fields: [], error: "Paste a JSON sample or a CSV header line first." };
  if (text.startsWith("{") || text.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return { fields: [], error: `This is not valid JSON: ${(error as Error).message}` };
    }
    const rows = (Array.isArray(parsed) ? parsed : [parsed]).filter(
      (row): row is Record<string, unknown> => typeof row === "object" && row !== null && !Array.isArray(row),
    );
    if (rows.length === 0) return { fields: [], error: "The JSON holds no object to read fields from." };
    const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    return {
      fields: names.map((name) => {
        const values = rows.map((row) => row[name]);
        const known = values.find((value) => value !== null && value !== undefined);
        return {
          name: cleanName(name),
          type: typeOf(known),
          required: values.every((value) => value !== null && value !== undefined),
        };
      }),
    };
  }
  const header = text.split(/\r?\n/)[0];
  const delimiter = [";", "\t", "|"].find((candidate) => header.includes(candidate) && !header.includes(",")) ?? ",";
  const names = header.split(delimiter).map(cleanName).filter(Boolean);
  if (names.length === 0) return { fields: [], error: "The header line holds no column names." };
  return { fields: [...new Set(names)].map((name) => ({ name, type: "string" })) };
}
