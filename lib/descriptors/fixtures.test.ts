// Every official example of the standards (vendored in ./fixtures, see fixtures/README.md): detected, valid against
// its schema, imported, re-exported unchanged, and exported afresh into documents valid against the schemas.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  dcsToProduct,
  descriptorToYaml,
  importDescriptor,
  odcsToPort,
  odpsToProduct,
  portToOdcs,
  productToOdps,
  validateDescriptor,
  type DescriptorKind,
} from "./index";

const root = path.join(import.meta.dirname, "fixtures");

function fixtures(kind: DescriptorKind): { file: string; text: string }[] {
  return readdirSync(path.join(root, kind))
    .filter((file) => /\.ya?ml$|\.json$/.test(file))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(root, kind, file), "utf8") }));
}

describe("the vendored fixtures", () => {
  it("are all there", () => {
    expect(fixtures("odps").length).toBe(2);
    expect(fixtures("odcs").length).toBe(18);
    expect(fixtures("dcs").length).toBe(7);
  });
});

describe.each(fixtures("odps"))("ODPS example $file", ({ text }) => {
  const imported = importDescriptor(text);
  if (imported.kind !== "odps") throw new Error("not ODPS");
  const original = imported.document;

  it("is detected as ODPS and valid against the ODPS 1.0.0 schema", () => {
    expect(imported.kind).toBe("odps");
    expect(validateDescriptor("odps", original)).toEqual([]);
  });

  it("re-exports unchanged (every field of the original)", () => {
    expect(productToOdps(imported.product, original)).toEqual(original);
    expect(parse(descriptorToYaml(productToOdps(imported.product, original)))).toEqual(original);
  });

  it("exports afresh into a valid ODPS document that imports as the same product", () => {
    const fresh = productToOdps(imported.product);
    expect(validateDescriptor("odps", fresh)).toEqual([]);
    expect(odpsToProduct(fresh).value).toEqual(imported.product);
  });

  it("re-exports changes of the model into the original, which stays valid", () => {
    const product = structuredClone(imported.product);
    product.displayName = "Renamed";
    product.purpose = "A new purpose";
    product.status = "deprecated";
    product.archetype = "aggregate";
    product.tags = [...product.tags, "added"];
    product.outputPorts[0].description = "Changed";
    product.outputPorts.push({
      name: "extra",
      displayName: "Extra port",
      description: "",
      kind: "events",
      contractVersion: "1.0.0",
      customProperties: {},
    });
    product.inputPorts.push({
      name: "upstream",
      version: "2.0.0",
      description: "From upstream",
      source: { kind: "output-port", product: "podcasts/episodes", port: "daily" },
    });
    const exported = productToOdps(product, original);
    expect(validateDescriptor("odps", exported)).toEqual([]);
    expect(odpsToProduct(exported).value).toEqual(product);
    expect(exported.tenant).toEqual(original.tenant);
    expect(exported.id).toEqual(original.id);
  });
});

describe.each(fixtures("odcs"))("ODCS example $file", ({ text }) => {
  const imported = importDescriptor(text);
  if (imported.kind !== "odcs") throw new Error("not ODCS");
  const original = imported.document;
  const product = {
    domain: imported.context.domain,
    name: "product",
    status: imported.context.status,
    owningTeam: imported.context.owningTeam,
  };

  it("is detected as ODCS 3.x and valid against the ODCS 3.1.0 schema", () => {
    expect(imported.kind).toBe("odcs");
    expect(imported.version).toMatch(/^v3\./);
    expect(validateDescriptor("odcs", original)).toEqual([]);
  });

  it("re-exports unchanged (every field of the original)", () => {
    expect(portToOdcs(imported.port, product, original)).toEqual(original);
    expect(parse(descriptorToYaml(portToOdcs(imported.port, product, original)))).toEqual(original);
  });

  it("exports afresh into a valid ODCS 3.1.0 contract that imports as the same port", () => {
    const fresh = portToOdcs(imported.port, product);
    expect(fresh.apiVersion).toBe("v3.1.0");
    expect(validateDescriptor("odcs", fresh)).toEqual([]);
    const again = odcsToPort(fresh);
    expect(again.value).toEqual(imported.port);
    expect(again.context).toMatchObject({
      domain: product.domain,
      status: product.status,
      owningTeam: product.owningTeam,
    });
  });

  it("re-exports changes of the model into the original, which stays valid", () => {
    const port = structuredClone(imported.port);
    // With several schema objects, field names are qualified by their object: add to the last one.
    const objects = (original.schema ?? []) as { name: string }[];
    const prefix = objects.length > 1 ? `${objects[objects.length - 1].name}.` : "";
    port.description = "Changed";
    port.contractVersion = "9.0.0";
    port.fields = [
      ...(port.fields ?? []).slice(1).map((field) => ({ ...field, description: `${field.name}!`, pii: !field.pii })),
      {
        name: `${prefix}added_field`,
        type: "varchar(20)",
        description: "Added",
        required: true,
        primaryKey: false,
        classification: "confidential" as const,
        pii: true,
        polyseme: "listener",
      },
    ];
    port.slos = [
      ...(port.slos ?? []),
      {
        kind: "freshness",
        name: "daily-freshness",
        objective: "At most a day old",
        threshold: 24,
        unit: "h",
        target: 99.5,
        windowDays: 28,
      },
    ];
    const exported = portToOdcs(port, { ...product, status: "active", owningTeam: "podcasts" }, original);
    expect(validateDescriptor("odcs", exported)).toEqual([]);
    expect(odcsToPort(exported).value).toEqual(port);
    expect(odcsToPort(exported).context).toMatchObject({ status: "active", owningTeam: "podcasts" });
    expect(exported.id).toEqual(original.id);
  });
});

describe.each(fixtures("dcs"))("DCS example $file", ({ text }) => {
  const imported = importDescriptor(text);
  if (imported.kind !== "dcs") throw new Error("not DCS");

  it("is detected as DCS and valid against the DCS 1.2.1 schema", () => {
    expect(imported.kind).toBe("dcs");
    expect(validateDescriptor("dcs", imported.document)).toEqual([]);
  });

  it("maps its models to the fields of one output port", () => {
    const port = imported.product.outputPorts[0];
    const models = Object.values((imported.document.models ?? {}) as Record<string, { fields?: object }>);
    const count = models.reduce((sum, model) => sum + Object.keys(model.fields ?? {}).length, 0);
    expect(port.fields).toHaveLength(count);
    expect(port.contractVersion).toBe((imported.document.info as { version: string }).version);
  });

  it("exports into valid ODPS and ODCS documents that import as the same product and port", () => {
    const product = imported.product;
    const odps = productToOdps(product);
    expect(validateDescriptor("odps", odps)).toEqual([]);
    const { fields: _f, slos: _s, server: _v, ...portInOdps } = product.outputPorts[0];
    expect(odpsToProduct(odps).value).toEqual({ ...product, outputPorts: [portInOdps] });
    const odcs = portToOdcs(product.outputPorts[0], product);
    expect(validateDescriptor("odcs", odcs)).toEqual([]);
    expect(odcsToPort(odcs).value).toEqual(product.outputPorts[0]);
  });

  it("exports several models as several ODCS schema objects", () => {
    const models = Object.entries((imported.document.models ?? {}) as Record<string, { fields?: object }>);
    const odcs = portToOdcs(imported.product.outputPorts[0], imported.product);
    const withFields = models.filter(([, model]) => Object.keys(model.fields ?? {}).length > 0);
    const objects = (odcs.schema ?? []) as { name: string }[];
    if (withFields.length > 1) expect(objects.map((object) => object.name)).toEqual(withFields.map(([name]) => name));
    else expect(objects.length).toBeLessThanOrEqual(1);
  });

  it("is the same product through dcsToProduct", () => {
    expect(dcsToProduct(imported.document).value).toEqual(imported.product);
  });
});
