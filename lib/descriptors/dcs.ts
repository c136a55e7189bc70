// Data Contract Specification 1.2.1 (datacontract.com; deprecated in favour of ODCS) -> a product with one output
// port. Import only: Hexmesh exports ODPS and ODCS. See README.md for the mapping table.
import type {
  FieldDescriptor,
  Mapped,
  MappingWarning,
  OutputPortDescriptor,
  ProductDescriptor,
  ServerDescriptor,
  SloDescriptor,
} from "./model";
import { pointer } from "./errors";
import { asArray, asRecord, asString, isRecord, slugify, type JsonObject } from "./util";
import { derivePortKind, readClassification, readStatus } from "./vocabulary";
import { DEFAULT_SLO_TARGET, DEFAULT_SLO_WINDOW_DAYS } from "./odcs";

/** Top-level keys the mapping reads; every other key goes to the product's customProperties. */
const MAPPED_KEYS = new Set(["dataContractSpecification", "id", "info", "models", "servicelevels", "terms", "tags"]);
const MAPPED_INFO = new Set(["title", "version", "description", "owner", "status"]);
const MAPPED_TERMS = new Set(["usage", "limitations"]);
const MAPPED_SERVICE_LEVELS = new Set(["availability", "latency", "freshness"]);

/** A DCS document (already validated against the DCS schema) -> a product with one output port (the contract). */
export function dcsToProduct(doc: JsonObject): Mapped<ProductDescriptor> {
  const warnings: MappingWarning[] = [];
  const info = asRecord(doc.info);
  const terms = asRecord(doc.terms);
  const id = asString(doc.id) ?? "";
  const name = slugify(id.split(":").pop() || asString(info.title) || "");
  const displayName = asString(info.title) ?? name;
  const status = readStatus(info.status);
  if (info.status !== undefined && !status) {
    warnings.push({
      pointer: "/info/status",
      message: `Unknown status ${JSON.stringify(info.status)}: read as draft.`,
    });
  }

  const [serverName, firstServer] = Object.entries(asRecord(doc.servers))[0] ?? [];
  const server = isRecord(firstServer) ? readServer(firstServer) : undefined;
  const models = Object.entries(asRecord(doc.models));
  const port: OutputPortDescriptor = {
    name,
    displayName,
    description: asString(info.description) ?? "",
    kind: derivePortKind(server?.type, asRecord(models[0]?.[1]).type === "object" ? "file" : "table"),
    contractVersion: asString(info.version) ?? "1.0.0",
    fields: readFields(doc, models, warnings),
    slos: readSlos(asRecord(doc.servicelevels), warnings),
    customProperties: serverName ? { server: serverName } : {},
  };
  const format = server ? (asString(server.format) ?? server.type) : undefined;
  if (format !== undefined) port.format = format;
  if (server) port.server = server;

  const customProperties: Record<string, unknown> = { dataContractId: id };
  for (const [key, value] of Object.entries(doc)) if (!MAPPED_KEYS.has(key)) customProperties[key] = value;
  for (const [key, value] of Object.entries(info)) if (!MAPPED_INFO.has(key)) customProperties[key] = value;
  for (const [key, value] of Object.entries(terms)) if (!MAPPED_TERMS.has(key)) customProperties[key] = value;
  const otherLevels = Object.entries(asRecord(doc.servicelevels)).filter(([key]) => !MAPPED_SERVICE_LEVELS.has(key));
  if (otherLevels.length > 0) customProperties.servicelevels = Object.fromEntries(otherLevels);

  const value: ProductDescriptor = {
    domain: null,
    name,
    displayName,
    owningTeam: asString(info.owner) ?? null,
    archetype: null,
    status: status ?? "draft",
    description: asString(info.description) ?? "",
    purpose: "",
    limitations: asString(terms.limitations) ?? "",
    usage: asString(terms.usage) ?? "",
    tags: asArray(doc.tags).filter((tag): tag is string => typeof tag === "string"),
    version: asString(info.version) ?? "0.1.0",
    outputPorts: [port],
    inputPorts: [],
    customProperties,
  };
  if (id) value.id = id;
  return { value, warnings };
}

/** A DCS server entry -> Hexmesh's `{ type, ...settings }` (scalar settings only; roles stay in the document). */
function readServer(entry: JsonObject): ServerDescriptor {
  const server: ServerDescriptor = { type: asString(entry.type) ?? "custom" };
  for (const [key, value] of Object.entries(entry)) {
    if (key === "type" || key === "description") continue;
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) {
      server[key] = value as string | number | boolean | null;
    }
  }
  return server;
}

/** The fields of every model; names are qualified by the model (`orders.order_id`) when there are several. */
function readFields(doc: JsonObject, models: [string, unknown][], warnings: MappingWarning[]): FieldDescriptor[] {
  const definitions = asRecord(doc.definitions);
  const qualified = models.length > 1;
  return models.flatMap(([modelName, model]) => {
    const keys = asArray(asRecord(model).primaryKey).filter((key) => typeof key === "string");
    return Object.entries(asRecord(asRecord(model).fields)).map(([fieldName, raw]) => {
      const field = resolve(asRecord(raw), definitions);
      const at = pointer(["models", modelName, "fields", fieldName]);
      const classification = readClassification(field.classification);
      if (field.classification !== undefined && !classification) {
        warnings.push({
          pointer: `${at}/classification`,
          message: `Unknown classification ${JSON.stringify(field.classification)}: read as internal.`,
        });
      }
      return {
        name: qualified ? `${modelName}.${fieldName}` : fieldName,
        type: asString(field.type) ?? "unknown",
        description: asString(field.description) ?? asString(field.title) ?? "",
        required: field.required === true,
        primaryKey: field.primaryKey === true || field.primary === true || keys.includes(fieldName),
        classification: classification ?? "internal",
        pii: field.pii === true,
        polyseme: null,
      };
    });
  });
}

/** Merges a field with the local definition it references (`$ref: '#/definitions/order_id'`); the field wins. */
function resolve(field: JsonObject, definitions: JsonObject): JsonObject {
  const ref = asString(field.$ref);
  const match = ref ? /^#\/definitions\/(.+)$/.exec(ref) : null;
  if (!match) return field;
  const { $ref: _ref, ...rest } = field;
  return { ...asRecord(definitions[match[1]]), ...rest };
}

/** `25h`, `24 hours`, `30d`, `PT24H` -> { threshold, unit }; undefined when not a duration. */
export function parseDuration(text: string): { threshold: number; unit: string } | undefined {
  const simple = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text.trim());
  if (simple) return { threshold: Number(simple[1]), unit: simple[2] };
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(text.trim());
  if (iso && text.trim().length > 1) {
    const [, d, h, m, s] = iso.map((part) => Number(part ?? 0));
    return { threshold: d * 24 + h + m / 60 + s / 3600, unit: "h" };
  }
  return undefined;
}

/** availability.percentage, latency.threshold and freshness.threshold become SLOs; the rest stays a property. */
function readSlos(levels: JsonObject, warnings: MappingWarning[]): SloDescriptor[] {
  const slos: SloDescriptor[] = [];
  const add = (name: string, kind: SloDescriptor["kind"], measure: { threshold: number; unit: string }) => {
    const level = asRecord(levels[name]);
    slos.push({
      kind,
      name,
      objective: asString(level.description) ?? `${name} ${measure.threshold} ${measure.unit}`,
      ...measure,
      target: DEFAULT_SLO_TARGET,
      windowDays: DEFAULT_SLO_WINDOW_DAYS,
    });
  };
  const percentage = asString(asRecord(levels.availability).percentage);
  if (percentage) add("availability", "availability", { threshold: Number(percentage.replace("%", "")), unit: "%" });
  for (const name of ["latency", "freshness"]) {
    const threshold = asString(asRecord(levels[name]).threshold);
    if (!threshold) continue;
    const measure = parseDuration(threshold);
    if (measure) add(name, "freshness", measure);
    else {
      warnings.push({
        pointer: `/servicelevels/${name}/threshold`,
        message: `Cannot read the duration ${JSON.stringify(threshold)}: not imported as an SLO.`,
      });
    }
  }
  return slos;
}
