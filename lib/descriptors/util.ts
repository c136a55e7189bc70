// Small pure helpers shared by the mappings: plain-object checks, deep equality, slugs and the customProperties
// lists of ODPS/ODCS (`[{ property, value, description? }]`).

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function asRecord(value: unknown): JsonObject {
  return isRecord(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Structural equality of JSON values (object key order does not matter; undefined members count as absent). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/** A URL name: lower-case letters, digits and hyphens (`Customer Data Product` -> `customer-data-product`). */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/, "");
  return slug || "unnamed";
}

/** A fresh document with its top-level keys in the order the schema lists them (for readable exports). */
export function inSchemaOrder(doc: JsonObject, order: string[]): JsonObject {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries(Object.entries(doc).sort(([a], [b]) => rank(a) - rank(b)));
}

/** Sets `object[key]`, or deletes it when `value` is undefined. */
export function setOrDelete(object: JsonObject, key: string, value: unknown): void {
  if (value === undefined) delete object[key];
  else object[key] = value;
}

// --- customProperties ---------------------------------------------------------------------------------------------

function entries(owner: JsonObject): JsonObject[] {
  return asArray(owner.customProperties).filter(isRecord);
}

/** The value of a custom property, or undefined. */
export function getCustomProperty(owner: JsonObject, property: string): unknown {
  return entries(owner).find((entry) => entry.property === property)?.value;
}

/** Sets (replacing the first entry of that name, keeping its description) or, with undefined, removes a property. */
export function setCustomProperty(owner: JsonObject, property: string, value: unknown): void {
  const list = asArray(owner.customProperties);
  const index = list.findIndex((entry) => isRecord(entry) && entry.property === property);
  if (value === undefined) {
    if (index < 0) return;
    const kept = list.filter((entry) => !(isRecord(entry) && entry.property === property));
    if (kept.length === 0) delete owner.customProperties;
    else owner.customProperties = kept;
    return;
  }
  if (index >= 0) {
    list[index] = { ...(list[index] as JsonObject), value };
    owner.customProperties = list;
  } else {
    owner.customProperties = [...list, { property, value }];
  }
}

/** Every custom property not consumed by the mapping, as a record (the first entry of a name wins). */
export function otherCustomProperties(owner: JsonObject, consumed: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const entry of entries(owner)) {
    const property = entry.property;
    if (typeof property !== "string" || consumed.includes(property) || property in result) continue;
    result[property] = entry.value;
  }
  return result;
}

/** Makes the unconsumed custom properties of `owner` equal to `values`, keeping entries that did not change. */
export function setOtherCustomProperties(
  owner: JsonObject,
  values: Record<string, unknown>,
  consumed: readonly string[],
): void {
  const current = otherCustomProperties(owner, consumed);
  for (const property of Object.keys(current)) {
    if (!(property in values)) setCustomProperty(owner, property, undefined);
  }
  for (const [property, value] of Object.entries(values)) {
    if (!(property in current) || !deepEqual(current[property], value)) setCustomProperty(owner, property, value);
  }
}

// --- lenses -------------------------------------------------------------------------------------------------------

/**
 * One mapping between part of a document and some keys of a model object: `read` takes them from a document,
 * `write` puts them into one. Laws the tests check: read(write(doc, v)) gives v back for those keys.
 */
export interface Lens<D, M> {
  keys: readonly (keyof M)[];
  read(doc: D, into: Partial<M>): void;
  write(doc: D, model: M): void;
}

/** Reads every lens into a model object. */
export function readLenses<D, M>(doc: D, lenses: readonly Lens<D, M>[]): M {
  const model: Partial<M> = {};
  for (const lens of lenses) lens.read(doc, model);
  return model as M;
}

/**
 * Writes the model into `doc`. With `before` (what the original document reads as), only lenses whose keys
 * changed are written, so that everything the model does not change stays exactly as it was in the original.
 */
export function writeLenses<D, M>(doc: D, model: M, lenses: readonly Lens<D, M>[], before?: M): void {
  for (const lens of lenses) {
    if (before && lens.keys.every((key) => deepEqual(model[key], before[key]))) continue;
    lens.write(doc, model);
  }
}
