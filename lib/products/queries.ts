import "server-only";
import { cache } from "react";
import { db, prepared } from "../db";
import { NotFoundError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { Archetype, LifecycleStatus } from "../generated/prisma/enums";
import { authorize, can, requireActor, sqlScopeFor, type Actor } from "../authz";
import {
  describeServer,
  productRef,
  type ConsumerDto,
  type InputPortDto,
  type OutputPortDto,
  type ProductDetailDto,
  type SchemaFieldDto,
  type SloDto,
} from "./schemas";

interface DetailRow {
  id: string;
  name: string;
  displayName: string;
  archetype: Archetype;
  status: LifecycleStatus;
  description: string;
  purpose: string;
  limitations: string;
  usage: string;
  tags: string[] | null;
  version: string;
  revision: number;
  deprecationNote: string | null;
  sunsetAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  owningTeamId: string;
  domainName: string;
  domainDisplayName: string;
  parentName: string | null;
  parentDisplayName: string | null;
  teamName: string;
  teamDisplayName: string;
  outputPorts: (Omit<OutputPortDto, "server" | "fields" | "slos"> & {
    server: unknown;
    fields: SchemaFieldDto[] | null;
    slos: SloDto[] | null;
  })[];
  inputPorts: {
    id: string;
    description: string;
    portName: string | null;
    portDisplayName: string | null;
    productName: string | null;
    productDisplayName: string | null;
    productStatus: LifecycleStatus | null;
    productOwningTeamId: string | null;
    productDomainName: string | null;
    systemName: string | null;
    systemDisplayName: string | null;
    systemKind: string | null;
    systemDomainName: string | null;
  }[];
  consumers: {
    portName: string;
    name: string;
    displayName: string;
    status: LifecycleStatus;
    domainName: string;
    teamName: string;
    teamDisplayName: string;
  }[];
  grants: { accessLevel: string; endsAt: string; portName: string; teamName: string; teamDisplayName: string }[];
}

/**
 * Everything the product page shows about `<domain>/<name>`, for an explicit actor (the page, route handlers and
 * the benchmark), in one round trip: the product with its ports, fields, SLOs and inputs as JSON, the consumers
 * the actor may see and the active grants. Throws NotFoundError when the product does not exist or the actor may
 * not see it.
 */
export async function loadProductDetail(actor: Actor, domainName: string, name: string): Promise<ProductDetailDto> {
  const [product] = await db.$queryRaw<DetailRow[]>(
    prepared(Prisma.sql`
    SELECT x.id, x.name, x.display_name AS "displayName", replace(x.archetype::text, '-', '_') AS archetype,
           x.status::text AS status, x.description, x.purpose, x.limitations, x.usage, x.tags, x.version, x.revision,
           x.deprecation_note AS "deprecationNote", x.sunset_at AS "sunsetAt", x.created_at AS "createdAt",
           x.updated_at AS "updatedAt", x.owning_team_id AS "owningTeamId",
           d.name AS "domainName", d.display_name AS "domainDisplayName",
           parent.name AS "parentName", parent.display_name AS "parentDisplayName",
           team.name AS "teamName", team.display_name AS "teamDisplayName",
           coalesce((
             SELECT json_agg(json_build_object(
               'id', op.id, 'name', op.name, 'displayName', op.display_name, 'description', op.description,
               'kind', op.kind, 'format', op.format, 'server', op.server, 'contractVersion', op.contract_version,
               'maxGrantDays', op.max_grant_days, 'autoApprove', op.auto_approve,
               'fields', (
                 SELECT json_agg(json_build_object(
                   'position', f.position, 'name', f.name, 'type', f.type, 'description', f.description,
                   'required', f.required, 'primaryKey', f.primary_key, 'classification', f.classification,
                   'pii', f.pii,
                   'polyseme', CASE WHEN pol.id IS NULL THEN NULL
                                    ELSE json_build_object('name', pol.name, 'displayName', pol.display_name) END
                 ) ORDER BY f.position)
                 FROM schema_fields f LEFT JOIN polysemes pol ON pol.id = f.polyseme_id
                 WHERE f.output_port_id = op.id),
               'slos', (
                 SELECT json_agg(json_build_object(
                   'id', slo.id, 'kind', slo.kind, 'name', slo.name, 'objective', slo.objective,
                   'threshold', slo.threshold, 'unit', slo.unit, 'target', slo.target, 'windowDays', slo.window_days
                 ) ORDER BY slo.kind, slo.name)
                 FROM slos slo WHERE slo.output_port_id = op.id)
             ) ORDER BY op.position, op.name)
             FROM output_ports op WHERE op.product_id = x.id), '[]') AS "outputPorts",
           coalesce((
             SELECT json_agg(json_build_object(
               'id', ip.id, 'description', ip.description,
               'portName', up.name, 'portDisplayName', up.display_name,
               'productName', u.name, 'productDisplayName', u.display_name, 'productStatus', u.status,
               'productOwningTeamId', u.owning_team_id, 'productDomainName', ud.name,
               'systemName', sys.name, 'systemDisplayName', sys.display_name, 'systemKind', sys.kind,
               'systemDomainName', sd.name
             ) ORDER BY ip.created_at, ip.id)
             FROM input_ports ip
             LEFT JOIN output_ports up ON up.id = ip.source_output_port_id
             LEFT JOIN data_products u ON u.id = up.product_id
             LEFT JOIN domains ud ON ud.id = u.domain_id
             LEFT JOIN source_systems sys ON sys.id = ip.source_system_id
             LEFT JOIN domains sd ON sd.id = sys.domain_id
             WHERE ip.product_id = x.id), '[]') AS "inputPorts",
           coalesce((
             SELECT json_agg(json_build_object(
               'portName', op.name, 'name', p.name, 'displayName', p.display_name, 'status', p.status,
               'domainName', pd.name, 'teamName', pt.name, 'teamDisplayName', pt.display_name
             ) ORDER BY pd.name, p.name, op.position, op.name)
             FROM output_ports op
             JOIN input_ports ip ON ip.source_output_port_id = op.id
             JOIN data_products p ON p.id = ip.product_id
             JOIN domains pd ON pd.id = p.domain_id
             JOIN teams pt ON pt.id = p.owning_team_id
             WHERE op.product_id = x.id AND ${sqlScopeFor(actor, "product.read")}), '[]') AS consumers,
           coalesce((
             SELECT json_agg(json_build_object(
               'accessLevel', g.access_level, 'endsAt', g.ends_at, 'portName', op.name,
               'teamName', ct.name, 'teamDisplayName', ct.display_name
             ) ORDER BY ct.name, op.name)
             FROM output_ports op
             JOIN grants g ON g.output_port_id = op.id
             JOIN teams ct ON ct.id = g.consumer_team_id
             WHERE op.product_id = x.id AND g.status = 'active' AND g.ends_at > now()), '[]') AS grants
    FROM data_products x
    JOIN domains d ON d.id = x.domain_id
    LEFT JOIN domains parent ON parent.id = d.parent_id
    JOIN teams team ON team.id = x.owning_team_id
    WHERE d.name = ${domainName} AND x.name = ${name}`),
  );
  if (!product) throw new NotFoundError();
  authorize(actor, "product.read", product);

  const consumers = new Map<string, ConsumerDto>();
  for (const row of product.consumers) {
    const ref = productRef(row.domainName, row.name);
    const consumer = consumers.get(ref) ?? {
      product: {
        name: row.name,
        displayName: row.displayName,
        status: row.status,
        domainName: row.domainName,
        ref,
        owningTeam: { name: row.teamName, displayName: row.teamDisplayName },
      },
      ports: [],
    };
    if (!consumer.ports.includes(row.portName)) consumer.ports.push(row.portName);
    consumers.set(ref, consumer);
  }

  const inputPorts: InputPortDto[] = [];
  for (const input of product.inputPorts) {
    if (input.productName !== null) {
      const upstream = { status: input.productStatus!, owningTeamId: input.productOwningTeamId! };
      // An upstream product the actor may not see does not exist for them.
      if (!can(actor, "product.read", upstream)) continue;
      inputPorts.push({
        id: input.id,
        kind: "product",
        description: input.description,
        product: {
          name: input.productName,
          displayName: input.productDisplayName!,
          status: upstream.status,
          domainName: input.productDomainName!,
          ref: productRef(input.productDomainName!, input.productName),
        },
        port: { name: input.portName!, displayName: input.portDisplayName! },
      });
    } else if (input.systemName !== null) {
      inputPorts.push({
        id: input.id,
        kind: "source-system",
        description: input.description,
        sourceSystem: {
          name: input.systemName,
          displayName: input.systemDisplayName!,
          kind: input.systemKind!,
          domainName: input.systemDomainName!,
        },
      });
    }
  }

  return {
    id: product.id,
    ref: productRef(product.domainName, product.name),
    name: product.name,
    displayName: product.displayName,
    archetype: product.archetype,
    status: product.status,
    description: product.description,
    purpose: product.purpose,
    limitations: product.limitations,
    usage: product.usage,
    tags: product.tags ?? [],
    version: product.version,
    revision: product.revision,
    canEdit: can(actor, "product.update", product),
    deprecationNote: product.deprecationNote,
    sunsetAt: product.sunsetAt,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    domain: {
      name: product.domainName,
      displayName: product.domainDisplayName,
      parent: product.parentName ? { name: product.parentName, displayName: product.parentDisplayName! } : null,
    },
    owningTeam: { name: product.teamName, displayName: product.teamDisplayName },
    outputPorts: product.outputPorts.map((port) => ({
      id: port.id,
      name: port.name,
      displayName: port.displayName,
      description: port.description,
      kind: port.kind,
      format: port.format,
      server: describeServer(port.server),
      contractVersion: port.contractVersion,
      maxGrantDays: port.maxGrantDays,
      autoApprove: port.autoApprove,
      fields: port.fields ?? [],
      slos: port.slos ?? [],
    })),
    inputPorts,
    consumers: [...consumers.values()],
    grantHolders: product.grants.map((grant) => ({
      team: { name: grant.teamName, displayName: grant.teamDisplayName },
      port: grant.portName,
      accessLevel: grant.accessLevel,
      endsAt: new Date(grant.endsAt),
    })),
  };
}

/**
 * The product page's read for the signed-in user (redirects to /signin without a session). Cached per request:
 * the page and its metadata share one read.
 */
export const getProductDetail = cache(async (domainName: string, name: string): Promise<ProductDetailDto> =>
  loadProductDetail(await requireActor(), domainName, name),
);
