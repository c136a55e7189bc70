// The words of the standards vs the enums of Hexmesh. Documents use free strings for status, port type and
// classification; Hexmesh has closed enums. Reading maps known words (and common synonyms); unknown words give a
// default and a warning. Writing uses the standard's usual word. See README.md for the tables.
import type { ArchetypeValue, ClassificationValue, LifecycleValue, OutputPortKindValue } from "./model";

function normalize(word: string): string {
  return word.toLowerCase().replace(/[^a-z]/g, "");
}

const STATUS_WORDS: Record<string, LifecycleValue> = {
  proposed: "proposed",
  proposal: "proposed",
  requested: "proposed",
  planned: "proposed",
  draft: "draft",
  development: "draft",
  indevelopment: "draft",
  dev: "draft",
  test: "draft",
  active: "active",
  production: "active",
  prod: "active",
  released: "active",
  published: "active",
  live: "active",
  deprecated: "deprecated",
  sunset: "deprecated",
  retired: "retired",
  archived: "retired",
  decommissioned: "retired",
  obsolete: "retired",
  endoflife: "retired",
};

/** A document's status word -> Hexmesh lifecycle status, or undefined when unknown. */
export function readStatus(word: unknown): LifecycleValue | undefined {
  return typeof word === "string" ? STATUS_WORDS[normalize(word)] : undefined;
}

const ARCHETYPE_WORDS: Record<string, ArchetypeValue> = {
  sourcealigned: "source_aligned",
  source: "source_aligned",
  aggregate: "aggregate",
  aggregated: "aggregate",
  aggregation: "aggregate",
  consumeraligned: "consumer_aligned",
  consumer: "consumer_aligned",
};

export function readArchetype(word: unknown): ArchetypeValue | undefined {
  return typeof word === "string" ? ARCHETYPE_WORDS[normalize(word)] : undefined;
}

/** Hexmesh archetype -> the word written in documents (`source-aligned`, as in the database enum). */
export function writeArchetype(archetype: ArchetypeValue): string {
  return archetype.replace("_", "-");
}

const KIND_WORDS: Record<string, OutputPortKindValue> = {
  table: "table",
  tables: "table",
  view: "table",
  views: "table",
  dataset: "table",
  datasets: "table",
  database: "table",
  sql: "table",
  file: "files",
  files: "files",
  objectstorage: "files",
  object: "files",
  blob: "files",
  event: "events",
  events: "events",
  topic: "events",
  topics: "events",
  stream: "events",
  streams: "events",
  streaming: "events",
  message: "events",
  messages: "events",
  queue: "events",
  kafka: "events",
  api: "api",
  rest: "api",
  http: "api",
  https: "api",
  graphql: "api",
  graph: "graph",
};

/** ODPS output port `type` (free text, e.g. `tables`) -> Hexmesh port kind, or undefined when unknown. */
export function readPortKind(word: unknown): OutputPortKindValue | undefined {
  return typeof word === "string" ? KIND_WORDS[normalize(word)] : undefined;
}

const ODPS_PORT_TYPES: Record<OutputPortKindValue, string> = {
  table: "tables",
  files: "files",
  events: "events",
  api: "api",
  graph: "graph",
};

export function writePortKind(kind: OutputPortKindValue): string {
  return ODPS_PORT_TYPES[kind];
}

const EVENT_SERVERS = new Set(["kafka", "kinesis", "pubsub"]);
const FILE_SERVERS = new Set(["s3", "azure", "local", "sftp"]);
const PHYSICAL_KINDS: Record<string, OutputPortKindValue> = { topic: "events", file: "files", files: "files" };

/** The port kind an ODCS contract implies: from its server type, else its first schema object's physicalType. */
export function derivePortKind(serverType: unknown, physicalType: unknown): OutputPortKindValue {
  if (typeof serverType === "string") {
    if (EVENT_SERVERS.has(serverType)) return "events";
    if (FILE_SERVERS.has(serverType)) return "files";
    if (serverType === "api") return "api";
    if (serverType !== "custom") return "table";
  }
  return (typeof physicalType === "string" && PHYSICAL_KINDS[physicalType.toLowerCase()]) || "table";
}

const CLASSIFICATION_WORDS: Record<string, ClassificationValue> = {
  public: "public",
  open: "public",
  internal: "internal",
  private: "internal",
  confidential: "confidential",
  restricted: "restricted",
  secret: "restricted",
  sensitive: "restricted",
  highlyconfidential: "restricted",
};

export function readClassification(word: unknown): ClassificationValue | undefined {
  return typeof word === "string" ? CLASSIFICATION_WORDS[normalize(word)] : undefined;
}

/** The contract id Hexmesh writes for one of its output ports when the port has no original document. */
export function portContractId(domain: string | null, product: string, port: string): string {
  return `hexmesh:output-port:${domain ? `${domain}/` : ""}${product}/${port}`;
}

/** The contract id written for an input port reading a source system. */
export function sourceSystemContractId(system: string): string {
  return `hexmesh:source-system:${system}`;
}

export type ParsedContractId =
  { kind: "output-port"; product: string; port: string } | { kind: "source-system"; system: string } | undefined;

/** Reads back a contract id written by Hexmesh; undefined for foreign ids. */
export function parseContractId(id: string): ParsedContractId {
  const port = /^hexmesh:output-port:([^/]+\/[^/]+)\/([^/]+)$/.exec(id);
  if (port) return { kind: "output-port", product: port[1], port: port[2] };
  const system = /^hexmesh:source-system:(.+)$/.exec(id);
  if (system) return { kind: "source-system", system: system[1] };
  return undefined;
}
