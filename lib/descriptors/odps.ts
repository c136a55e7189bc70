// ODPS 1.0.0 (Open Data Product Standard) <-> ProductDescriptor. See README.md for the mapping table.
// Import keeps nothing but the model; the caller keeps the original document, and export merges the model into it
// (productToOdps(product, original)) so that everything the model does not hold comes back unchanged.
import type { InputPortDescriptor, Mapped, MappingWarning, OutputPortDescriptor, ProductDescriptor } from "./model";
import { pointer } from "./errors";
import odpsSchema from "./schemas/odps-json-schema-v1.0.0.json";
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
import {
  parseContractId,
  portContractId,
  readArchetype,
  readPortKind,
  readStatus,
  sourceSystemContractId,
  writeArchetype,
  writePortKind,
} from "./vocabulary";

export const ODPS_API_VERSION = "v1.0.0";
/** The version Hexmesh gives a product whose document names none. */
export const DEFAULT_PRODUCT_VERSION = "0.1.0";

/** Custom properties of the product that Hexmesh reads as model fields. */
const PRODUCT_PROPERTIES = ["displayName", "archetype", "summary"] as const;
/** Custom properties of an output port that Hexmesh reads as model fields. */
const PORT_PROPERTIES = ["displayName", "format"] as const;

type Warnings = MappingWarning[];

/** An ODPS document (already validated against the ODPS schema) -> what Hexmesh holds of it. */
export function odpsToProduct(doc: JsonObject): Mapped<ProductDescriptor> {
  const warnings: Warnings = [];
  const value = readLenses(doc, productLenses(warnings));
  return { value, warnings };
}

/**
 * A product -> an ODPS 1.0.0 document. With `original` (the document last imported), the result is the original
 * with the model's values merged in only where they differ from what the original maps to: re-exporting an
 * unchanged import gives the original back, field for field.
 */
export function productToOdps(product: ProductDescriptor, original?: JsonObject): JsonObject {
  const lenses = productLenses([]);
  if (original) {
    const doc = clone(original);
    writeLenses(doc, product, lenses, readLenses(original, productLenses([])));
    return doc;
  }
  const doc: JsonObject = { apiVersion: ODPS_API_VERSION, kind: "DataProduct", id: "", status: product.status };
  writeLenses(doc, product, lenses);
  if (!doc.id) doc.id = `hexmesh:product:${product.domain ? `${product.domain}/` : ""}${product.name}`;
  return inSchemaOrder(doc, Object.keys(odpsSchema.properties));
}

function productLenses(warnings: Warnings): Lens<JsonObject, ProductDescriptor>[] {
  const description = (doc: JsonObject) => asRecord(doc.description);
  const descriptionText = (key: "purpose" | "limitations" | "usage"): Lens<JsonObject, ProductDescriptor> => ({
    keys: [key],
    read: (doc, into) => void (into[key] = asString(description(doc)[key]) ?? ""),
    write: (doc, model) => {
      const next = { ...description(doc) };
      setOrDelete(next, key, model[key] || undefined);
      setOrDelete(doc, "description", Object.keys(next).length > 0 ? next : undefined);
    },
  });
  return [
    {
      keys: ["id"],
      read: (doc, into) => void (into.id = asString(doc.id)),
      write: (doc, model) => void (model.id !== undefined && (doc.id = model.id)),
    },
    {
      keys: ["name", "displayName"],
      read: (doc, into) => {
        const written = asString(doc.name) ?? asString(doc.id) ?? "";
        into.name = slugify(written);
        into.displayName = asString(getCustomProperty(doc, "displayName")) ?? written;
      },
      write: (doc, model) => {
        doc.name = model.name;
        setCustomProperty(doc, "displayName", model.displayName === model.name ? undefined : model.displayName);
      },
    },
    {
      keys: ["domain"],
      read: (doc, into) => void (into.domain = asString(doc.domain) ?? null),
      write: (doc, model) => setOrDelete(doc, "domain", model.domain ?? undefined),
    },
    {
      keys: ["owningTeam"],
      read: (doc, into) => void (into.owningTeam = asString(asRecord(doc.team).name) ?? null),
      write: (doc, model) => {
        const team = { ...asRecord(doc.team) };
        setOrDelete(team, "name", model.owningTeam ?? undefined);
        setOrDelete(doc, "team", Object.keys(team).length > 0 ? team : undefined);
      },
    },
    {
      keys: ["archetype"],
      read: (doc, into) => {
        const written = getCustomProperty(doc, "archetype");
        into.archetype = readArchetype(written) ?? null;
        if (written !== undefined && !into.archetype) {
          warnings.push({
            pointer: "/customProperties",
            message: `Unknown archetype ${JSON.stringify(written)}: expected source-aligned, aggregate or consumer-aligned.`,
          });
        }
      },
      write: (doc, model) =>
        setCustomProperty(doc, "archetype", model.archetype ? writeArchetype(model.archetype) : undefined),
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
      keys: ["description"],
      read: (doc, into) => void (into.description = asString(getCustomProperty(doc, "summary")) ?? ""),
      write: (doc, model) => setCustomProperty(doc, "summary", model.description || undefined),
    },
    descriptionText("purpose"),
    descriptionText("limitations"),
    descriptionText("usage"),
    {
      keys: ["tags"],
      read: (doc, into) => void (into.tags = asArray(doc.tags).filter((tag) => typeof tag === "string")),
      write: (doc, model) => setOrDelete(doc, "tags", model.tags.length > 0 ? [...model.tags] : undefined),
    },
    {
      keys: ["version"],
      read: (doc, into) => void (into.version = asString(doc.version) ?? DEFAULT_PRODUCT_VERSION),
      write: (doc, model) => void (doc.version = model.version),
    },
    {
      keys: ["outputPorts"],
      read: (doc, into) => void (into.outputPorts = readOutputPorts(doc, warnings)),
      write: (doc, model) => writeOutputPorts(doc, model),
    },
    {
      keys: ["inputPorts"],
      read: (doc, into) => void (into.inputPorts = asArray(doc.inputPorts).filter(isRecord).map(readInputPort)),
      write: (doc, model) => writeInputPorts(doc, model.inputPorts),
    },
    {
      keys: ["customProperties"],
      read: (doc, into) => void (into.customProperties = otherCustomProperties(doc, PRODUCT_PROPERTIES)),
      write: (doc, model) => setOtherCustomProperties(doc, model.customProperties, PRODUCT_PROPERTIES),
    },
  ];
}

// --- output ports -------------------------------------------------------------------------------------------------

/**
 * ODPS lists one entry per version of a port ("the combination of the name and version is the key"); Hexmesh has
 * one port per name. The port is read from the entry with the highest version; the other entries stay in the
 * document.
 */
function readOutputPorts(doc: JsonObject, warnings: Warnings): OutputPortDescriptor[] {
  return portGroups(doc).map(({ primary, index }) => readOutputPort(primary, index, warnings));
}

interface PortGroup {
  name: string;
  primary: JsonObject;
  index: number;
  entries: JsonObject[];
}

function portGroups(doc: JsonObject): PortGroup[] {
  const groups = new Map<string, PortGroup>();
  asArray(doc.outputPorts).forEach((entry, index) => {
    if (!isRecord(entry)) return;
    const name = slugify(asString(entry.name) ?? "");
    const group = groups.get(name);
    if (!group) groups.set(name, { name, primary: entry, index, entries: [entry] });
    else {
      group.entries.push(entry);
      if (compareVersions(asString(entry.version) ?? "", asString(group.primary.version) ?? "") > 0) {
        group.primary = entry;
        group.index = index;
      }
    }
  });
  return [...groups.values()];
}

/** Compares dotted versions numerically (`v2.10.0` > `v2.9.1`); non-numeric parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.replace(/^v/i, "").split(/[.+-]/);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [x, y] = [pa[i] ?? "0", pb[i] ?? "0"];
    const [nx, ny] = [Number(x), Number(y)];
    const order = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

function outputPortLenses(warnings: Warnings, at: string): Lens<JsonObject, OutputPortDescriptor>[] {
  return [
    {
      keys: ["name", "displayName"],
      read: (entry, into) => {
        const written = asString(entry.name) ?? "";
        into.name = slugify(written);
        into.displayName = asString(getCustomProperty(entry, "displayName")) ?? written;
      },
      write: (entry, port) => {
        entry.name = port.name;
        setCustomProperty(entry, "displayName", port.displayName === port.name ? undefined : port.displayName);
      },
    },
    {
      keys: ["description"],
      read: (entry, into) => void (into.description = asString(entry.description) ?? ""),
      write: (entry, port) => setOrDelete(entry, "description", port.description || undefined),
    },
    {
      keys: ["kind"],
      read: (entry, into) => {
        into.kind = readPortKind(entry.type) ?? "table";
        if (!readPortKind(entry.type) && entry.type !== undefined) {
          warnings.push({
            pointer: `${at}/type`,
            message: `Unknown port type ${JSON.stringify(entry.type)}: read as a table.`,
          });
        }
      },
      write: (entry, port) => void (entry.type = writePortKind(port.kind)),
    },
    {
      keys: ["contractVersion"],
      read: (entry, into) => void (into.contractVersion = asString(entry.version) ?? "1.0.0"),
      write: (entry, port) => void (entry.version = port.contractVersion),
    },
    {
      keys: ["format"],
      read: (entry, into) => void (into.format = asString(getCustomProperty(entry, "format"))),
      write: (entry, port) => setCustomProperty(entry, "format", port.format),
    },
    {
      // Servers, schemas and SLOs live in the port's ODCS contract, not in ODPS: an ODPS import leaves them as
      // they are (undefined), and an ODPS export does not write them.
      keys: [],
      read: (_entry, into) => {
        into.server = undefined;
        into.fields = undefined;
        into.slos = undefined;
      },
      write: () => {},
    },
    {
      keys: ["customProperties"],
      read: (entry, into) => void (into.customProperties = otherCustomProperties(entry, PORT_PROPERTIES)),
      write: (entry, port) => setOtherCustomProperties(entry, port.customProperties, PORT_PROPERTIES),
    },
  ];
}

function readOutputPort(entry: JsonObject, index: number, warnings: Warnings): OutputPortDescriptor {
  const port = readLenses(entry, outputPortLenses(warnings, pointer(["outputPorts", index])));
  // Keys the ODPS document does not describe are absent, not undefined members.
  for (const key of ["format", "server", "fields", "slos"] as const) if (port[key] === undefined) delete port[key];
  return port;
}

/** Ports only compared on what ODPS holds: an ODPS export ignores fields, server and SLOs of the model. */
function odpsView(port: OutputPortDescriptor): OutputPortDescriptor {
  const { fields: _fields, slos: _slos, server: _server, ...rest } = port;
  return rest as OutputPortDescriptor;
}

function writeOutputPorts(doc: JsonObject, product: ProductDescriptor): void {
  const groups = new Map(portGroups(doc).map((group) => [group.name, group]));
  const entries: JsonObject[] = [];
  for (const port of product.outputPorts) {
    const group = groups.get(port.name);
    if (!group) {
      const entry: JsonObject = {
        name: port.name,
        version: port.contractVersion,
        contractId: portContractId(product.domain, product.name, port.name),
      };
      writeLenses(entry, port, outputPortLenses([], ""));
      entries.push(entry);
      continue;
    }
    const before = readOutputPort(group.primary, group.index, []);
    for (const entry of group.entries) {
      if (entry !== group.primary || deepEqual(odpsView(before), odpsView(port))) {
        entries.push(entry);
        continue;
      }
      const next = clone(entry);
      writeLenses(next, port, outputPortLenses([], ""), before);
      entries.push(next);
    }
  }
  setOrDelete(doc, "outputPorts", entries.length > 0 ? entries : undefined);
}

// --- input ports --------------------------------------------------------------------------------------------------

function readInputPort(entry: JsonObject): InputPortDescriptor {
  const contractId = asString(entry.contractId) ?? "";
  const parsed = parseContractId(contractId);
  return {
    name: asString(entry.name) ?? "",
    version: asString(entry.version) ?? "",
    description: asString(getCustomProperty(entry, "description")) ?? "",
    source: parsed ?? { kind: "contract", contractId },
  };
}

function contractIdOf(input: InputPortDescriptor): string {
  const source = input.source;
  if (source.kind === "output-port") return portContractId(null, source.product, source.port);
  if (source.kind === "source-system") return sourceSystemContractId(source.system);
  return source.contractId;
}

/** Input ports whose mapping did not change keep their original entry; others are written anew. */
function writeInputPorts(doc: JsonObject, inputs: InputPortDescriptor[]): void {
  const originals = asArray(doc.inputPorts).filter(isRecord);
  const used = new Set<JsonObject>();
  const entries = inputs.map((input) => {
    const same = originals.find((entry) => !used.has(entry) && deepEqual(readInputPort(entry), input));
    if (same) {
      used.add(same);
      return same;
    }
    const source = input.source;
    const entry: JsonObject = {
      name:
        input.name ||
        (source.kind === "output-port" ? source.port : source.kind === "source-system" ? source.system : "input"),
      version: input.version || "1.0.0",
      contractId: contractIdOf(input),
    };
    setCustomProperty(entry, "description", input.description || undefined);
    return entry;
  });
  setOrDelete(doc, "inputPorts", entries.length > 0 ? entries : undefined);
}
