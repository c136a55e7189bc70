// The one mapping between a descriptor's model (ProductDescriptor, OutputPortDescriptor: what a document says) and
// a registration (ProductInput / ProductValues in lib/products/input.ts: what Hexmesh stores). Pure; unit-tested.
//
// Import: document values are normalised to what the registration accepts (URL names, semantic versions, no null
// server settings), and what a document does not say (an ODPS port's schema, grant settings) is kept from the
// current registration. Export: each part of the registration that still equals what the last imported document
// maps to is written with the document's own spelling, so an unchanged product re-exports its document unchanged.
import { toUrlName, type ProductInput, type ProductValues } from "../products/input";
import type {
  FieldDescriptor,
  InputPortDescriptor,
  MappingWarning,
  OutputPortDescriptor,
  ProductDescriptor,
  SloDescriptor,
} from "./model";
import { deepEqual } from "./util";

type PortValues = ProductValues["outputPorts"][number];
type FieldValues = PortValues["fields"][number];
type SloValues = PortValues["slos"][number];
type InputValues = ProductValues["inputPorts"][number];
type ServerValues = PortValues["server"];

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** `v1.0.0` → `1.0.0`, `2.1` → `2.1.0`, `3` → `3.0.0`; undefined when the text is no version. */
export function normalizeVersion(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim().replace(/^v(?=\d)/i, "");
  if (SEMVER.test(trimmed)) return trimmed;
  const short = /^(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (short) return `${Number(short[1])}.${Number(short[2] ?? 0)}.0`;
  return undefined;
}

/** A URL name of at least 2 characters for a name written in a document (`Customer Data` → `customer-data`). */
export function urlNameOf(text: string, fallback: string): string {
  const name = toUrlName(text);
  return name.length >= 2 ? name : fallback;
}

function uniqueNames<T extends { name: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.map((item) => {
    let name = item.name;
    for (let n = 2; seen.has(name); n++) name = `${item.name}-${n}`;
    seen.add(name);
    return { ...item, name };
  });
}

function serverValues(server: OutputPortDescriptor["server"]): ServerValues | undefined {
  if (!server) return undefined;
  const entries = Object.entries(server).filter(
    (entry): entry is [string, string | number | boolean] => entry[1] !== null && entry[0].length <= 60,
  );
  return Object.fromEntries(entries);
}

function fieldValues(field: FieldDescriptor): FieldValues {
  return {
    name: field.name,
    type: field.type,
    description: field.description,
    required: field.required,
    primaryKey: field.primaryKey,
    classification: field.classification,
    pii: field.pii,
    polyseme: field.polyseme ? toUrlName(field.polyseme) || field.polyseme : null,
  };
}

function sloValues(slos: SloDescriptor[]): SloValues[] {
  return uniqueNames(
    slos.map((slo, index) => ({
      kind: slo.kind,
      name: urlNameOf(slo.name, `${slo.kind}-${index + 1}`),
      objective: slo.objective || `${slo.name} ${slo.threshold} ${slo.unit}`.trim(),
      threshold: slo.threshold,
      unit: slo.unit || "value",
      target: slo.target,
      windowDays: slo.windowDays,
    })),
  );
}

/**
 * One output port of a document as a registration port. What the document leaves out (ODPS ports have no schema
 * or SLOs) is taken from `current`, the port of that name as stored.
 */
export function portToRegistration(
  port: OutputPortDescriptor,
  current: PortValues | undefined,
  options: { name?: string; index?: number; warnings?: MappingWarning[]; pointer?: string } = {},
): PortValues {
  const name = options.name ?? urlNameOf(port.name, `port-${(options.index ?? 0) + 1}`);
  const contractVersion = normalizeVersion(port.contractVersion);
  if (!contractVersion && port.contractVersion) {
    options.warnings?.push({
      pointer: options.pointer ?? "",
      message: `The version “${port.contractVersion}” of port ${name} is not a semantic version; ${current?.contractVersion ?? "1.0.0"} is kept.`,
    });
  }
  const server = serverValues(port.server);
  return {
    name,
    displayName: (port.displayName || port.name || name).slice(0, 120),
    description: port.description,
    kind: port.kind,
    format: (port.format ?? current?.format ?? port.server?.type ?? port.kind).slice(0, 40),
    server: server && Object.keys(server).length > 0 ? server : (current?.server ?? {}),
    contractVersion: contractVersion ?? current?.contractVersion ?? "1.0.0",
    maxGrantDays: current?.maxGrantDays ?? null,
    autoApprove: current?.autoApprove ?? false,
    fields: port.fields ? port.fields.map(fieldValues) : (current?.fields ?? []),
    slos: port.slos ? sloValues(port.slos) : (current?.slos ?? []),
  };
}

function inputToRegistration(
  input: InputPortDescriptor,
  index: number,
  warnings: MappingWarning[],
): InputValues | undefined {
  const source = input.source;
  if (source.kind === "output-port") {
    return { source: "product", product: source.product, port: source.port, description: input.description };
  }
  if (source.kind === "source-system") {
    return {
      source: "source-system",
      sourceSystem: source.system.split("/").at(-1) ?? source.system,
      description: input.description,
    };
  }
  warnings.push({
    pointer: `/inputPorts/${index}`,
    message: `Input port “${input.name}” reads contract ${source.contractId}, which is not an output port known to Hexmesh; it is kept in the document but not registered.`,
  });
  return undefined;
}

export interface RegistrationOptions {
  /** Where the product goes (the API path, or the import form); the document's own domain/name are checked apart. */
  path: { domain: string; name: string };
  /** The registration as stored, when the product exists. */
  current: ProductValues | null;
  /** The owning team when the document names none (or one that does not exist) and the product is new. */
  defaultOwningTeam: string;
  /** Whether a team of this URL name exists (a document's team may be a free-text name). */
  teamExists: (name: string) => boolean;
}

/** A descriptor's product as a registration for createProduct / updateProduct, with what could not be kept. */
export function descriptorToRegistration(
  product: ProductDescriptor,
  options: RegistrationOptions,
): { registration: ProductInput; warnings: MappingWarning[] } {
  const { current, path } = options;
  const warnings: MappingWarning[] = [];
  const version = normalizeVersion(product.version);
  if (!version && product.version) {
    warnings.push({
      pointer: "/version",
      message: `“${product.version}” is not a semantic version; ${current?.version ?? "0.1.0"} is kept.`,
    });
  }
  let owningTeam = current?.owningTeam ?? options.defaultOwningTeam;
  if (product.owningTeam) {
    const team = toUrlName(product.owningTeam);
    if (options.teamExists(team)) owningTeam = team;
    else {
      warnings.push({
        pointer: "/team/name",
        message: `There is no team “${product.owningTeam}” in Hexmesh; the product is owned by ${owningTeam}.`,
      });
    }
  }
  const ports = uniqueNames(
    product.outputPorts.map((port, index) => ({ port, index, name: urlNameOf(port.name, `port-${index + 1}`) })),
  );
  const registration: ProductInput = {
    name: path.name,
    displayName: (product.displayName || product.name).slice(0, 120),
    domain: path.domain,
    owningTeam,
    archetype: product.archetype ?? current?.archetype ?? "aggregate",
    // ODPS has no short description (only purpose, limitations, usage): the purpose says what the product is.
    description: product.description || product.purpose,
    purpose: product.purpose,
    limitations: product.limitations,
    usage: product.usage,
    tags: [...new Set(product.tags.map((tag) => toUrlName(tag)).filter((tag) => tag.length > 0))].slice(0, 20),
    version: version ?? current?.version ?? "0.1.0",
    outputPorts: ports.map(({ port, index, name }) =>
      portToRegistration(
        port,
        current?.outputPorts.find((existing) => existing.name === name),
        {
          name,
          index,
          warnings,
          pointer: `/outputPorts/${index}/version`,
        },
      ),
    ),
    inputPorts: product.inputPorts.flatMap((input, index) => inputToRegistration(input, index, warnings) ?? []),
  };
  return { registration, warnings };
}

/** Whether a base value, normalised the way an import does it, is the stored value (then the base is kept). */
const same = (a: unknown, b: unknown) => deepEqual(a, b);

function fieldToDescriptor(field: FieldValues, base: FieldDescriptor | undefined): FieldDescriptor {
  if (base && same(fieldValues(base), field)) return base;
  return { ...field };
}

/**
 * A registration port as a descriptor port. `base` is the port as the last imported document says it: where the
 * registration still equals what it maps to, its spelling (names, versions, server settings) is kept.
 */
export function portToDescriptor(port: PortValues, base: OutputPortDescriptor | undefined): OutputPortDescriptor {
  if (base && same(portToRegistration(base, port, { name: port.name }), port)) return base;
  const baseSlos = base?.slos ? new Map(sloValues(base.slos).map((slo, index) => [slo.name, base.slos![index]])) : null;
  const baseFields = new Map((base?.fields ?? []).map((field) => [field.name, field]));
  const baseServer = base ? serverValues(base.server) : undefined;
  return {
    name: base && urlNameOf(base.name, port.name) === port.name ? base.name : port.name,
    displayName: port.displayName,
    description: port.description,
    kind: port.kind,
    format:
      base?.format === undefined && base && port.format === (base.server?.type ?? base.kind) ? undefined : port.format,
    server:
      base?.server && same(baseServer, port.server)
        ? base.server
        : Object.keys(port.server).length > 0
          ? { type: String(port.server.type ?? port.format), ...port.server }
          : undefined,
    contractVersion:
      base && normalizeVersion(base.contractVersion) === port.contractVersion
        ? base.contractVersion
        : port.contractVersion,
    fields: port.fields.map((field) => fieldToDescriptor(field, baseFields.get(field.name))),
    slos: port.slos.map((slo) => {
      const original = baseSlos?.get(slo.name);
      return original && same(sloValues([original])[0], slo) ? original : { ...slo };
    }),
    customProperties: base?.customProperties ?? {},
  };
}

function inputKey(input: InputValues): string {
  return input.source === "product" ? `product:${input.product}#${input.port}` : `system:${input.sourceSystem}`;
}

/**
 * A registration as a descriptor product, for productToOdps. `base` is what the product's last imported document
 * maps to (odpsToProduct(original).value), or undefined for a fresh export.
 */
export function registrationToDescriptor(
  values: ProductValues,
  status: ProductDescriptor["status"],
  base?: ProductDescriptor,
): ProductDescriptor {
  const basePorts = new Map((base?.outputPorts ?? []).map((port) => [urlNameOf(port.name, port.name), port]));
  const baseInputs = new Map<string, InputPortDescriptor>();
  const warnings: MappingWarning[] = [];
  base?.inputPorts.forEach((input, index) => {
    const mapped = inputToRegistration(input, index, warnings);
    if (mapped) baseInputs.set(inputKey(mapped), input);
  });
  const tags = base && same([...new Set(base.tags.map((tag) => toUrlName(tag)).filter(Boolean))], values.tags);
  const owningTeam = base?.owningTeam && toUrlName(base.owningTeam) === values.owningTeam;
  return {
    id: base?.id,
    domain: values.domain,
    name: values.name,
    displayName:
      base && (base.displayName || base.name).slice(0, 120) === values.displayName
        ? base.displayName
        : values.displayName,
    owningTeam: owningTeam ? base!.owningTeam : values.owningTeam,
    archetype: values.archetype,
    status,
    description: base && !base.description && values.description === base.purpose ? "" : values.description,
    purpose: values.purpose,
    limitations: values.limitations,
    usage: values.usage,
    tags: tags ? base!.tags : values.tags,
    version: base && normalizeVersion(base.version) === values.version ? base.version : values.version,
    outputPorts: values.outputPorts.map((port) => {
      const basePort = basePorts.get(port.name);
      const mapped = portToDescriptor(port, basePort);
      // ODPS ports carry no schema: when the base port said none, keep saying none.
      return basePort && basePort.fields === undefined ? { ...mapped, fields: undefined, slos: undefined } : mapped;
    }),
    inputPorts: [
      ...values.inputPorts.map((input): InputPortDescriptor => {
        const original = baseInputs.get(inputKey(input));
        if (original && original.description === input.description) return original;
        return {
          name: original?.name ?? (input.source === "product" ? `${input.product}/${input.port}` : input.sourceSystem),
          version: original?.version ?? "1.0.0",
          description: input.description,
          source:
            input.source === "product"
              ? { kind: "output-port", product: input.product, port: input.port }
              : { kind: "source-system", system: input.sourceSystem },
        };
      }),
      // Inputs Hexmesh could not resolve stay as the document wrote them.
      ...(base?.inputPorts.filter((input) => input.source.kind === "contract") ?? []),
    ],
    customProperties: base?.customProperties ?? {},
  };
}
