// ODCS 3.1.0 (Open Data Contract Standard) <-> one output port of a product. See README.md for the mapping table.
// As for ODPS, the caller keeps the original contract and portToOdcs(port, product, original) merges the model
// into it, changing only what the model changed.
import type {
  ClassificationValue,
  FieldDescriptor,
  LifecycleValue,
  Mapped,
  MappingWarning,
  OutputPortDescriptor,
  ProductDescriptor,
  ServerDescriptor,
  SloDescriptor,
  SloKindValue,
} from "./model";
import { SLO_KINDS } from "./model";
import odcsSchema from "./schemas/odcs-json-schema-v3.1.0.json";
import {
  asArray,
  asRecord,
  asString,
  clone,
  deepEqual,
  getCustomProperty,
  inSchemaOrder,
  isRecord,
  otherCustomProperties,
  readLenses,
  setCustomProperty,
  setOrDelete,
  setOtherCustomProperties,
  slugify,
  writeLenses,
  type JsonObject,
  type Lens,
} from "./util";
import { isValidOdcsServer } from "./validate";
import { derivePortKind, portContractId, readClassification, readStatus } from "./vocabulary";

export const ODCS_API_VERSION = "v3.1.0";
/** Keys a fresh contract starts with; the rest follow the schema's order. */
const ODCS_HEAD = ["apiVersion", "kind", "id", "name", "version", "status"];

/** Contract-level custom properties that Hexmesh reads as model fields. */
const CONTRACT_PROPERTIES = ["displayName", "outputPortKind", "format", "sloObjectives"] as const;
/** Keys of an ODCS server entry that are not connection settings. */
const SERVER_BASE_KEYS = new Set(["id", "server", "type", "description", "environment", "roles", "customProperties"]);

/** What the contract says about its product; the caller checks it against the product the port belongs to. */
export interface ContractContext {
  status: LifecycleValue;
  domain: string | null;
  owningTeam: string | null;
  /** The deprecated `dataProduct` field (a product name), when present. */
  dataProduct: string | null;
}

type ContractModel = OutputPortDescriptor & Omit<ContractContext, "dataProduct">;
type Warnings = MappingWarning[];

/** An ODCS 3.x document (already validated against the ODCS schema) -> the output port it describes. */
export function odcsToPort(doc: JsonObject): Mapped<OutputPortDescriptor> & { context: ContractContext } {
  const warnings: Warnings = [];
  const { status, domain, owningTeam, ...port } = readLenses(doc, contractLenses(warnings));
  const dataProduct = asString(doc.dataProduct);
  if (port.server === undefined) delete port.server;
  if (port.format === undefined) delete port.format;
  return { value: port, warnings, context: { status, domain, owningTeam, dataProduct: dataProduct ?? null } };
}

/**
 * An output port -> an ODCS 3.1.0 contract. The product gives the contract's domain, status and team. With
 * `original` (the contract last imported for this port), the result is the original with the model's values merged
 * in only where they differ from what the original maps to.
 */
export function portToOdcs(
  port: OutputPortDescriptor,
  product: Pick<ProductDescriptor, "domain" | "name" | "status" | "owningTeam">,
  original?: JsonObject,
): JsonObject {
  const model: ContractModel = {
    ...port,
    status: product.status,
    domain: product.domain,
    owningTeam: product.owningTeam,
  };
  const lenses = contractLenses([]);
  if (original) {
    const doc = clone(original);
    writeLenses(doc, model, lenses, readLenses(original, contractLenses([])));
    return doc;
  }
  const doc: JsonObject = {
    apiVersion: ODCS_API_VERSION,
    kind: "DataContract",
    id: portContractId(product.domain, product.name, port.name),
    version: port.contractVersion,
    status: product.status,
  };
  writeLenses(doc, model, lenses);
  return inSchemaOrder(doc, [...ODCS_HEAD, ...Object.keys(odcsSchema.properties)]);
}

function contractLenses(warnings: Warnings): Lens<JsonObject, ContractModel>[] {
  const firstObject = (doc: JsonObject) => asRecord(asArray(doc.schema)[0]);
  const derivedFormat = (doc: JsonObject) => {
    const server = readServer(doc);
    return server ? (asString(server.format) ?? server.type) : undefined;
  };
  return [
    {
      keys: ["name", "displayName"],
      read: (doc, into) => {
        const written = asString(doc.name) ?? asString(firstObject(doc).name) ?? asString(doc.id) ?? "";
        into.name = slugify(written);
        into.displayName = asString(getCustomProperty(doc, "displayName")) ?? written;
      },
      // The port's URL name is Hexmesh's (the API takes it from the path): a contract's `name`, often a dataset
      // name such as `my_table`, is kept as written; it is only set when the contract has none.
      write: (doc, model) => {
        if (doc.name === undefined) doc.name = model.name;
        setCustomProperty(doc, "displayName", model.displayName === doc.name ? undefined : model.displayName);
      },
    },
    {
      keys: ["description"],
      read: (doc, into) => void (into.description = asString(asRecord(doc.description).purpose) ?? ""),
      write: (doc, model) => {
        const description = { ...asRecord(doc.description) };
        setOrDelete(description, "purpose", model.description || undefined);
        setOrDelete(doc, "description", Object.keys(description).length > 0 ? description : undefined);
      },
    },
    {
      keys: ["contractVersion"],
      read: (doc, into) => void (into.contractVersion = asString(doc.version) ?? "1.0.0"),
      write: (doc, model) => void (doc.version = model.contractVersion),
    },
    {
      keys: ["status"],
      read: (doc, into) => {
        into.status = readStatus(doc.status) ?? "draft";
        if (!readStatus(doc.status)) {
          warnings.push({
            pointer: "/status",
            message: `Unknown status ${JSON.stringify(doc.status)}: read as draft.`,
          });
        }
      },
      write: (doc, model) => void (doc.status = model.status),
    },
    {
      keys: ["domain"],
      read: (doc, into) => void (into.domain = asString(doc.domain) ?? null),
      write: (doc, model) => setOrDelete(doc, "domain", model.domain ?? undefined),
    },
    {
      keys: ["owningTeam"],
      // ODCS 3.1 has a team object; 3.0 had a list of members (kept as the members of the new object).
      read: (doc, into) => void (into.owningTeam = asString(asRecord(doc.team).name) ?? null),
      write: (doc, model) => {
        const team = Array.isArray(doc.team) ? { members: doc.team } : { ...asRecord(doc.team) };
        setOrDelete(team, "name", model.owningTeam ?? undefined);
        setOrDelete(doc, "team", Object.keys(team).length > 0 ? team : undefined);
      },
    },
    {
      keys: ["server"],
      read: (doc, into) => void (into.server = readServer(doc)),
      write: (doc, model) => writeServer(doc, model.server),
    },
    {
      keys: ["fields"],
      read: (doc, into) => void (into.fields = readFields(doc, warnings)),
      write: (doc, model) => model.fields && writeFields(doc, model.fields, model),
    },
    {
      keys: ["slos"],
      read: (doc, into) => void (into.slos = readSlos(doc)),
      write: (doc, model) => model.slos && writeSlos(doc, model.slos),
    },
    {
      // Derived from the server (and the schema's physical type) unless the contract says otherwise.
      keys: ["kind", "server", "fields"],
      read: (doc, into) => {
        const written = asString(getCustomProperty(doc, "outputPortKind"));
        const derived = derivePortKind(readServer(doc)?.type, firstObject(doc).physicalType);
        into.kind = (written && toKind(written)) || derived;
      },
      write: (doc, model) => {
        const derived = derivePortKind(readServer(doc)?.type, firstObject(doc).physicalType);
        setCustomProperty(doc, "outputPortKind", derived === model.kind ? undefined : model.kind);
      },
    },
    {
      keys: ["format", "server"],
      read: (doc, into) => {
        const format = asString(getCustomProperty(doc, "format")) ?? derivedFormat(doc);
        if (format !== undefined) into.format = format;
      },
      write: (doc, model) =>
        setCustomProperty(doc, "format", model.format === derivedFormat(doc) ? undefined : model.format),
    },
    {
      keys: ["customProperties"],
      read: (doc, into) => void (into.customProperties = otherCustomProperties(doc, CONTRACT_PROPERTIES)),
      write: (doc, model) => setOtherCustomProperties(doc, model.customProperties, CONTRACT_PROPERTIES),
    },
  ];
}

function toKind(word: string): OutputPortDescriptor["kind"] | undefined {
  return (["table", "files", "events", "api", "graph"] as const).find((kind) => kind === word);
}

// --- servers ------------------------------------------------------------------------------------------------------

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/** For each ODCS server type, the connection settings its schema allows, with their JSON type. */
const SERVER_SETTINGS: Map<string, Record<string, string | undefined>> = (() => {
  const defs = (odcsSchema as unknown as { $defs: JsonObject }).$defs;
  const sources = asRecord(defs.ServerSource);
  const settings = new Map<string, Record<string, string | undefined>>();
  for (const rule of asArray(asRecord(defs.Server).allOf)) {
    const type = asString(asRecord(asRecord(asRecord(asRecord(rule).if).properties).type).const);
    const ref = asString(asRecord(asRecord(rule).then).$ref)
      ?.split("/")
      .pop();
    if (!type || !ref) continue;
    const properties = asRecord(asRecord(sources[ref]).properties);
    settings.set(
      type,
      Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, asString(asRecord(value).type)])),
    );
  }
  return settings;
})();
const CUSTOM_SETTINGS = (() => {
  const sources = asRecord((odcsSchema as unknown as { $defs: JsonObject }).$defs.ServerSource);
  const properties = asRecord(asRecord(sources.CustomServer).properties);
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, asString(asRecord(value).type)]));
})();
const SERVER_TYPES = new Set<string>(
  asArray(
    asRecord(asRecord(asRecord((odcsSchema as unknown as { $defs: JsonObject }).$defs.Server).properties).type).enum,
  ).map(String),
);

/**
 * The first server of the contract as Hexmesh stores it: `{ type, ...settings }`, settings being the scalar
 * connection keys and the server's scalar custom properties (where Hexmesh writes what ODCS has no key for).
 */
function readServer(doc: JsonObject): ServerDescriptor | undefined {
  const first = asArray(doc.servers)[0];
  if (!isRecord(first)) return undefined;
  const server: ServerDescriptor = {
    type: asString(getCustomProperty(first, "serverType")) ?? asString(first.type) ?? "custom",
  };
  for (const [key, value] of Object.entries(first)) {
    if (!SERVER_BASE_KEYS.has(key) && isScalar(value)) server[key] = value;
  }
  for (const entry of asArray(first.customProperties)) {
    if (!isRecord(entry) || entry.property === "serverType" || typeof entry.property !== "string") continue;
    if (isScalar(entry.value) && !(entry.property in server)) server[entry.property] = entry.value;
  }
  return server;
}

function fits(value: Scalar, type: string | undefined): boolean {
  if (type === "integer") return Number.isInteger(value);
  if (type === "string") return typeof value === "string";
  if (type === "number") return typeof value === "number";
  if (type === "boolean") return typeof value === "boolean";
  return type === undefined;
}

/** Writes Hexmesh's server as the first ODCS server: typed when the schema allows it, else `custom`. */
function writeServer(doc: JsonObject, server: ServerDescriptor | undefined): void {
  const servers = [...asArray(doc.servers)];
  if (!server) {
    servers.shift();
    setOrDelete(doc, "servers", servers.length > 0 ? servers : undefined);
    return;
  }
  const base: JsonObject = isRecord(servers[0]) ? clone(servers[0]) : { server: "production" };
  for (const [key, value] of Object.entries(base)) if (!SERVER_BASE_KEYS.has(key) && isScalar(value)) delete base[key];
  base.customProperties = asArray(base.customProperties).filter((entry) => !(isRecord(entry) && isScalar(entry.value)));
  const { type, ...settings } = server;
  const attempt = (odcsType: string, allowed: Record<string, string | undefined> | null): JsonObject => {
    const candidate = clone(base);
    candidate.type = odcsType;
    if (odcsType !== type) setCustomProperty(candidate, "serverType", type);
    for (const [key, value] of Object.entries(settings)) {
      if (value === undefined) continue;
      if (allowed && key in allowed && fits(value, allowed[key])) candidate[key] = value;
      else setCustomProperty(candidate, key, value);
    }
    if (asArray(candidate.customProperties).length === 0) delete candidate.customProperties;
    return candidate;
  };
  const candidates = [
    ...(SERVER_TYPES.has(type) && type !== "custom" ? [attempt(type, SERVER_SETTINGS.get(type) ?? {})] : []),
    attempt("custom", CUSTOM_SETTINGS),
    attempt("custom", null),
  ];
  const chosen = candidates.find((candidate) => isValidOdcsServer(candidate)) ?? candidates[candidates.length - 1];
  // Keys the original server had keep their place.
  servers[0] = inSchemaOrder(chosen, Object.keys(asRecord(servers[0])));
  doc.servers = servers;
}

// --- schema -> fields ---------------------------------------------------------------------------------------------

const LOGICAL_TYPES = new Set([
  "string",
  "date",
  "timestamp",
  "time",
  "number",
  "integer",
  "object",
  "array",
  "boolean",
]);

/** The ODCS logical type a written type implies (`varchar(20)` -> string), or undefined. */
export function inferLogicalType(type: string): string | undefined {
  const t = type.trim().toLowerCase();
  if (LOGICAL_TYPES.has(t)) return t;
  if (/^(array|list)\b|\[\]$/.test(t)) return "array";
  if (/^(struct|record|object|map|row)\b/.test(t)) return "object";
  if (/^(varchar|nvarchar|char|nchar|character|text|string|uuid|clob|json|jsonb|enum|citext|bytes?)\b/.test(t))
    return "string";
  if (/^(int|integer|bigint|smallint|tinyint|long|short|serial|bigserial|int\d+)\b/.test(t)) return "integer";
  if (/^(decimal|numeric|number|float|double|real|money|float\d+)\b/.test(t)) return "number";
  if (/^bool/.test(t)) return "boolean";
  if (/^(timestamp|datetime)/.test(t)) return "timestamp";
  if (/^date\b/.test(t)) return "date";
  if (/^time\b/.test(t)) return "time";
  return undefined;
}

function fieldLenses(warnings: Warnings, at: string): Lens<JsonObject, FieldDescriptor>[] {
  const flag = (key: "required" | "primaryKey"): Lens<JsonObject, FieldDescriptor> => ({
    keys: [key],
    read: (p, into) => void (into[key] = p[key] === true),
    write: (p, field) => setOrDelete(p, key, field[key] ? true : undefined),
  });
  return [
    {
      keys: ["type"],
      read: (p, into) => void (into.type = asString(p.physicalType) ?? asString(p.logicalType) ?? "unknown"),
      write: (p, field) => {
        if (field.type === "unknown") {
          delete p.physicalType;
          delete p.logicalType;
          delete p.logicalTypeOptions;
          return;
        }
        if (p.physicalType === undefined && LOGICAL_TYPES.has(field.type)) {
          if (p.logicalType !== field.type) delete p.logicalTypeOptions;
          p.logicalType = field.type;
          return;
        }
        p.physicalType = field.type;
        const logical = inferLogicalType(field.type);
        if (logical !== p.logicalType) delete p.logicalTypeOptions;
        setOrDelete(p, "logicalType", logical);
      },
    },
    {
      keys: ["description"],
      read: (p, into) => void (into.description = asString(p.description) ?? ""),
      write: (p, field) => setOrDelete(p, "description", field.description || undefined),
    },
    flag("required"),
    flag("primaryKey"),
    {
      keys: ["classification"],
      read: (p, into) => {
        into.classification = readClassification(p.classification) ?? "internal";
        if (p.classification !== undefined && !readClassification(p.classification)) {
          warnings.push({
            pointer: `${at}/classification`,
            message: `Unknown classification ${JSON.stringify(p.classification)}: read as internal.`,
          });
        }
      },
      write: (p, field) => void (p.classification = field.classification satisfies ClassificationValue),
    },
    {
      keys: ["pii"],
      read: (p, into) => {
        const tagged = asArray(p.tags).some((tag) => typeof tag === "string" && tag.toLowerCase() === "pii");
        into.pii = getCustomProperty(p, "pii") === true || tagged;
      },
      write: (p, field) => {
        setCustomProperty(p, "pii", field.pii ? true : undefined);
        if (!field.pii && Array.isArray(p.tags)) {
          const tags = p.tags.filter((tag) => !(typeof tag === "string" && tag.toLowerCase() === "pii"));
          setOrDelete(p, "tags", tags.length > 0 ? tags : undefined);
        }
      },
    },
    {
      keys: ["polyseme"],
      read: (p, into) => void (into.polyseme = asString(getCustomProperty(p, "polyseme")) ?? null),
      write: (p, field) => setCustomProperty(p, "polyseme", field.polyseme ?? undefined),
    },
  ];
}

function readField(p: JsonObject, prefix: string, warnings: Warnings, at: string): FieldDescriptor {
  const rest = readLenses(p, fieldLenses(warnings, at));
  return { ...rest, name: `${prefix}${asString(p.name) ?? ""}` };
}

/**
 * The fields of the port: the top-level properties of the contract's schema object. A contract with several
 * schema objects (tables) gives one flat list with names qualified by the object (`orders.order_id`). Nested
 * properties of object and array fields stay in the contract.
 */
function readFields(doc: JsonObject, warnings: Warnings): FieldDescriptor[] {
  const objects = asArray(doc.schema);
  const qualified = objects.length > 1;
  return objects.flatMap((object, o) => {
    if (!isRecord(object)) return [];
    const prefix = qualified ? `${asString(object.name) ?? ""}.` : "";
    return asArray(object.properties).flatMap((p, i) =>
      isRecord(p) ? [readField(p, prefix, warnings, `/schema/${o}/properties/${i}`)] : [],
    );
  });
}

const PHYSICAL_TYPES: Partial<Record<OutputPortDescriptor["kind"], string>> = {
  table: "table",
  events: "topic",
  files: "file",
};

function writeFields(doc: JsonObject, fields: FieldDescriptor[], port: OutputPortDescriptor): void {
  const objects = asArray(doc.schema).map((object) => (isRecord(object) ? { ...object } : object));
  if (objects.length === 0) {
    if (fields.length === 0) return;
    // Qualified names from several objects (`orders.id`, `line_items.id`, e.g. a DCS import) make one schema object
    // each; anything else makes one object named after the port.
    const prefixes = fields.map((field) => /^([^.]+)\.[^.]/.exec(field.name)?.[1]);
    const distinct = [...new Set(prefixes)];
    const names = prefixes.every(Boolean) && distinct.length > 1 ? (distinct as string[]) : [port.name];
    for (const name of names) {
      const object: JsonObject = { name, logicalType: "object" };
      setOrDelete(object, "physicalType", PHYSICAL_TYPES[port.kind]);
      objects.push(object);
    }
  }
  const qualified = objects.length > 1;
  const names = objects.map((object) => (isRecord(object) ? (asString(object.name) ?? "") : ""));
  const assigned: FieldDescriptor[][] = objects.map(() => []);
  const locals = new Map<FieldDescriptor, string>();
  for (const field of fields) {
    let target = 0;
    let local = field.name;
    if (qualified) {
      let best = -1;
      names.forEach((name, o) => {
        if (field.name.startsWith(`${name}.`) && (best < 0 || name.length > names[best].length)) best = o;
      });
      if (best >= 0) {
        target = best;
        local = field.name.slice(names[best].length + 1);
      }
    }
    assigned[target].push(field);
    locals.set(field, local);
  }
  objects.forEach((object, o) => {
    if (!isRecord(object)) return;
    const prefix = qualified ? `${names[o]}.` : "";
    const originals = asArray(object.properties).filter(isRecord);
    const used = new Set<JsonObject>();
    const properties = assigned[o].map((field) => {
      const local = locals.get(field)!;
      const same = originals.find((p) => !used.has(p) && p.name === local);
      if (!same) {
        const p: JsonObject = { name: local };
        writeLenses(p, field, fieldLenses([], ""));
        return p;
      }
      used.add(same);
      const before = readField(same, prefix, [], "");
      if (deepEqual(before, field)) return same;
      const p = clone(same);
      writeLenses(p, field, fieldLenses([], ""), before);
      return p;
    });
    setOrDelete(
      object,
      "properties",
      properties.length > 0 || object.properties !== undefined ? properties : undefined,
    );
  });
  doc.schema = objects;
}

// --- SLA properties -> SLOs ---------------------------------------------------------------------------------------

const SLO_PROPERTY_KINDS: Record<string, SloKindValue> = {
  latency: "freshness",
  freshness: "freshness",
  age: "freshness",
  availability: "availability",
  uptime: "availability",
  completeness: "completeness",
  volume: "volume",
  throughput: "volume",
  rowcount: "volume",
};
const KIND_PROPERTIES: Record<SloKindValue, string | undefined> = {
  freshness: "latency",
  availability: "availability",
  completeness: "completeness",
  volume: "volume",
  custom: undefined,
};
export const DEFAULT_SLO_TARGET = 99;
export const DEFAULT_SLO_WINDOW_DAYS = 30;

function sloKindOf(property: string): SloKindValue {
  return SLO_PROPERTY_KINDS[property.toLowerCase().replace(/[^a-z]/g, "")] ?? "custom";
}

function defaultObjective(entry: JsonObject): string {
  const unit = asString(entry.unit);
  return `${asString(entry.property) ?? ""} ${String(entry.value)}${unit ? ` ${unit}` : ""}`;
}

/** SLOs are the SLA properties with a numeric value; the others (dates, times of day) stay in the contract. */
function sloEntries(doc: JsonObject): JsonObject[] {
  return asArray(doc.slaProperties).filter(
    (entry): entry is JsonObject => isRecord(entry) && typeof entry.value === "number",
  );
}

function derivedSlos(entries: JsonObject[]): Pick<SloDescriptor, "kind" | "name">[] {
  const counts = new Map<string, number>();
  return entries.map((entry) => {
    const property = asString(entry.property) ?? "sla";
    const count = (counts.get(property) ?? 0) + 1;
    counts.set(property, count);
    return { kind: sloKindOf(property), name: count === 1 ? property : `${property}-${count}` };
  });
}

function readSlos(doc: JsonObject): SloDescriptor[] {
  const entries = sloEntries(doc);
  const derived = derivedSlos(entries);
  const meta = asArray(getCustomProperty(doc, "sloObjectives"));
  const useMeta = meta.length === entries.length;
  return entries.map((entry, i) => {
    const m = useMeta ? asRecord(meta[i]) : {};
    const kind = SLO_KINDS.find((k) => k === m.kind) ?? derived[i].kind;
    return {
      kind,
      name: asString(m.name) ?? derived[i].name,
      objective: asString(entry.description) ?? defaultObjective(entry),
      threshold: entry.value as number,
      unit: asString(entry.unit) ?? "",
      target: typeof m.target === "number" ? m.target : DEFAULT_SLO_TARGET,
      windowDays: typeof m.windowDays === "number" ? m.windowDays : DEFAULT_SLO_WINDOW_DAYS,
    };
  });
}

function writeSlos(doc: JsonObject, slos: SloDescriptor[]): void {
  const queue = [...slos];
  const write = (slo: SloDescriptor, original?: JsonObject): JsonObject => {
    const entry: JsonObject = original ? clone(original) : {};
    const property = asString(entry.property);
    if (!property || sloKindOf(property) !== slo.kind) entry.property = KIND_PROPERTIES[slo.kind] ?? slo.name;
    entry.value = slo.threshold;
    setOrDelete(entry, "unit", slo.unit || undefined);
    delete entry.description;
    if (slo.objective !== defaultObjective(entry)) entry.description = slo.objective;
    return entry;
  };
  const entries: unknown[] = [];
  for (const entry of asArray(doc.slaProperties)) {
    if (!(isRecord(entry) && typeof entry.value === "number")) entries.push(entry);
    else if (queue.length > 0) entries.push(write(queue.shift()!, entry));
  }
  for (const slo of queue) entries.push(write(slo));
  setOrDelete(doc, "slaProperties", entries.length > 0 ? entries : undefined);
  const derived = derivedSlos(sloEntries(doc));
  const plain = slos.every(
    (slo, i) =>
      slo.kind === derived[i].kind &&
      slo.name === derived[i].name &&
      slo.target === DEFAULT_SLO_TARGET &&
      slo.windowDays === DEFAULT_SLO_WINDOW_DAYS,
  );
  setCustomProperty(
    doc,
    "sloObjectives",
    plain ? undefined : slos.map(({ name, kind, target, windowDays }) => ({ name, kind, target, windowDays })),
  );
}
