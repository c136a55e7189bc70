import "server-only";
import { db } from "../db";
import { writeAudit } from "../audit";
import { authorize, type Actor } from "../authz";
import { ConflictError, InvalidInputError, isUniqueViolation, NotFoundError, parseInput } from "../errors";
import {
  CreateDomainInput,
  CreateSourceSystemInput,
  CreateSubDomainInput,
  UpdateDomainDescriptionInput,
} from "./schemas";

// Every function takes the actor explicitly (server actions pass requireActor()), authorizes against the domain
// as stored (its owning team comes from the database, never from the form), and writes the change and its audit
// event in one transaction.

const CHECK = "Check the highlighted fields.";
const DOMAIN_NAME_TAKEN = { name: ["A domain with this name exists already; choose another."] };

export interface DomainChangeDto {
  name: string;
  version: number;
}

async function loadDomain(actor: Actor, name: string) {
  const domain = await db.domain.findUnique({
    where: { name },
    select: { id: true, name: true, description: true, owningTeamId: true, version: true },
  });
  if (!domain) throw new NotFoundError(`Domain ${name} not found.`);
  authorize(actor, "domain.manage", { teamId: domain.owningTeamId });
  return domain;
}

async function assertDomainNameFree(name: string) {
  if (await db.domain.findUnique({ where: { name }, select: { id: true } })) {
    throw new InvalidInputError(CHECK, DOMAIN_NAME_TAKEN);
  }
}

interface NewDomain {
  name: string;
  displayName: string;
  description: string;
  owningTeamId: string;
  parentId: string | null;
}

async function insertDomain(actor: Actor, data: NewDomain, audit: Record<string, string | null>) {
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.domain.create({ data, select: { name: true, version: true } });
      await writeAudit(tx, {
        actor,
        action: "domain.created",
        entityRef: `domain:${created.name}`,
        after: { displayName: data.displayName, description: data.description, ...audit },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidInputError(CHECK, DOMAIN_NAME_TAKEN);
    throw error;
  }
}

/** Creates a domain, top-level or under a parent, owned by a team (platform admins only). */
export async function createDomain(actor: Actor, input: unknown): Promise<DomainChangeDto> {
  authorize(actor, "domain.create", null);
  const values = parseInput(CreateDomainInput, input);
  const [team, parent] = await Promise.all([
    db.team.findUnique({ where: { name: values.owningTeam }, select: { id: true, name: true } }),
    values.parent ? db.domain.findUnique({ where: { name: values.parent }, select: { id: true, name: true } }) : null,
  ]);
  const errors: Record<string, string[]> = {};
  if (!team) errors.owningTeam = ["No team has this name."];
  if (values.parent && !parent) errors.parent = ["No domain has this name."];
  if (!team || Object.keys(errors).length > 0) throw new InvalidInputError(CHECK, errors);
  await assertDomainNameFree(values.name);
  return insertDomain(
    actor,
    {
      name: values.name,
      displayName: values.displayName,
      description: values.description,
      owningTeamId: team.id,
      parentId: parent?.id ?? null,
    },
    { owningTeam: team.name, parent: parent?.name ?? null },
  );
}

/** Creates a sub-domain of a domain, owned by the same team (the domain's owners and platform admins). */
export async function createSubDomain(actor: Actor, parentName: string, input: unknown): Promise<DomainChangeDto> {
  const parent = await loadDomain(actor, parentName);
  const values = parseInput(CreateSubDomainInput, input);
  await assertDomainNameFree(values.name);
  const team = await db.team.findUniqueOrThrow({ where: { id: parent.owningTeamId }, select: { name: true } });
  return insertDomain(
    actor,
    { ...values, owningTeamId: parent.owningTeamId, parentId: parent.id },
    { owningTeam: team.name, parent: parent.name },
  );
}

/** Registers a source system of a domain (the domain's owners and platform admins). */
export async function createSourceSystem(
  actor: Actor,
  domainName: string,
  input: unknown,
): Promise<{ domain: string; name: string }> {
  const domain = await loadDomain(actor, domainName);
  const values = parseInput(CreateSourceSystemInput, input);
  const nameTaken = { name: ["This domain has a source system with this name already; choose another."] };
  const existing = await db.sourceSystem.findUnique({
    where: { domainId_name: { domainId: domain.id, name: values.name } },
    select: { id: true },
  });
  if (existing) throw new InvalidInputError(CHECK, nameTaken);
  try {
    return await db.$transaction(async (tx) => {
      await tx.sourceSystem.create({ data: { ...values, domainId: domain.id } });
      await writeAudit(tx, {
        actor,
        action: "source_system.created",
        entityRef: `source-system:${domain.name}/${values.name}`,
        after: { displayName: values.displayName, kind: values.kind, description: values.description },
      });
      return { domain: domain.name, name: values.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidInputError(CHECK, nameTaken);
    throw error;
  }
}

/** Changes a domain's description, refusing a stale version (the domain's owners and platform admins). */
export async function updateDomainDescription(
  actor: Actor,
  domainName: string,
  input: unknown,
): Promise<DomainChangeDto> {
  const domain = await loadDomain(actor, domainName);
  const values = parseInput(UpdateDomainDescriptionInput, input);
  const conflict = new ConflictError("Someone else changed this domain; reload the page and try again.", [
    { field: "description", current: domain.description },
  ]);
  if (domain.version !== values.version) throw conflict;
  if (domain.description === values.description) return { name: domain.name, version: domain.version };
  return db.$transaction(async (tx) => {
    const { count } = await tx.domain.updateMany({
      where: { id: domain.id, version: values.version },
      data: { description: values.description, version: { increment: 1 } },
    });
    if (count !== 1) throw conflict;
    await writeAudit(tx, {
      actor,
      action: "domain.updated",
      entityRef: `domain:${domain.name}`,
      before: { description: domain.description },
      after: { description: values.description },
    });
    return { name: domain.name, version: values.version + 1 };
  });
}
