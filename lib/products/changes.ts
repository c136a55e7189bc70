// What changed between two states of a data product, and which changes break consumers. Powers the version diff,
// the explanation of an edit conflict, and the breaking-change gate on active output ports. Pure; unit-tested.
import type { ProductValues } from "./input";

type PortValues = ProductValues["outputPorts"][number];
type FieldValues = PortValues["fields"][number];

export interface ProductChange {
  /** Where, in words: `Output port events › field email › type`. */
  where: string;
  kind: "added" | "removed" | "changed";
  before?: string;
  after?: string;
  /** Breaks consumers of the output port: needs a new major contract version once the product is published. */
  breaking: boolean;
  /** The output port the change belongs to, if any. */
  port?: string;
}

const show = (value: unknown): string =>
  value === null || value === undefined || value === ""
    ? "(none)"
    : Array.isArray(value)
      ? value.join(", ") || "(none)"
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);

const PRODUCT_LABELS: [keyof ProductValues, string][] = [
  ["displayName", "display name"],
  ["name", "URL name"],
  ["domain", "domain"],
  ["owningTeam", "owning team"],
  ["archetype", "archetype"],
  ["version", "version"],
  ["description", "description"],
  ["purpose", "purpose"],
  ["limitations", "limitations"],
  ["usage", "usage"],
  ["tags", "tags"],
];
const PORT_LABELS: [keyof PortValues, string][] = [
  ["displayName", "display name"],
  ["description", "description"],
  ["kind", "kind"],
  ["format", "format"],
  ["server", "server"],
  ["contractVersion", "contract version"],
  ["maxGrantDays", "longest grant (days)"],
  ["autoApprove", "auto-approval"],
];
const FIELD_LABELS: [keyof FieldValues, string][] = [
  ["type", "type"],
  ["description", "description"],
  ["required", "required"],
  ["primaryKey", "primary key"],
  ["classification", "classification"],
  ["pii", "PII"],
  ["polyseme", "polyseme"],
];

/** JSON with object keys sorted, so equal values compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Integer and floating-point families, narrowest first: moving right is a widening. */
const WIDENINGS = [
  ["tinyint", "smallint", "int", "bigint", "decimal", "numeric"],
  ["float", "real", "double", "double precision"],
  ["date", "timestamp"],
];
const ALIASES: Record<string, string> = {
  integer: "int",
  int4: "int",
  int2: "smallint",
  int8: "bigint",
  long: "bigint",
  float4: "real",
  float8: "double",
  text: "string",
  varchar: "string",
  "character varying": "string",
  timestamptz: "timestamp",
  datetime: "timestamp",
  bool: "boolean",
};

function parseType(type: string): { base: string; params: number[] } {
  const match = /^\s*([a-z][a-z0-9 ]*?)\s*(?:\(([\d\s,]+)\))?\s*$/i.exec(type);
  if (!match) return { base: type.trim().toLowerCase(), params: [] };
  const base = match[1].toLowerCase();
  const params = match[2] ? match[2].split(",").map((value) => Number(value.trim())) : [];
  return { base: ALIASES[base] ?? base, params };
}

/**
 * Whether changing a field's type from `before` to `after` narrows it (data valid before may not fit after).
 * Unknown changes count as narrowing: when in doubt, consumers are told.
 */
export function narrowsType(before: string, after: string): boolean {
  const a = parseType(before);
  const b = parseType(after);
  if (a.base === b.base) {
    if (a.base === "decimal" || a.base === "numeric") {
      const [p1 = 38, s1 = 0] = a.params;
      const [p2 = 38, s2 = 0] = b.params;
      return p2 < p1 || s2 < s1 || p2 - s2 < p1 - s1;
    }
    const [n1 = Infinity] = a.params;
    const [n2 = Infinity] = b.params;
    return n2 < n1;
  }
  if (b.base === "string" && b.params.length === 0) return false;
  for (const family of WIDENINGS) {
    const from = family.indexOf(a.base);
    const to = family.indexOf(b.base);
    if (from >= 0 && to >= 0) return to < from;
  }
  return true;
}

function diffFields(port: string, before: FieldValues[], after: FieldValues[], prefix: string): ProductChange[] {
  const changes: ProductChange[] = [];
  const afterByName = new Map(after.map((field) => [field.name, field]));
  const beforeByName = new Map(before.map((field) => [field.name, field]));
  for (const field of before) {
    const next = afterByName.get(field.name);
    if (!next) {
      changes.push({
        where: `${prefix} › field ${field.name}`,
        kind: "removed",
        before: field.type,
        breaking: true,
        port,
      });
      continue;
    }
    for (const [key, label] of FIELD_LABELS) {
      if (same(field[key], next[key])) continue;
      const breaking =
        (key === "type" && narrowsType(field.type, next.type)) ||
        (key === "required" && next.required && !field.required);
      changes.push({
        where: `${prefix} › field ${field.name} › ${label}`,
        kind: "changed",
        before: show(field[key]),
        after: show(next[key]),
        breaking,
        port,
      });
    }
  }
  for (const field of after) {
    if (!beforeByName.has(field.name)) {
      changes.push({
        where: `${prefix} › field ${field.name}`,
        kind: "added",
        after: field.type,
        breaking: false,
        port,
      });
    }
  }
  return changes;
}

/** Every difference between two states of a product, in reading order. */
export function diffProducts(before: ProductValues, after: ProductValues): ProductChange[] {
  const changes: ProductChange[] = [];
  for (const [key, label] of PRODUCT_LABELS) {
    if (!same(before[key], after[key])) {
      changes.push({
        where: label,
        kind: "changed",
        before: show(before[key]),
        after: show(after[key]),
        breaking: false,
      });
    }
  }

  const afterPorts = new Map(after.outputPorts.map((port) => [port.name, port]));
  const beforePorts = new Map(before.outputPorts.map((port) => [port.name, port]));
  for (const port of before.outputPorts) {
    const prefix = `Output port ${port.name}`;
    const next = afterPorts.get(port.name);
    if (!next) {
      changes.push({ where: prefix, kind: "removed", breaking: true, port: port.name });
      continue;
    }
    for (const [key, label] of PORT_LABELS) {
      if (!same(port[key], next[key])) {
        changes.push({
          where: `${prefix} › ${label}`,
          kind: "changed",
          before: show(port[key]),
          after: show(next[key]),
          breaking: false,
          port: port.name,
        });
      }
    }
    changes.push(...diffFields(port.name, port.fields, next.fields, prefix));
    const nextSlos = new Map(next.slos.map((slo) => [slo.name, slo]));
    for (const slo of port.slos) {
      const other = nextSlos.get(slo.name);
      if (!other)
        changes.push({
          where: `${prefix} › SLO ${slo.name}`,
          kind: "removed",
          before: slo.objective,
          breaking: false,
          port: port.name,
        });
      else if (!same(slo, other)) {
        changes.push({
          where: `${prefix} › SLO ${slo.name}`,
          kind: "changed",
          before: slo.objective,
          after: other.objective,
          breaking: false,
          port: port.name,
        });
      }
    }
    const oldSlos = new Set(port.slos.map((slo) => slo.name));
    for (const slo of next.slos) {
      if (!oldSlos.has(slo.name))
        changes.push({
          where: `${prefix} › SLO ${slo.name}`,
          kind: "added",
          after: slo.objective,
          breaking: false,
          port: port.name,
        });
    }
  }
  for (const port of after.outputPorts) {
    if (!beforePorts.has(port.name)) {
      changes.push({
        where: `Output port ${port.name}`,
        kind: "added",
        after: port.kind,
        breaking: false,
        port: port.name,
      });
    }
  }

  const inputKey = (input: ProductValues["inputPorts"][number]) =>
    input.source === "product" ? `${input.product} › ${input.port}` : `source system ${input.sourceSystem}`;
  const beforeInputs = new Set(before.inputPorts.map(inputKey));
  const afterInputs = new Set(after.inputPorts.map(inputKey));
  for (const key of beforeInputs)
    if (!afterInputs.has(key)) changes.push({ where: `Input ${key}`, kind: "removed", breaking: false });
  for (const key of afterInputs)
    if (!beforeInputs.has(key)) changes.push({ where: `Input ${key}`, kind: "added", breaking: false });
  return changes;
}

const major = (version: string) => Number(version.split(".")[0]);

/**
 * The output ports whose breaking changes are not covered by a new major contract version: each with the changes
 * and the version it needs at least.
 */
export function uncoveredBreakingChanges(
  before: ProductValues,
  after: ProductValues,
  changes = diffProducts(before, after),
): { port: string; index: number; changes: ProductChange[]; requiredVersion: string }[] {
  const result: { port: string; index: number; changes: ProductChange[]; requiredVersion: string }[] = [];
  after.outputPorts.forEach((port, index) => {
    const old = before.outputPorts.find((candidate) => candidate.name === port.name);
    if (!old) return;
    const breaking = changes.filter((change) => change.breaking && change.port === port.name);
    if (breaking.length === 0 || major(port.contractVersion) > major(old.contractVersion)) return;
    result.push({
      port: port.name,
      index,
      changes: breaking,
      requiredVersion: `${major(old.contractVersion) + 1}.0.0`,
    });
  });
  return result;
}
