// What a descriptor import can set in Hexmesh: a plain, database-free picture of a data product and its ports, in
// the values of the Prisma enums (lib/generated/prisma/enums). The lead's mutations turn it into rows.
import { z } from "zod";

export const ARCHETYPES = ["source_aligned", "aggregate", "consumer_aligned"] as const;
export const LIFECYCLE_STATUSES = ["proposed", "draft", "active", "deprecated", "retired"] as const;
export const OUTPUT_PORT_KINDS = ["table", "files", "events", "api", "graph"] as const;
export const CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export const SLO_KINDS = ["freshness", "completeness", "volume", "availability", "custom"] as const;

export type ArchetypeValue = (typeof ARCHETYPES)[number];
export type LifecycleValue = (typeof LIFECYCLE_STATUSES)[number];
export type OutputPortKindValue = (typeof OUTPUT_PORT_KINDS)[number];
export type ClassificationValue = (typeof CLASSIFICATIONS)[number];
export type SloKindValue = (typeof SLO_KINDS)[number];

/** Data of the document that Hexmesh does not model, by property name (the document's customProperties). */
export const CustomProperties = z.record(z.string(), z.unknown());
export type CustomProperties = z.infer<typeof CustomProperties>;

/** Where an output port is served: `{ type: "postgres", host, database, schema, table... }` (see ServerDto). */
export const ServerDescriptor = z
  .object({ type: z.string().min(1) })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type ServerDescriptor = z.infer<typeof ServerDescriptor>;

export const FieldDescriptor = z.object({
  name: z.string().min(1),
  /** Logical type as written by the owners: `string`, `bigint`, `timestamp`, `decimal(10,2)`... */
  type: z.string().min(1),
  description: z.string(),
  required: z.boolean(),
  primaryKey: z.boolean(),
  classification: z.enum(CLASSIFICATIONS),
  pii: z.boolean(),
  /** Name of the polyseme (global identifier) the field carries, or null. */
  polyseme: z.string().nullable(),
});
export type FieldDescriptor = z.infer<typeof FieldDescriptor>;

export const SloDescriptor = z.object({
  kind: z.enum(SLO_KINDS),
  name: z.string().min(1),
  objective: z.string(),
  threshold: z.number(),
  unit: z.string(),
  target: z.number(),
  windowDays: z.number().int().positive(),
});
export type SloDescriptor = z.infer<typeof SloDescriptor>;

export const OutputPortDescriptor = z.object({
  /** URL name of the port, unique within the product. */
  name: z.string().min(1),
  displayName: z.string(),
  description: z.string(),
  kind: z.enum(OUTPUT_PORT_KINDS),
  /** e.g. `postgres`, `parquet`, `avro`, `json`; undefined when the document does not say (ODPS). */
  format: z.string().optional(),
  server: ServerDescriptor.optional(),
  contractVersion: z.string(),
  /** The schema, in order; undefined when the document does not describe it (an ODPS port without its contract). */
  fields: z.array(FieldDescriptor).optional(),
  /** undefined when the document does not describe SLOs (ODPS). */
  slos: z.array(SloDescriptor).optional(),
  customProperties: CustomProperties,
});
export type OutputPortDescriptor = z.infer<typeof OutputPortDescriptor>;

/** What an input port reads from. */
export const InputSourceDescriptor = z.discriminatedUnion("kind", [
  /** Another product's output port: `product` is `<domain>/<product>`. */
  z.object({ kind: z.literal("output-port"), product: z.string().min(1), port: z.string().min(1) }),
  /** A source system of the product's domain, by name (`<domain>/<system>` when it names its domain). */
  z.object({ kind: z.literal("source-system"), system: z.string().min(1) }),
  /** A contract Hexmesh cannot resolve by itself (a foreign contract id): the caller decides what to do. */
  z.object({ kind: z.literal("contract"), contractId: z.string().min(1) }),
]);
export type InputSourceDescriptor = z.infer<typeof InputSourceDescriptor>;

export const InputPortDescriptor = z.object({
  /** The name in the document (ODPS input port name); informative. */
  name: z.string(),
  /** Version of the upstream contract read (ODPS requires one); on export, the upstream port's contractVersion. */
  version: z.string(),
  description: z.string(),
  source: InputSourceDescriptor,
});
export type InputPortDescriptor = z.infer<typeof InputPortDescriptor>;

export const ProductDescriptor = z.object({
  /** The document's own identifier (ODPS `id`); kept so that exports keep it. */
  id: z.string().optional(),
  /** Name of the domain, or null when the document does not say (the API then takes it from the path). */
  domain: z.string().nullable(),
  /** URL name, unique within the domain. */
  name: z.string().min(1),
  displayName: z.string(),
  /** Name of the owning team, or null when the document does not say. */
  owningTeam: z.string().nullable(),
  /** null when the document does not say. */
  archetype: z.enum(ARCHETYPES).nullable(),
  status: z.enum(LIFECYCLE_STATUSES),
  description: z.string(),
  purpose: z.string(),
  limitations: z.string(),
  usage: z.string(),
  tags: z.array(z.string()),
  version: z.string(),
  outputPorts: z.array(OutputPortDescriptor),
  inputPorts: z.array(InputPortDescriptor),
  customProperties: CustomProperties,
});
export type ProductDescriptor = z.infer<typeof ProductDescriptor>;

/** What the mapping noticed and could not carry into the model exactly (shown in the import preview). */
export interface MappingWarning {
  pointer: string;
  message: string;
}

export interface Mapped<T> {
  value: T;
  warnings: MappingWarning[];
}
