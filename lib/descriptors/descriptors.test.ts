// Parsing, detection, validation errors (pointer + message) and the mapping of Hexmesh's own products.
import { describe, expect, it } from "vitest";
import {
  checkDescriptor,
  DescriptorError,
  descriptorToYaml,
  importDescriptor,
  odcsToPort,
  odpsToProduct,
  parseDescriptor,
  portToOdcs,
  productPathMismatches,
  productToOdps,
  validateDescriptor,
  type DescriptorIssue,
  type FieldDescriptor,
  type OutputPortDescriptor,
  type ProductDescriptor,
} from "./index";

function issuesOf(run: () => unknown): DescriptorIssue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DescriptorError);
    expect((error as DescriptorError).status).toBe(422);
    return (error as DescriptorError).issues;
  }
  throw new Error("expected a DescriptorError");
}

const MINIMAL_ODPS = "apiVersion: v1.0.0\nkind: DataProduct\nid: p-1\nstatus: active\n";
const MINIMAL_ODCS = "apiVersion: v3.1.0\nkind: DataContract\nid: c-1\nversion: 1.0.0\nstatus: active\n";

describe("parseDescriptor", () => {
  it("reads YAML and detects ODPS, ODCS and DCS with their versions", () => {
    expect(parseDescriptor(MINIMAL_ODPS)).toMatchObject({ kind: "odps", version: "v1.0.0" });
    expect(parseDescriptor(MINIMAL_ODCS)).toMatchObject({ kind: "odcs", version: "v3.1.0" });
    const dcs = "dataContractSpecification: 1.2.1\nid: x\ninfo:\n  title: X\n  version: 1.0.0\n";
    expect(parseDescriptor(dcs)).toMatchObject({ kind: "dcs", version: "1.2.1" });
  });

  it("reads JSON by content type, and keeps dates as strings in YAML", () => {
    const json = JSON.stringify({ apiVersion: "v1.0.0", kind: "DataProduct", id: "p", status: "draft" });
    expect(parseDescriptor(json, "application/json; charset=utf-8").document.id).toBe("p");
    expect(parseDescriptor(`${MINIMAL_ODPS}productCreatedTs: 2024-01-01\n`).document.productCreatedTs).toBe(
      "2024-01-01",
    );
  });

  it("reports YAML syntax errors with line and column", () => {
    const issues = issuesOf(() => parseDescriptor("apiVersion: v1.0.0\nkind: DataProduct\nid: [a,\n"));
    expect(issues[0]).toMatchObject({ pointer: "", line: 4, column: 1 });
    expect(issues[0].message).toMatch(/^Line 4, column 1: /);
    const duplicate = issuesOf(() => parseDescriptor("id: a\nid: b\n"));
    expect(duplicate[0]).toMatchObject({ line: 2, column: 1 });
    expect(duplicate[0].message).toContain("unique");
  });

  it("reports JSON syntax errors with line and column", () => {
    const issues = issuesOf(() => parseDescriptor('{\n  "kind": "DataProduct",\n  "id": }', "application/json"));
    expect(issues[0]).toMatchObject({ pointer: "", line: 3, column: 9 });
  });

  it("refuses empty documents and documents that are not objects", () => {
    expect(issuesOf(() => parseDescriptor("  \n"))[0].message).toContain("empty");
    expect(issuesOf(() => parseDescriptor("- a\n- b\n"))[0].message).toContain("mapping");
  });

  it("refuses documents nested too deeply", () => {
    const deep = `${"[".repeat(100)}${"]".repeat(100)}`;
    expect(issuesOf(() => parseDescriptor(`a: ${deep}\n`))[0].message).toContain("nested");
    expect(issuesOf(() => parseDescriptor(`{"a": ${deep}}`, "application/json"))[0].message).toContain("nested");
  });

  it("refuses unknown kinds and unsupported versions, pointing at the culprit", () => {
    expect(issuesOf(() => parseDescriptor("kind: Pipeline\n"))[0]).toMatchObject({ pointer: "/kind" });
    expect(issuesOf(() => parseDescriptor("name: x\n"))[0]).toMatchObject({ pointer: "" });
    const odps = issuesOf(() => parseDescriptor(MINIMAL_ODPS.replace("v1.0.0", "v0.8.0")));
    expect(odps[0]).toMatchObject({ pointer: "/apiVersion" });
    expect(odps[0].message).toContain("v1.0.0");
    const odcs2 = issuesOf(() => parseDescriptor(MINIMAL_ODCS.replace("v3.1.0", "v2.2.2")));
    expect(odcs2[0]).toMatchObject({ pointer: "/apiVersion" });
    expect(issuesOf(() => parseDescriptor("dataContractSpecification: 2.0.0\n"))[0]).toMatchObject({
      pointer: "/dataContractSpecification",
    });
  });
});

describe("validation against the official schemas", () => {
  it("gives a JSON pointer and a message for each problem", () => {
    const doc = parseDescriptor(
      "apiVersion: v1.0.0\nkind: DataProduct\nstatus: active\ntags: oops\nsurprise: 1\n" +
        "authoritativeDefinitions:\n  - type: x\n    url: not a uri\n",
    ).document;
    const issues = validateDescriptor("odps", doc);
    expect(issues).toEqual(
      expect.arrayContaining([
        { pointer: "", message: "Missing required property `id`." },
        { pointer: "/tags", message: "Must be of type array." },
        expect.objectContaining({ pointer: "/surprise", message: expect.stringContaining("customProperties") }),
        { pointer: "/authoritativeDefinitions/0/url", message: "Must be a valid uri." },
      ]),
    );
  });

  it("points inside ODCS schemas and servers", () => {
    const doc = parseDescriptor(
      `${MINIMAL_ODCS}servers:\n  - server: prod\n    type: postgres\n    host: db\nschema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: text\n`,
    ).document;
    const issues = validateDescriptor("odcs", doc);
    expect(issues).toEqual(
      expect.arrayContaining([
        { pointer: "/servers/0", message: "Missing required property `port`." },
        expect.objectContaining({
          pointer: "/schema/0/properties/0/logicalType",
          message: expect.stringContaining('"string"'),
        }),
      ]),
    );
  });

  it("locates validation issues in the text (line and column) on import", () => {
    const text = `${MINIMAL_ODCS}schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: text\n`;
    expect(issuesOf(() => importDescriptor(text))).toEqual([
      expect.objectContaining({ pointer: "/schema/0/properties/0/logicalType", line: 10, column: 22 }),
    ]);
    const json = JSON.stringify({ apiVersion: "v1.0.0", kind: "DataProduct", id: "p", status: "x", tags: 1 }, null, 2);
    expect(checkDescriptor(json, "application/json").issues).toEqual([
      { pointer: "/tags", message: "Must be of type array.", line: 6, column: 11 },
    ]);
  });

  it("escapes pointer tokens (RFC 6901)", () => {
    const doc = { ...parseDescriptor(MINIMAL_ODPS).document, "a/b~c": 1 };
    expect(validateDescriptor("odps", doc)[0].pointer).toBe("/a~1b~0c");
  });

  it("accepts URI templates in uri formats, as the standards' own examples use them", () => {
    const location = "s3://bucket/{model}/*.json";
    const doc = parseDescriptor(
      `${MINIMAL_ODCS}servers:\n  - server: p\n    type: s3\n    location: "${location}"\n`,
    ).document;
    expect(validateDescriptor("odcs", doc)).toEqual([]);
  });

  it("importDescriptor refuses invalid documents and kinds not accepted; checkDescriptor only reports", () => {
    expect(issuesOf(() => importDescriptor(`${MINIMAL_ODPS}surprise: 1\n`))[0].pointer).toBe("/surprise");
    expect(issuesOf(() => importDescriptor(MINIMAL_ODPS, null, ["odcs"]))[0].message).toContain("not accepted");
    expect(checkDescriptor(`${MINIMAL_ODPS}surprise: 1\n`)).toMatchObject({ valid: false, kind: "odps" });
    expect(checkDescriptor("a: [")).toMatchObject({ valid: false, kind: null });
    expect(checkDescriptor(MINIMAL_ODCS)).toEqual({ valid: true, kind: "odcs", version: "v3.1.0", issues: [] });
  });
});

const field = (name: string, type: string, extra: Partial<FieldDescriptor> = {}): FieldDescriptor => ({
  name,
  type,
  description: `The ${name}.`,
  required: false,
  primaryKey: false,
  classification: "internal",
  pii: false,
  polyseme: null,
  ...extra,
});

const listeners: ProductDescriptor = {
  domain: "podcasts",
  name: "podcast-listeners-demographic",
  displayName: "Podcast listeners demographic",
  owningTeam: "podcasts",
  archetype: "consumer_aligned",
  status: "active",
  description: "Who listens to which podcast.",
  purpose: "Target podcasts at their audience.",
  limitations: "",
  usage: "Join on listener_id.",
  tags: ["podcasts", "demographics"],
  version: "1.4.0",
  outputPorts: [
    {
      name: "listeners-table",
      displayName: "Listeners (table)",
      description: "One row per listener.",
      kind: "table",
      format: "postgres",
      server: {
        type: "postgres",
        host: "localhost",
        port: 5432,
        database: "podcasts",
        schema: "public",
        table: "listeners",
      },
      contractVersion: "2.0.0",
      fields: [
        field("listener_id", "uuid", { required: true, primaryKey: true, pii: true, polyseme: "listener" }),
        field("age_band", "varchar(8)", { classification: "confidential" }),
        field("listens", "bigint"),
        field("updated_at", "timestamp"),
      ],
      slos: [
        {
          kind: "freshness",
          name: "fresh",
          objective: "At most 24 hours old",
          threshold: 24,
          unit: "h",
          target: 99,
          windowDays: 30,
        },
        {
          kind: "completeness",
          name: "completeness",
          objective: "completeness 99.5 %",
          threshold: 99.5,
          unit: "%",
          target: 99,
          windowDays: 30,
        },
      ],
      customProperties: {},
    },
    {
      name: "listener-events",
      displayName: "listener-events",
      description: "",
      kind: "events",
      format: "avro",
      server: { type: "kafka", host: "kafka.hexmesh.local:9092", topic: "podcasts.listeners.v1", format: "avro" },
      contractVersion: "1.0.0",
      fields: [field("listener_id", "string")],
      slos: [],
      customProperties: { retentionDays: 7 },
    },
    {
      name: "top-podcasts-api",
      displayName: "Top podcasts API",
      description: "",
      kind: "api",
      format: "json",
      server: { type: "api", location: "https://data.hexmesh.local/podcasts/top/v1", format: "json" },
      contractVersion: "1.0.0",
      fields: [],
      slos: [],
      customProperties: {},
    },
    {
      name: "graph",
      displayName: "graph",
      description: "",
      kind: "graph",
      format: "neo4j",
      server: { type: "neo4j", url: "bolt://graph:7687" },
      contractVersion: "1.0.0",
      fields: [],
      slos: [
        {
          kind: "volume",
          name: "nodes",
          objective: "volume 1000",
          threshold: 1000,
          unit: "",
          target: 95,
          windowDays: 7,
        },
      ],
      customProperties: {},
    },
  ],
  inputPorts: [
    {
      name: "episodes",
      version: "1.0.0",
      description: "Released episodes.",
      source: { kind: "output-port", product: "podcasts/released-episodes", port: "episodes-table" },
    },
    {
      name: "app-events",
      version: "1.0.0",
      description: "",
      source: { kind: "source-system", system: "podcasts/app" },
    },
  ],
  customProperties: { costCenter: "CC-42" },
};

describe("a Hexmesh product", () => {
  it("exports to a valid ODPS document that imports back as the same product", () => {
    const odps = productToOdps(listeners);
    expect(validateDescriptor("odps", odps)).toEqual([]);
    expect(odps).toMatchObject({ apiVersion: "v1.0.0", kind: "DataProduct", name: listeners.name, domain: "podcasts" });
    expect(odps.customProperties).toEqual(
      expect.arrayContaining([
        { property: "archetype", value: "consumer-aligned" },
        { property: "displayName", value: "Podcast listeners demographic" },
      ]),
    );
    const ports = listeners.outputPorts.map(({ fields: _f, slos: _s, server: _v, ...port }) => port);
    const { id: _id, ...back } = odpsToProduct(parseDescriptor(descriptorToYaml(odps)).document).value;
    expect(back).toEqual({ ...listeners, outputPorts: ports });
  });

  it("exports each output port to a valid ODCS 3.1.0 contract that imports back as the same port", () => {
    for (const port of listeners.outputPorts) {
      const odcs = portToOdcs(port, listeners);
      expect(validateDescriptor("odcs", odcs), port.name).toEqual([]);
      const imported = importDescriptor(descriptorToYaml(odcs), "application/yaml");
      if (imported.kind !== "odcs") throw new Error("not ODCS");
      expect(imported.port, port.name).toEqual(port);
      expect(imported.context).toMatchObject({ domain: "podcasts", status: "active", owningTeam: "podcasts" });
    }
  });

  it("writes typed servers where the schema allows and keeps the rest in customProperties", () => {
    const [table, events, , graph] = listeners.outputPorts.map((port) => portToOdcs(port, listeners));
    expect((table.servers as object[])[0]).toMatchObject({
      type: "postgres",
      host: "localhost",
      port: 5432,
      customProperties: [{ property: "table", value: "listeners" }],
    });
    expect((events.servers as object[])[0]).toMatchObject({ type: "kafka", format: "avro" });
    expect((graph.servers as object[])[0]).toMatchObject({ type: "custom" });
    expect(graph.customProperties).toEqual(expect.arrayContaining([{ property: "outputPortKind", value: "graph" }]));
  });

  it("reads input ports written by Hexmesh back as references", () => {
    const odps = productToOdps(listeners);
    expect((odps.inputPorts as { contractId: string }[]).map((input) => input.contractId)).toEqual([
      "hexmesh:output-port:podcasts/released-episodes/episodes-table",
      "hexmesh:source-system:podcasts/app",
    ]);
  });
});

describe("ODCS 3.0 documents", () => {
  it("keep a 3.0 team list, turned into the 3.1 team object only when the owning team changes", () => {
    const text = `${MINIMAL_ODCS.replace("v3.1.0", "v3.0.2")}team:\n  - username: ada\n    role: owner\n`;
    const imported = importDescriptor(text);
    if (imported.kind !== "odcs") throw new Error("not ODCS");
    expect(imported.context.owningTeam).toBeNull();
    const product = { domain: null, name: "p", status: imported.context.status, owningTeam: null };
    expect(portToOdcs(imported.port, product, imported.document)).toEqual(imported.document);
    const exported = portToOdcs(imported.port, { ...product, owningTeam: "podcasts" }, imported.document);
    expect(exported.team).toEqual({ name: "podcasts", members: [{ username: "ada", role: "owner" }] });
    expect(validateDescriptor("odcs", exported)).toEqual([]);
  });
});

describe("names", () => {
  it("productPathMismatches says when the document's domain or name disagree with the path", () => {
    const doc = { ...parseDescriptor(MINIMAL_ODPS).document, domain: "seller", name: "Customer Data Product" };
    const product = odpsToProduct(doc).value;
    expect(productPathMismatches(doc, product, { domain: "seller", name: "customer-data-product" })).toEqual([]);
    expect(productPathMismatches(doc, product, { domain: "podcasts", name: "other" })).toEqual([
      { pointer: "/domain", message: expect.stringContaining("`podcasts`") },
      { pointer: "/name", message: expect.stringContaining("`other`") },
    ]);
    const bare = parseDescriptor(MINIMAL_ODPS).document;
    expect(productPathMismatches(bare, odpsToProduct(bare).value, { domain: "d", name: "n" })).toEqual([]);
  });

  it("keeps a contract's own name when the port has another URL name", () => {
    const doc = parseDescriptor(`${MINIMAL_ODCS}name: my_table\n`).document;
    const { value } = odcsToPort(doc);
    expect(value.name).toBe("my-table");
    const product = { domain: null, name: "p", status: "active" as const, owningTeam: null };
    const exported = portToOdcs({ ...value, name: "orders" }, product, doc);
    expect(exported).toEqual(doc);
  });
});

describe("mapping words", () => {
  it("maps status synonyms to the Hexmesh lifecycle and warns about unknown ones", () => {
    const read = (status: string) => odpsToProduct({ ...parseDescriptor(MINIMAL_ODPS).document, status });
    expect(read("in development").value.status).toBe("draft");
    expect(read("Production").value.status).toBe("active");
    expect(read("archived").value.status).toBe("retired");
    const unknown = read("wobbly");
    expect(unknown.value.status).toBe("draft");
    expect(unknown.warnings).toEqual([{ pointer: "/status", message: expect.stringContaining("wobbly") }]);
  });

  it("reads ODCS classifications and PII tags", () => {
    const doc = parseDescriptor(
      `${MINIMAL_ODCS}schema:\n  - name: t\n    properties:\n      - name: email\n        logicalType: string\n        classification: sensitive\n        tags: [PII]\n      - name: x\n        classification: "3"\n`,
    ).document;
    const { value, warnings } = odcsToPort(doc);
    expect(value.fields?.[0]).toMatchObject({ name: "email", type: "string", classification: "restricted", pii: true });
    expect(value.fields?.[1]).toMatchObject({ name: "x", type: "unknown", classification: "internal" });
    expect(warnings).toEqual([{ pointer: "/schema/0/properties/1/classification", message: expect.any(String) }]);
  });
});

describe("performance", () => {
  it("imports an ODCS contract with 500 fields quickly", () => {
    const port: OutputPortDescriptor = {
      ...listeners.outputPorts[0],
      fields: Array.from({ length: 500 }, (_, i) =>
        field(`column_${i}`, i % 3 === 0 ? "bigint" : "varchar(40)", { required: i % 2 === 0 }),
      ),
    };
    const text = descriptorToYaml(portToOdcs(port, listeners));
    importDescriptor(text); // warm-up: compiles the schemas once
    const runs = 10;
    const start = performance.now();
    for (let i = 0; i < runs; i++) importDescriptor(text);
    const perImport = (performance.now() - start) / runs;
    console.info(`ODCS import, 500 fields (${text.length} chars): ${perImport.toFixed(1)} ms`);
    expect(perImport).toBeLessThan(1000);
  });
});
