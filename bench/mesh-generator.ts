// The synthetic mesh, generated deterministically from a seed: teams, a domain tree, source systems, polysemes,
// users, and then products in batches, as column arrays ready for `INSERT ... SELECT FROM unnest(...)`.
// Pure: no database here (bench/seed.ts writes what this produces).
import {
  AUDIENCES,
  CADENCES,
  DESCRIPTION_SENTENCES,
  DOMAIN_TREE,
  FACETS,
  FIELDS,
  POLYSEMES,
  QUALIFIERS,
  SEARCH_TERMS,
  SOURCE_SYSTEM_KINDS,
  TAGS,
  VERBS,
  type FieldSpec,
} from "./vocabulary";

// ---------------------------------------------------------------------------------------------------------
// Randomness and ids
// ---------------------------------------------------------------------------------------------------------

/** A small, fast, seedable PRNG (sfc32). */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A number in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index into `weights`, chosen in proportion to them. */
  weighted(weights: readonly number[], total = weights.reduce((a, b) => a + b, 0)): number {
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

/** Id kinds: the first group of the generated UUIDs, so that ids are unique, stable and readable. */
export const ID_KIND = {
  team: 1,
  domain: 2,
  sourceSystem: 3,
  user: 4,
  polyseme: 5,
  product: 0x10,
  port: 0x11,
  field: 0x12,
  input: 0x13,
  slo: 0x14,
} as const;

export function benchId(kind: number, n: number): string {
  return `${kind.toString(16).padStart(8, "0")}-0000-7000-8000-${n.toString(16).padStart(12, "0")}`;
}

const titleWord = (word: string) =>
  ["eu", "us", "apac", "b2b", "kpis", "ml"].includes(word)
    ? word.toUpperCase()
    : word.charAt(0).toUpperCase() + word.slice(1);
const titleCase = (words: string[]) => words.map(titleWord).join(" ");

// ---------------------------------------------------------------------------------------------------------
// The skeleton: everything but products
// ---------------------------------------------------------------------------------------------------------

export interface TeamRow {
  id: string;
  name: string;
  displayName: string;
  description: string;
}

export interface DomainRow {
  id: string;
  name: string;
  displayName: string;
  description: string;
  parentId: string | null;
  owningTeamId: string;
  weight: number;
  nouns: string[];
  /** Index of the parent in the domain list, or -1. */
  parent: number;
  sourceSystemIds: string[];
}

export interface SourceSystemRow {
  id: string;
  domainId: string;
  name: string;
  displayName: string;
  kind: string;
}

export interface BenchUser {
  id: string;
  email: string;
  name: string;
  role: "admin" | "member";
  /** The team the user belongs to, with its role, or null. */
  team: { id: string; role: "owner" | "member" } | null;
}

export interface Skeleton {
  teams: TeamRow[];
  domains: DomainRow[];
  sourceSystems: SourceSystemRow[];
  polysemes: { id: string; name: string; displayName: string; definition: string; ownerTeamId: string }[];
  users: BenchUser[];
}

export const BENCH_PASSWORD = "hexmesh-bench";
export const BENCH_USERS = {
  admin: "bench-admin@hexmesh.local",
  member: "bench-member@hexmesh.local",
  consumer: "bench-consumer@hexmesh.local",
} as const;

export function generateSkeleton(): Skeleton {
  const teams: TeamRow[] = [];
  const domains: DomainRow[] = [];
  const sourceSystems: SourceSystemRow[] = [];
  const addTeam = (name: string, displayName: string, description: string) => {
    const team = { id: benchId(ID_KIND.team, teams.length + 1), name, displayName, description };
    teams.push(team);
    return team;
  };
  const governance = addTeam("governance", "Governance", "The federated governance group: polysemes and policies.");
  addTeam("marketing-analytics", "Marketing Analytics", "Consumes products across the mesh; owns none.");

  const addDomain = (
    spec: { name: string; displayName: string; weight: number; nouns: string[] },
    parent: number,
  ): number => {
    const team = addTeam(spec.name, `${spec.displayName} team`, `Owns the ${spec.displayName} domain.`);
    const index = domains.length;
    const domain: DomainRow = {
      id: benchId(ID_KIND.domain, index + 1),
      name: spec.name,
      displayName: spec.displayName,
      description: `Everything about ${spec.displayName.toLowerCase()}: ${spec.nouns.join(", ")}.`,
      parentId: parent >= 0 ? domains[parent].id : null,
      owningTeamId: team.id,
      weight: spec.weight,
      nouns: parent >= 0 ? [...spec.nouns, ...domains[parent].nouns.slice(0, 2)] : spec.nouns,
      parent,
      sourceSystemIds: [],
    };
    domains.push(domain);
    const systems = parent >= 0 ? SOURCE_SYSTEM_KINDS.slice(0, 2) : SOURCE_SYSTEM_KINDS;
    for (const system of systems) {
      const row = {
        id: benchId(ID_KIND.sourceSystem, sourceSystems.length + 1),
        domainId: domain.id,
        name: `${spec.name}-${system.suffix}`,
        displayName: `${spec.displayName} ${system.displayName}`,
        kind: system.kind,
      };
      sourceSystems.push(row);
      domain.sourceSystemIds.push(row.id);
    }
    return index;
  };
  for (const spec of DOMAIN_TREE) {
    const parent = addDomain(spec, -1);
    for (const child of spec.children) addDomain(child, parent);
  }

  const polysemes = POLYSEMES.map((p, i) => ({
    id: benchId(ID_KIND.polyseme, i + 1),
    ...p,
    ownerTeamId: governance.id,
  }));
  const memberTeam = teams.find((team) => team.name === domains[0].name)!;
  const users: BenchUser[] = [
    { id: benchId(ID_KIND.user, 1), email: BENCH_USERS.admin, name: "Bench Admin", role: "admin", team: null },
    {
      id: benchId(ID_KIND.user, 2),
      email: BENCH_USERS.member,
      name: "Bench Member",
      role: "member",
      team: { id: memberTeam.id, role: "member" },
    },
    { id: benchId(ID_KIND.user, 3), email: BENCH_USERS.consumer, name: "Bench Consumer", role: "member", team: null },
  ];
  return { teams, domains, sourceSystems, polysemes, users };
}

// ---------------------------------------------------------------------------------------------------------
// Products, in batches of column arrays
// ---------------------------------------------------------------------------------------------------------

export interface ProductColumns {
  id: string[];
  domainId: string[];
  name: string[];
  displayName: string[];
  owningTeamId: string[];
  archetype: string[];
  status: string[];
  description: string[];
  purpose: string[];
  limitations: string[];
  usage: string[];
  /** Comma-separated (tags contain no commas). */
  tags: string[];
  version: string[];
  deprecationNote: (string | null)[];
  sunsetAt: (string | null)[];
  createdAt: string[];
  updatedAt: string[];
}

export interface PortColumns {
  id: string[];
  productId: string[];
  name: string[];
  displayName: string[];
  description: string[];
  kind: string[];
  format: string[];
  server: string[];
  position: number[];
  createdAt: string[];
}

export interface FieldColumns {
  id: string[];
  outputPortId: string[];
  position: number[];
  name: string[];
  type: string[];
  description: string[];
  required: boolean[];
  primaryKey: boolean[];
  classification: string[];
  pii: boolean[];
  polysemeId: (string | null)[];
}

export interface InputColumns {
  id: string[];
  productId: string[];
  sourceOutputPortId: (string | null)[];
  sourceSystemId: (string | null)[];
  createdAt: string[];
}

export interface SloColumns {
  id: string[];
  outputPortId: string[];
  kind: string[];
  name: string[];
  objective: string[];
  threshold: number[];
  unit: string[];
  target: number[];
  createdAt: string[];
}

export interface ProductBatch {
  products: ProductColumns;
  ports: PortColumns;
  fields: FieldColumns;
  inputs: InputColumns;
  slos: SloColumns;
}

const columns = <T>(keys: (keyof T)[]): T => Object.fromEntries(keys.map((key) => [key, []])) as T;

function emptyBatch(): ProductBatch {
  return {
    products: columns<ProductColumns>([
      "id",
      "domainId",
      "name",
      "displayName",
      "owningTeamId",
      "archetype",
      "status",
      "description",
      "purpose",
      "limitations",
      "usage",
      "tags",
      "version",
      "deprecationNote",
      "sunsetAt",
      "createdAt",
      "updatedAt",
    ]),
    ports: columns<PortColumns>([
      "id",
      "productId",
      "name",
      "displayName",
      "description",
      "kind",
      "format",
      "server",
      "position",
      "createdAt",
    ]),
    fields: columns<FieldColumns>([
      "id",
      "outputPortId",
      "position",
      "name",
      "type",
      "description",
      "required",
      "primaryKey",
      "classification",
      "pii",
      "polysemeId",
    ]),
    inputs: columns<InputColumns>(["id", "productId", "sourceOutputPortId", "sourceSystemId", "createdAt"]),
    slos: columns<SloColumns>([
      "id",
      "outputPortId",
      "kind",
      "name",
      "objective",
      "threshold",
      "unit",
      "target",
      "createdAt",
    ]),
  };
}

const STATUSES = ["active", "deprecated", "retired", "draft", "proposed"] as const;
const STATUS_WEIGHTS = [0.8, 0.07, 0.04, 0.05, 0.04];
const ARCHETYPES = ["source-aligned", "aggregate", "consumer-aligned"] as const;
const ARCHETYPE_WEIGHTS = [0.35, 0.35, 0.3];
const PORT_COUNT_WEIGHTS = [0.4, 0.3, 0.15, 0.1, 0.05]; // 1..5
const INPUT_COUNT_WEIGHTS = [0.1, 0.3, 0.25, 0.17, 0.1, 0.08]; // 0..5
const PORT_KINDS = ["table", "events", "files", "api", "graph"] as const;
const PORT_KIND_WEIGHTS = [0.55, 0.2, 0.12, 0.1, 0.03];
const PORT_NAMES = [
  "main",
  "daily",
  "events",
  "snapshot",
  "history",
  "latest",
  "by-day",
  "by-region",
  "changes",
  "api",
];
const TAG_WEIGHTS = TAGS.map((_, i) => 1 / (i + 1));
const DAY_MS = 24 * 60 * 60 * 1000;
const NON_PII_FIELDS = FIELDS.filter((field) => !field.pii);

/** How many products of a domain count as its popular hubs, which other products consume more often. */
const HUBS_PER_DOMAIN = 25;

export interface GenerateOptions {
  products: number;
  seed: number;
  batchSize: number;
  /** The time the mesh is generated at (dates are relative to it). */
  now: Date;
  /**
   * Products become upstream candidates this many batches after their own, so that a batch only consumes ports
   * of batches already committed when batches are written concurrently (1 for one writer).
   */
  upstreamLag: number;
}

/** Yields the products, their ports, fields, input ports and SLOs, `batchSize` products at a time. */
export function* generateProductBatches(skeleton: Skeleton, options: GenerateOptions): Generator<ProductBatch> {
  const rng = new Random(options.seed);
  const { domains } = skeleton;
  const polysemeIds = new Map(skeleton.polysemes.map((p) => [p.name, p.id]));
  const domainWeights = domains.map((d) => d.weight);
  const domainWeightTotal = domainWeights.reduce((a, b) => a + b, 0);
  /** Per domain: names used so far, and the output ports of its products so far ([first port number, count]). */
  const usedNames = domains.map(() => new Map<string, number>());
  const domainProducts = domains.map(() => [] as [number, number][]);
  const allProducts: [number, number][] = [];
  /** Products of the last batches, not yet upstream candidates: [domain index, first port, port count]. */
  const waiting: [number, number, number][][] = [[]];
  const now = options.now.getTime();
  let portNumber = 0;
  let fieldNumber = 0;
  let inputNumber = 0;
  let sloNumber = 0;
  const fieldOrder = FIELDS.map((_, i) => i);
  const nonPiiOrder = NON_PII_FIELDS.map((_, i) => i);

  const iso = (ms: number) => new Date(ms).toISOString();
  const pickTags = (domain: DomainRow): string => {
    const tags = new Set<string>();
    const count = rng.int(1, 4);
    for (let i = 0; i < count; i++) tags.add(TAGS[rng.weighted(TAG_WEIGHTS)]);
    if (rng.chance(0.3)) tags.add(domain.parent >= 0 ? domains[domain.parent].name : domain.name);
    return [...tags].join(",");
  };
  const subjectOf = (domain: DomainRow): string => {
    const r = rng.next();
    let edge = SEARCH_TERMS.rare.share;
    if (r < edge) return SEARCH_TERMS.rare.term;
    edge += SEARCH_TERMS.medium.share;
    if (r < edge) return SEARCH_TERMS.medium.term;
    edge += SEARCH_TERMS.common.share;
    if (r < edge) return SEARCH_TERMS.common.term;
    return rng.pick(domain.nouns);
  };
  const pickUpstream = (domainIndex: number): [number, number] | null => {
    const sameDomain = rng.chance(0.8);
    let pool = sameDomain ? domainProducts[domainIndex] : allProducts;
    if (pool.length === 0) pool = allProducts;
    if (pool.length === 0) return null;
    if (sameDomain && rng.chance(0.15)) return pool[rng.int(0, Math.min(HUBS_PER_DOMAIN, pool.length) - 1)];
    return pool[rng.int(0, pool.length - 1)];
  };

  let batch = emptyBatch();
  for (let n = 1; n <= options.products; n++) {
    const domainIndex = rng.weighted(domainWeights, domainWeightTotal);
    const domain = domains[domainIndex];
    const subject = subjectOf(domain);
    const facet = rng.pick(FACETS);
    const words = rng.chance(0.5) ? [rng.pick(QUALIFIERS), subject, facet] : [subject, facet];
    let name = words.join("-");
    const seen = usedNames[domainIndex].get(name) ?? 0;
    usedNames[domainIndex].set(name, seen + 1);
    if (seen > 0) {
      name = `${name}-${seen + 1}`;
      words.push(String(seen + 1));
    }
    const displayName = titleCase(words);
    const id = benchId(ID_KIND.product, n);
    const archetype = ARCHETYPES[rng.weighted(ARCHETYPE_WEIGHTS)];
    const status = STATUSES[rng.weighted(STATUS_WEIGHTS)];
    const team = domain.parent >= 0 && rng.chance(0.1) ? domains[domain.parent].owningTeamId : domain.owningTeamId;
    const fill = (sentence: string) =>
      sentence
        .replaceAll("{noun}", subject)
        .replaceAll("{facet}", facet)
        .replaceAll("{domain}", domain.displayName)
        .replaceAll("{cadence}", rng.pick(CADENCES));
    const sentences = [`${displayName}: ${subject} ${facet} for ${domain.displayName}.`];
    const sentenceCount = rng.int(1, 3);
    for (let i = 0; i < sentenceCount; i++) sentences.push(fill(rng.pick(DESCRIPTION_SENTENCES)));
    const createdAt = now - rng.int(1, 1000) * DAY_MS - rng.int(0, DAY_MS);
    const updatedAt = Math.min(now, createdAt + rng.int(0, 200) * DAY_MS);

    const p = batch.products;
    p.id.push(id);
    p.domainId.push(domain.id);
    p.name.push(name);
    p.displayName.push(displayName);
    p.owningTeamId.push(team);
    p.archetype.push(archetype);
    p.status.push(status);
    p.description.push(sentences.join(" "));
    p.purpose.push(`Lets ${rng.pick(AUDIENCES)} ${rng.pick(VERBS)} ${subject} ${facet}.`);
    p.limitations.push(rng.chance(0.5) ? "Data of the current day is partial until the nightly run." : "");
    p.usage.push(`Join on ${subject}_id; filter on status for current rows.`);
    p.tags.push(pickTags(domain));
    p.version.push(`${rng.int(0, 3)}.${rng.int(0, 9)}.${rng.int(0, 20)}`);
    p.deprecationNote.push(
      status === "deprecated" || status === "retired" ? `Superseded by a newer ${subject} ${facet} product.` : null,
    );
    p.sunsetAt.push(
      status === "deprecated"
        ? iso(now + rng.int(30, 180) * DAY_MS)
        : status === "retired"
          ? iso(now - rng.int(1, 300) * DAY_MS)
          : null,
    );
    p.createdAt.push(iso(createdAt));
    p.updatedAt.push(iso(updatedAt));

    // Input ports first: they may only use ports of earlier products (no self-consumption, no cycles).
    const inputs = batch.inputs;
    const noUpstream = allProducts.length === 0;
    if (archetype === "source-aligned" || noUpstream || rng.chance(0.05)) {
      const systems = domain.sourceSystemIds;
      const first = rng.int(0, systems.length - 1);
      const count = Math.min(systems.length, rng.int(1, 2));
      for (let i = 0; i < count; i++) {
        inputs.id.push(benchId(ID_KIND.input, ++inputNumber));
        inputs.productId.push(id);
        inputs.sourceOutputPortId.push(null);
        inputs.sourceSystemId.push(systems[(first + i) % systems.length]);
        inputs.createdAt.push(iso(createdAt));
      }
    }
    if (archetype !== "source-aligned") {
      const wanted = rng.weighted(INPUT_COUNT_WEIGHTS);
      const consumed = new Set<number>();
      for (let i = 0; i < wanted; i++) {
        const upstream = pickUpstream(domainIndex);
        if (!upstream) break;
        const port = upstream[0] + rng.int(0, upstream[1] - 1);
        if (consumed.has(port)) continue;
        consumed.add(port);
        inputs.id.push(benchId(ID_KIND.input, ++inputNumber));
        inputs.productId.push(id);
        inputs.sourceOutputPortId.push(benchId(ID_KIND.port, port));
        inputs.sourceSystemId.push(null);
        inputs.createdAt.push(iso(createdAt));
      }
    }

    // Output ports with their schemas and SLOs.
    const portCount = rng.weighted(PORT_COUNT_WEIGHTS) + 1;
    const firstPort = portNumber + 1;
    const portNameStart = rng.int(0, PORT_NAMES.length - 1);
    const keyPolyseme = polysemeIds.get(subject) ?? null;
    for (let position = 0; position < portCount; position++) {
      const portId = benchId(ID_KIND.port, ++portNumber);
      const portName = PORT_NAMES[(portNameStart + position) % PORT_NAMES.length];
      const kind = PORT_KINDS[rng.weighted(PORT_KIND_WEIGHTS)];
      const ports = batch.ports;
      ports.id.push(portId);
      ports.productId.push(id);
      ports.name.push(portName);
      ports.displayName.push(`${displayName} (${portName.replace("-", " ")})`);
      ports.description.push(`The ${portName.replace("-", " ")} ${kind} of ${subject} ${facet}.`);
      ports.kind.push(kind);
      const [format, server] = serverFor(kind, domain.name, name.replaceAll("-", "_"), portName);
      ports.format.push(format);
      ports.server.push(server);
      ports.position.push(position);
      ports.createdAt.push(iso(createdAt));

      const fields = batch.fields;
      const fieldCount = 5 + Math.floor(35 * rng.next() ** 2);
      const key = `${subject}_id`;
      fields.id.push(benchId(ID_KIND.field, ++fieldNumber));
      fields.outputPortId.push(portId);
      fields.position.push(0);
      fields.name.push(key);
      fields.type.push("uuid");
      fields.description.push(`Identifies the ${subject}.`);
      fields.required.push(true);
      fields.primaryKey.push(true);
      fields.classification.push("internal");
      fields.pii.push(false);
      fields.polysemeId.push(keyPolyseme);
      const withPii = rng.chance(0.35);
      const pool = withPii ? FIELDS : NON_PII_FIELDS;
      const order = withPii ? fieldOrder : nonPiiOrder;
      let added = 1;
      for (let i = 0; i < order.length && added < fieldCount; i++) {
        const j = i + Math.floor(rng.next() * (order.length - i));
        [order[i], order[j]] = [order[j], order[i]];
        const spec: FieldSpec = pool[order[i]];
        if (spec.name === key) continue;
        fields.id.push(benchId(ID_KIND.field, ++fieldNumber));
        fields.outputPortId.push(portId);
        fields.position.push(added++);
        fields.name.push(spec.name);
        fields.type.push(spec.type);
        fields.description.push(`${spec.name.replaceAll("_", " ")} of the ${subject}.`);
        fields.required.push(rng.chance(0.4));
        fields.primaryKey.push(false);
        fields.classification.push(spec.classification ?? "internal");
        fields.pii.push(spec.pii ?? false);
        fields.polysemeId.push(spec.polyseme ? (polysemeIds.get(spec.polyseme) ?? null) : null);
      }

      if (rng.chance(0.3)) {
        const slos = batch.slos;
        const hours = kind === "events" ? 1 : 24;
        slos.id.push(benchId(ID_KIND.slo, ++sloNumber));
        slos.outputPortId.push(portId);
        slos.kind.push("freshness");
        slos.name.push("Freshness");
        slos.objective.push(`Data at most ${hours} hours old`);
        slos.threshold.push(hours);
        slos.unit.push("hours");
        slos.target.push(99);
        slos.createdAt.push(iso(createdAt));
        if (rng.chance(0.5)) {
          slos.id.push(benchId(ID_KIND.slo, ++sloNumber));
          slos.outputPortId.push(portId);
          slos.kind.push("availability");
          slos.name.push("Availability");
          slos.objective.push("The port answers queries");
          slos.threshold.push(99.5);
          slos.unit.push("%");
          slos.target.push(99.5);
          slos.createdAt.push(iso(createdAt));
        }
      }
    }
    waiting[waiting.length - 1].push([domainIndex, firstPort, portCount]);

    if (batch.products.id.length >= options.batchSize) {
      yield batch;
      batch = emptyBatch();
      waiting.push([]);
      if (waiting.length > options.upstreamLag) {
        for (const [index, first, count] of waiting.shift()!) {
          domainProducts[index].push([first, count]);
          allProducts.push([first, count]);
        }
      }
    }
  }
  if (batch.products.id.length > 0) yield batch;
}

function serverFor(kind: string, domain: string, table: string, port: string): [string, string] {
  switch (kind) {
    case "table":
      return [
        "postgres",
        JSON.stringify({
          type: "postgres",
          host: "warehouse.hexmesh.local",
          port: 5432,
          database: domain,
          schema: "public",
          table,
        }),
      ];
    case "events":
      return [
        "avro",
        JSON.stringify({
          type: "kafka",
          host: "kafka.hexmesh.local:9092",
          topic: `${domain}.${table}.${port}`,
          format: "avro",
        }),
      ];
    case "files":
      return [
        "parquet",
        JSON.stringify({ type: "s3", location: `s3://mesh-${domain}/${table}/${port}/`, format: "parquet" }),
      ];
    case "api":
      return [
        "json",
        JSON.stringify({ type: "api", location: `https://api.hexmesh.local/${domain}/${table}`, format: "json" }),
      ];
    default:
      return [
        "rdf",
        JSON.stringify({ type: "api", location: `https://graph.hexmesh.local/${domain}/${table}`, format: "rdf" }),
      ];
  }
}
