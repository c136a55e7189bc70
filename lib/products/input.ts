// What a data product developer registers: one zod schema shared by the form (in the browser), the server actions,
// the REST API and the descriptor imports; the server decides. Pure; unit-tested.
import { z } from "zod";
import { Archetype, Classification, LifecycleStatus, OutputPortKind, SloKind } from "../generated/prisma/enums";

/** URL names: lowercase letters, digits and single hyphens. */
export const URL_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export const urlName = z
  .string()
  .trim()
  .min(2, "At least 2 characters.")
  .max(63, "At most 63 characters.")
  .regex(URL_NAME, "Use lowercase letters, digits and single hyphens, e.g. `listener-profiles`.");
const displayName = z.string().trim().min(1, "Required.").max(120, "At most 120 characters.");
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
export const semver = z.string().trim().regex(SEMVER, "A semantic version such as 1.0.0.");

/** `listener profiles` → `listener-profiles`: the URL name a display name suggests. */
export function toUrlName(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}

/** Adds an issue on each later item whose key repeats an earlier one (names must be unique in a list). */
function uniqueBy<T>(key: (item: T) => string, what: string, field: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item);
      if (value && seen.has(value)) {
        ctx.addIssue({ code: "custom", path: [index, field], message: `Another ${what} already has this name.` });
      }
      seen.add(value);
    });
  };
}

export const FieldInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Required.")
    .max(128, "At most 128 characters.")
    .regex(/^[^\s"'`]+$/, "No spaces or quotes."),
  type: z.string().trim().min(1, "Required.").max(100, "At most 100 characters."),
  description: text(2000).default(""),
  required: z.boolean().default(false),
  primaryKey: z.boolean().default(false),
  classification: z.enum(Classification).default("internal"),
  pii: z.boolean().default(false),
  /** The name of a glossary polyseme, or null. */
  polyseme: urlName.nullable().default(null),
});
export type FieldInput = z.input<typeof FieldInput>;

export const SloInput = z.object({
  kind: z.enum(SloKind),
  name: urlName,
  objective: z.string().trim().min(1, "Required.").max(500, "At most 500 characters."),
  threshold: z.number({ error: "A number." }).finite(),
  unit: z.string().trim().min(1, "Required.").max(40, "At most 40 characters."),
  target: z.number({ error: "A number." }).gt(0, "Above 0.").max(100, "At most 100."),
  windowDays: z.number({ error: "A number." }).int("Whole days.").min(1, "At least 1 day.").max(365, "At most 365."),
});
export type SloInput = z.input<typeof SloInput>;

const serverValue = z.union([z.string().max(500), z.number().finite(), z.boolean()]);

export const OutputPortInput = z.object({
  name: urlName,
  displayName,
  description: text(5000).default(""),
  kind: z.enum(OutputPortKind),
  format: z.string().trim().min(1, "Required.").max(40, "At most 40 characters."),
  /** Where the data is served: a `type` (postgres, s3, kafka, https...) and its settings. */
  server: z.record(z.string().trim().min(1).max(60), serverValue).default({}),
  contractVersion: semver.default("1.0.0"),
  maxGrantDays: z
    .number()
    .int("Whole days.")
    .min(1, "At least 1 day.")
    .max(3650, "At most 3650.")
    .nullable()
    .default(null),
  autoApprove: z.boolean().default(false),
  fields: z
    .array(FieldInput)
    .max(500, "At most 500 fields.")
    .default([])
    .superRefine(uniqueBy((f) => f.name, "field", "name")),
  slos: z
    .array(SloInput)
    .max(50, "At most 50 objectives.")
    .default([])
    .superRefine(uniqueBy((s) => s.name, "objective", "name")),
});
export type OutputPortInput = z.input<typeof OutputPortInput>;

/** What a product consumes: an output port of another product (`<domain>/<name>` + port), or a source system. */
export const InputPortInput = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("product"),
    product: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "A product ref `<domain>/<name>`."),
    port: urlName,
    description: text(2000).default(""),
  }),
  z.object({
    source: z.literal("source-system"),
    /** A source system of the product's domain. */
    sourceSystem: urlName,
    description: text(2000).default(""),
  }),
]);
export type InputPortInput = z.input<typeof InputPortInput>;

function inputPortKey(input: z.output<typeof InputPortInput>): string {
  return input.source === "product" ? `product:${input.product}#${input.port}` : `source-system:${input.sourceSystem}`;
}

export const ProductInput = z.object({
  name: urlName,
  displayName,
  domain: urlName,
  owningTeam: urlName,
  archetype: z.enum(Archetype),
  description: text(10000).default(""),
  purpose: text(5000).default(""),
  limitations: text(5000).default(""),
  usage: text(5000).default(""),
  tags: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .min(1)
        .max(40, "At most 40 characters.")
        .regex(URL_NAME, "Lowercase words and hyphens."),
    )
    .max(20, "At most 20 tags.")
    .default([])
    .transform((tags) => [...new Set(tags)]),
  version: semver.default("0.1.0"),
  outputPorts: z
    .array(OutputPortInput)
    .max(20, "At most 20 output ports.")
    .default([])
    .superRefine(uniqueBy((p) => p.name, "output port", "name")),
  inputPorts: z
    .array(InputPortInput)
    .max(100, "At most 100 input ports.")
    .default([])
    .superRefine((ports, ctx) => {
      const seen = new Set<string>();
      ports.forEach((port, index) => {
        const key = inputPortKey(port);
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index], message: "This input is listed twice." });
        seen.add(key);
      });
    }),
});
export type ProductInput = z.input<typeof ProductInput>;
export type ProductValues = z.output<typeof ProductInput>;

/**
 * What keeps a product from being published (draft → active), with the path of the field to fix: a product must
 * say what it is, and every output port must have a schema.
 */
export function publishProblems(product: ProductValues): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (!product.description)
    problems.push({ path: ["description"], message: "Describe the product before publishing." });
  if (!product.purpose) problems.push({ path: ["purpose"], message: "Say what the product is for before publishing." });
  if (product.outputPorts.length === 0) {
    problems.push({ path: ["outputPorts"], message: "A published product needs at least one output port." });
  }
  product.outputPorts.forEach((port, index) => {
    if (port.fields.length === 0) {
      problems.push({ path: ["outputPorts", index, "fields"], message: "Give this port a schema before publishing." });
    }
  });
  return problems;
}

/** Zod issues as field errors keyed by their dotted path (`outputPorts.0.fields.2.name`), as the form shows them. */
export function errorsByPath(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** Where a product may go from each lifecycle status. */
const LIFECYCLE: Record<LifecycleStatus, LifecycleStatus[]> = {
  proposed: ["draft", "retired"],
  draft: ["active", "retired"],
  active: ["deprecated"],
  deprecated: ["active", "retired"],
  retired: [],
};

export function nextStatuses(status: LifecycleStatus): LifecycleStatus[] {
  return LIFECYCLE[status];
}

/** A lifecycle step, with what each one needs; `revision` is the one the user saw. */
export const TransitionInput = z.discriminatedUnion("to", [
  z.object({ to: z.literal(["proposed", "draft", "active"]), revision: z.number().int() }),
  z.object({
    to: z.literal("deprecated"),
    revision: z.number().int(),
    note: z.string().trim().min(10, "Tell consumers why, and what to use instead (at least 10 characters).").max(2000),
    sunsetAt: z.coerce
      .date({ error: "A date." })
      .refine((date) => date.getTime() > Date.now(), "The sunset date must be in the future."),
  }),
  z
    .object({
      to: z.literal("retired"),
      revision: z.number().int(),
      force: z.boolean().default(false),
      reason: z.string().trim().max(2000).optional(),
    })
    .refine((value) => !value.force || (value.reason?.length ?? 0) >= 10, {
      path: ["reason"],
      message: "Forcing needs a reason (at least 10 characters).",
    }),
]);
export type TransitionInput = z.input<typeof TransitionInput>;
