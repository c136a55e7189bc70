// Data products: the shapes the catalog and the product page read (DTOs) and the pure parsers for what arrives in
// URLs. No database here; unit-testable.
import { z } from "zod";
import type { Archetype, Classification, LifecycleStatus, OutputPortKind, SloKind } from "../generated/prisma/enums";

/** The canonical ref of a product: `<domain>/<name>`. */
export function productRef(domain: string, name: string): string {
  return `${domain}/${name}`;
}

/** The page of a product. */
export function productPath(domain: string, name: string): string {
  return `/products/${encodeURIComponent(domain)}/${encodeURIComponent(name)}`;
}

/**
 * Where an output port is served, as stored in `output_ports.server`: a `type` (postgres, s3, kafka, https...) and
 * the settings of that type (host, database, schema, table, bucket, path, topic, url...). Values are scalars.
 */
export const ServerDto = z
  .object({ type: z.string().min(1) })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type ServerDto = z.infer<typeof ServerDto>;

/** The server settings as label/value pairs for display, whatever was stored. */
export function describeServer(raw: unknown): { type: string | null; entries: { key: string; value: string }[] } {
  const parsed = ServerDto.safeParse(raw);
  const record: Record<string, unknown> = parsed.success
    ? parsed.data
    : raw && typeof raw === "object" && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  const entries = Object.entries(record)
    .filter(([key, value]) => key !== "type" && value !== null && value !== undefined && value !== "")
    .map(([key, value]) => ({ key, value: typeof value === "object" ? JSON.stringify(value) : String(value) }));
  return { type: typeof record.type === "string" ? record.type : null, entries };
}

export interface NamedRefDto {
  name: string;
  displayName: string;
}

/** One row of the catalog. */
export interface ProductSummaryDto {
  id: string;
  ref: string;
  name: string;
  displayName: string;
  description: string;
  archetype: Archetype;
  status: LifecycleStatus;
  tags: string[];
  domain: NamedRefDto & { parent: NamedRefDto | null };
  owningTeam: NamedRefDto;
}

export interface SchemaFieldDto {
  position: number;
  name: string;
  type: string;
  description: string;
  required: boolean;
  primaryKey: boolean;
  classification: Classification;
  pii: boolean;
  polyseme: NamedRefDto | null;
}

export interface SloDto {
  id: string;
  kind: SloKind;
  name: string;
  objective: string;
  threshold: number;
  unit: string;
  target: number;
  windowDays: number;
}

export interface OutputPortDto {
  id: string;
  name: string;
  displayName: string;
  description: string;
  kind: OutputPortKind;
  format: string;
  server: { type: string | null; entries: { key: string; value: string }[] };
  contractVersion: string;
  maxGrantDays: number | null;
  autoApprove: boolean;
  fields: SchemaFieldDto[];
  slos: SloDto[];
}

/** What a product consumes: another product's output port, or a source system of a domain. */
export type InputPortDto =
  | {
      id: string;
      kind: "product";
      description: string;
      product: NamedRefDto & { domainName: string; ref: string; status: LifecycleStatus };
      port: NamedRefDto;
    }
  | {
      id: string;
      kind: "source-system";
      description: string;
      sourceSystem: NamedRefDto & { kind: string; domainName: string };
    };

/** A visible product that consumes one of this product's output ports. */
export interface ConsumerDto {
  product: NamedRefDto & { domainName: string; ref: string; status: LifecycleStatus; owningTeam: NamedRefDto };
  ports: string[];
}

/** A team holding an active grant on one of this product's output ports. */
export interface GrantHolderDto {
  team: NamedRefDto;
  port: string;
  accessLevel: string;
  endsAt: Date;
}

export interface ProductDetailDto {
  id: string;
  ref: string;
  name: string;
  displayName: string;
  archetype: Archetype;
  status: LifecycleStatus;
  description: string;
  purpose: string;
  limitations: string;
  usage: string;
  tags: string[];
  version: string;
  revision: number;
  /** Whether the reader may edit the product and move it along its lifecycle. */
  canEdit: boolean;
  deprecationNote: string | null;
  sunsetAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  domain: NamedRefDto & { parent: NamedRefDto | null };
  owningTeam: NamedRefDto;
  outputPorts: OutputPortDto[];
  inputPorts: InputPortDto[];
  consumers: ConsumerDto[];
  grantHolders: GrantHolderDto[];
}
