// Writes the demo mesh of prisma/seed-data.ts into an empty database, in one transaction, with one audit event
// per created entity. Runs under plain tsx (scripts/db-seed.ts, scripts/db/server.ts): no server-only imports.
import { PrismaPg } from "@prisma/adapter-pg";
import { hashPassword } from "../lib/auth/password";
import { PrismaClient, type Prisma } from "../lib/generated/prisma/client";
import { DEMO_WAREHOUSE_DATABASE } from "../lib/provisioning/schemas";
import { ensureDemoWarehouse } from "../scripts/db/warehouse";
import {
  ACCESS_REQUESTS,
  DEMO_PASSWORD,
  DOMAINS,
  NOTIFICATIONS,
  POLICIES,
  POLICY_AUTHOR,
  POLYSEMES,
  PRODUCTS,
  SOURCE_SYSTEMS,
  TEAMS,
  USERS,
  type SeedProduct,
  type SeedServer,
  type SeedUser,
} from "./seed-data";

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** True when the URL points at this machine (a TCP loopback address or a Unix socket). */
export function isLocalDatabaseUrl(url: string): boolean {
  const parsed = new URL(url);
  const socketHost = parsed.searchParams.get("host");
  if (socketHost) return socketHost.startsWith("/") || LOCAL_HOSTS.has(socketHost);
  return parsed.hostname === "" || LOCAL_HOSTS.has(parsed.hostname);
}

/**
 * Seeds the demo mesh into the database at `url`, which must hold no users yet. Refuses a database on another
 * machine unless `allowRemote` is set.
 */
export async function seedDemoMesh(url: string, options: { allowRemote?: boolean } = {}): Promise<void> {
  if (!options.allowRemote && !isLocalDatabaseUrl(url)) {
    throw new Error(`Refusing to seed the demo mesh into ${new URL(url).host}, which is not a local database.`);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await refuseNonEmpty(prisma);
    // Where the demo's listeners-demographic port is provisioned; without it the demo still works, minus real grants.
    await ensureDemoWarehouse(url).catch((error: Error) =>
      console.warn(`The demo warehouse could not be made (${error.message}); its port will not be provisioned.`),
    );
    // Hashed before the transaction opens (argon2 takes a while), each with its own salt.
    const hashes = new Map(
      await Promise.all(USERS.map(async (user) => [user.email, await hashPassword(DEMO_PASSWORD)] as const)),
    );
    await prisma.$transaction(
      async (tx) => {
        // Two processes seeding the same empty database at once: the second waits here, then finds users.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('hexmesh-demo-seed'))`;
        await refuseNonEmpty(tx);
        await writeDemoMesh(tx, hashes, new Date(), new URL(url));
      },
      { timeout: 60_000 },
    );
  } finally {
    await prisma.$disconnect();
  }
}

async function refuseNonEmpty(client: Pick<PrismaClient, "user">): Promise<void> {
  const users = await client.user.count();
  if (users > 0) {
    throw new Error(`Refusing to seed the demo mesh: the database already holds ${users} users.`);
  }
}

/** Looks a name up in a map of ids filled earlier; a miss is a bug in seed-data.ts. */
function idOf(ids: Map<string, string>, name: string, what: string): string {
  const id = ids.get(name);
  if (!id) throw new Error(`seed data: unknown ${what} "${name}"`);
  return id;
}

/** A port's server as stored: tables of the demo warehouse live on the server being seeded. */
export function serverOnCatalog(server: SeedServer, catalogUrl: URL): SeedServer {
  if (server.type !== "postgres" || server.database !== DEMO_WAREHOUSE_DATABASE) return server;
  return { ...server, host: catalogUrl.hostname, port: Number(catalogUrl.port || 5432) };
}

async function writeDemoMesh(
  tx: Prisma.TransactionClient,
  hashes: Map<string, string>,
  now: Date,
  catalogUrl: URL,
): Promise<void> {
  /** A moment `days` before now, plus `minutes` (to stagger things created on the same day). */
  const ago = (days: number, minutes = 0) => new Date(now.getTime() - days * DAY_MS + minutes * MINUTE_MS);
  /** Like `ago(days)` but at an irregular minute (the same for equal `days`), so that events do not line up. */
  const at = (days: number) => ago(days, -Math.floor(Math.abs(days * 97) % 180));
  const audit: Prisma.AuditEventCreateManyInput[] = [];
  /** One audit event; the seed acts as the platform itself, so without an actor. */
  const record = (
    when: Date,
    action: string,
    entityRef: string,
    after: Prisma.InputJsonValue,
    before?: Prisma.InputJsonValue,
  ) => audit.push({ at: when, action, entityRef, after, before, actorId: null, actorEmail: null });

  // People and teams: the platform was set up a month ago.
  const userCreatedAt = (index: number) => ago(30, index * 7);
  const disabledAt = (user: SeedUser) => (user.disabledDaysAgo === undefined ? null : at(user.disabledDaysAgo));
  const userRows = await tx.user.createManyAndReturn({
    data: USERS.map((user, index) => ({
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      passwordHash: hashes.get(user.email),
      disabledAt: disabledAt(user),
      createdAt: userCreatedAt(index),
      updatedAt: disabledAt(user) ?? userCreatedAt(index),
    })),
    select: { id: true, email: true },
  });
  const userIds = new Map(userRows.map((row) => [row.email, row.id]));
  for (const [index, user] of USERS.entries()) {
    const after = { email: user.email, name: user.name, role: user.role };
    record(userCreatedAt(index), "user.created", `user:${user.email}`, after);
    const disabled = disabledAt(user);
    if (disabled) {
      const change = { disabledAt: disabled.toISOString() };
      record(disabled, "user.disabled", `user:${user.email}`, change, { disabledAt: null });
    }
  }

  const teamCreatedAt = (index: number) => ago(29.9, index * 5);
  const teamRows = await tx.team.createManyAndReturn({
    data: TEAMS.map((team, index) => ({ ...team, createdAt: teamCreatedAt(index), updatedAt: teamCreatedAt(index) })),
    select: { id: true, name: true },
  });
  const teamIds = new Map(teamRows.map((row) => [row.name, row.id]));
  await tx.teamMembership.createMany({
    data: USERS.flatMap((user) =>
      user.teams.map((membership) => ({
        teamId: idOf(teamIds, membership.team, "team"),
        userId: idOf(userIds, user.email, "user"),
        role: membership.role,
        createdAt: teamCreatedAt(TEAMS.findIndex((team) => team.name === membership.team)),
      })),
    ),
  });
  for (const [index, team] of TEAMS.entries()) {
    const members = USERS.flatMap((user) =>
      user.teams.filter((m) => m.team === team.name).map((m) => ({ email: user.email, role: m.role })),
    );
    const after = { name: team.name, displayName: team.displayName, members };
    record(teamCreatedAt(index), "team.created", `team:${team.name}`, after);
  }

  // Domains (parents first, as listed) and their source systems.
  const domainIds = new Map<string, string>();
  for (const [index, domain] of DOMAINS.entries()) {
    const createdAt = ago(29.7, index * 4);
    const { id } = await tx.domain.create({
      data: {
        name: domain.name,
        displayName: domain.displayName,
        description: domain.description,
        owningTeamId: idOf(teamIds, domain.team, "team"),
        parentId: domain.parent ? idOf(domainIds, domain.parent, "parent domain") : null,
        createdAt,
        updatedAt: createdAt,
      },
      select: { id: true },
    });
    domainIds.set(domain.name, id);
    record(createdAt, "domain.created", `domain:${domain.name}`, {
      name: domain.name,
      parent: domain.parent ?? null,
      owningTeam: domain.team,
    });
  }

  const systemCreatedAt = (index: number) => ago(29.5, index * 3);
  const systemRows = await tx.sourceSystem.createManyAndReturn({
    data: SOURCE_SYSTEMS.map((system, index) => ({
      domainId: idOf(domainIds, system.domain, "domain"),
      name: system.name,
      displayName: system.displayName,
      description: system.description,
      kind: system.kind,
      createdAt: systemCreatedAt(index),
      updatedAt: systemCreatedAt(index),
    })),
    select: { id: true, domainId: true, name: true },
  });
  const systemIdByKey = new Map(systemRows.map((row) => [`${row.domainId}/${row.name}`, row.id]));
  const sourceSystemIds = new Map<string, string>();
  for (const [index, system] of SOURCE_SYSTEMS.entries()) {
    const ref = `${system.domain}/${system.name}`;
    const key = `${idOf(domainIds, system.domain, "domain")}/${system.name}`;
    sourceSystemIds.set(ref, idOf(systemIdByKey, key, "source system"));
    const after = { name: system.name, domain: system.domain, kind: system.kind };
    record(systemCreatedAt(index), "source-system.created", `source-system:${ref}`, after);
  }

  // Federated governance.
  const polysemeCreatedAt = (index: number) => ago(29, index * 11);
  const polysemeRows = await tx.polyseme.createManyAndReturn({
    data: POLYSEMES.map((polyseme, index) => ({
      name: polyseme.name,
      displayName: polyseme.displayName,
      definition: polyseme.definition,
      ownerTeamId: idOf(teamIds, polyseme.ownerTeam, "team"),
      createdAt: polysemeCreatedAt(index),
      updatedAt: polysemeCreatedAt(index),
    })),
    select: { id: true, name: true },
  });
  const polysemeIds = new Map(polysemeRows.map((row) => [row.name, row.id]));
  for (const [index, polyseme] of POLYSEMES.entries()) {
    const after = { name: polyseme.name, ownerTeam: polyseme.ownerTeam };
    record(polysemeCreatedAt(index), "polyseme.created", `polyseme:${polyseme.name}`, after);
  }

  const authorId = idOf(userIds, POLICY_AUTHOR, "user");
  const policyCreatedAt = (index: number) => ago(28, index * 23);
  await tx.globalPolicy.createMany({
    data: POLICIES.map((policy, index) => ({
      ...policy,
      authorId,
      createdAt: policyCreatedAt(index),
      updatedAt: policyCreatedAt(index),
    })),
  });
  for (const [index, policy] of POLICIES.entries()) {
    const after = { name: policy.name, subject: policy.subject, severity: policy.severity, enabled: policy.enabled };
    record(policyCreatedAt(index), "policy.created", `policy:${policy.name}`, after);
  }

  // Data products, then all their output ports, schema fields, SLOs and input ports, each in one statement.
  const refOf = (product: SeedProduct) => `${product.domain}/${product.name}`;
  const productRows = await tx.dataProduct.createManyAndReturn({
    data: PRODUCTS.map((product) => ({
      domainId: idOf(domainIds, product.domain, "domain"),
      name: product.name,
      displayName: product.displayName,
      owningTeamId: idOf(teamIds, product.team, "team"),
      archetype: product.archetype,
      status: product.status,
      description: product.description,
      purpose: product.purpose,
      limitations: product.limitations,
      usage: product.usage,
      tags: product.tags,
      version: product.version,
      revision: product.lifecycle ? 2 : 1,
      deprecationNote: product.lifecycle?.deprecationNote ?? null,
      sunsetAt: product.lifecycle ? ago(-product.lifecycle.sunsetInDays) : null,
      createdAt: at(product.daysAgo),
      updatedAt: at(product.lifecycle?.changedDaysAgo ?? product.daysAgo),
    })),
    select: { id: true, domainId: true, name: true },
  });
  const productIdByKey = new Map(productRows.map((row) => [`${row.domainId}/${row.name}`, row.id]));
  const productIds = new Map(
    PRODUCTS.map((product) => {
      const key = `${idOf(domainIds, product.domain, "domain")}/${product.name}`;
      return [refOf(product), idOf(productIdByKey, key, "product")];
    }),
  );

  const ports = PRODUCTS.flatMap((product) =>
    product.outputPorts.map((port, position) => ({
      ref: `${refOf(product)}#${port.name}`,
      productId: idOf(productIds, refOf(product), "product"),
      createdAt: at(product.daysAgo),
      contractVersion: product.version,
      position,
      port,
    })),
  );
  const portRows = await tx.outputPort.createManyAndReturn({
    data: ports.map(({ productId, createdAt, contractVersion, position, port }) => ({
      productId,
      name: port.name,
      displayName: port.displayName,
      description: port.description,
      kind: port.kind,
      format: port.format,
      server: serverOnCatalog(port.server, catalogUrl),
      contractVersion,
      position,
      maxGrantDays: port.maxGrantDays ?? null,
      autoApprove: port.autoApprove ?? false,
      createdAt,
      updatedAt: createdAt,
    })),
    select: { id: true, productId: true, name: true },
  });
  const portIdByKey = new Map(portRows.map((row) => [`${row.productId}#${row.name}`, row.id]));
  const portIds = new Map(
    ports.map(({ ref, productId, port }) => [ref, idOf(portIdByKey, `${productId}#${port.name}`, "output port")]),
  );

  await tx.schemaField.createMany({
    data: ports.flatMap(({ ref, port }) =>
      port.fields.map(({ polyseme, ...field }, position) => ({
        ...field,
        outputPortId: idOf(portIds, ref, "output port"),
        position,
        polysemeId: polyseme ? idOf(polysemeIds, polyseme, "polyseme") : null,
      })),
    ),
  });
  await tx.slo.createMany({
    data: ports.flatMap(({ ref, createdAt, port }) =>
      port.slos.map((slo) => ({
        ...slo,
        outputPortId: idOf(portIds, ref, "output port"),
        createdAt,
        updatedAt: createdAt,
      })),
    ),
  });
  await tx.inputPort.createMany({
    data: PRODUCTS.flatMap((product) =>
      product.inputs.map((input) => ({
        productId: idOf(productIds, refOf(product), "product"),
        description: input.description,
        createdAt: at(product.daysAgo),
        ...("system" in input
          ? { sourceSystemId: idOf(sourceSystemIds, input.system, "source system") }
          : { sourceOutputPortId: idOf(portIds, input.port, "output port") }),
      })),
    ),
  });

  for (const product of PRODUCTS) {
    const ref = refOf(product);
    const initialStatus = product.status === "deprecated" || product.status === "retired" ? "active" : product.status;
    record(at(product.daysAgo), "product.created", `product:${ref}`, {
      displayName: product.displayName,
      owningTeam: product.team,
      archetype: product.archetype,
      status: initialStatus,
      version: product.version,
      outputPorts: product.outputPorts.map((port) => port.name),
      inputs: product.inputs.map((input) =>
        "system" in input ? `source-system:${input.system}` : `output-port:${input.port}`,
      ),
    });
    if (product.lifecycle) {
      const after = {
        status: product.status,
        deprecationNote: product.lifecycle.deprecationNote,
        sunsetAt: ago(-product.lifecycle.sunsetInDays).toISOString(),
      };
      record(at(product.lifecycle.changedDaysAgo), `product.${product.status}`, `product:${ref}`, after, {
        status: initialStatus,
      });
    }
  }

  // Access requests, the grants of approved ones, and notifications.
  for (const request of ACCESS_REQUESTS) {
    const createdAt = at(request.daysAgo);
    const endsAt = new Date(createdAt.getTime() + request.durationDays * DAY_MS);
    const outcome = request.outcome;
    const decidedAt = outcome ? at(outcome.daysAgo) : null;
    const decided = outcome && outcome.status !== "withdrawn" ? outcome : null;
    const outputPortId = idOf(portIds, request.port, "output port");
    const consumerTeamId = idOf(teamIds, request.consumerTeam, "team");
    const { id } = await tx.accessRequest.create({
      data: {
        outputPortId,
        requesterId: idOf(userIds, request.requester, "user"),
        consumerTeamId,
        purpose: request.purpose,
        use: request.use,
        startsAt: createdAt,
        endsAt,
        status: outcome?.status ?? "pending",
        decidedById: decided?.by ? idOf(userIds, decided.by, "user") : null,
        decidedAt: decided ? decidedAt : null,
        decisionReason: decided?.reason ?? null,
        version: outcome ? 2 : 1,
        createdAt,
        updatedAt: decidedAt ?? createdAt,
      },
      select: { id: true },
    });
    const ref = `access-request:${id}`;
    record(createdAt, "access-request.created", ref, {
      outputPort: `output-port:${request.port}`,
      consumerTeam: request.consumerTeam,
      requester: request.requester,
      use: request.use,
      status: "pending",
    });
    if (!outcome || !decidedAt) continue;
    record(
      decidedAt,
      `access-request.${outcome.status}`,
      ref,
      { status: outcome.status, decisionReason: decided?.reason ?? null },
      { status: "pending" },
    );
    if (outcome.status !== "approved") continue;
    const grant = await tx.grant.create({
      data: {
        accessRequestId: id,
        outputPortId,
        consumerTeamId,
        startsAt: decidedAt,
        endsAt,
        status: "active",
        provisioningState: "not_required",
        createdAt: decidedAt,
        updatedAt: decidedAt,
      },
      select: { id: true },
    });
    record(decidedAt, "grant.created", `grant:${grant.id}`, {
      accessRequest: ref,
      outputPort: `output-port:${request.port}`,
      consumerTeam: request.consumerTeam,
      endsAt: endsAt.toISOString(),
    });
  }

  await tx.notification.createMany({
    data: NOTIFICATIONS.map((notification) => {
      const createdAt = at(notification.daysAgo);
      return {
        userId: idOf(userIds, notification.user, "user"),
        kind: notification.kind,
        title: notification.title,
        body: notification.body,
        link: notification.link,
        createdAt,
        readAt: notification.read ? new Date(createdAt.getTime() + 2 * 60 * MINUTE_MS) : null,
      };
    }),
  });

  // In time order, so that ids and timestamps agree.
  audit.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  await tx.auditEvent.createMany({ data: audit });
}
