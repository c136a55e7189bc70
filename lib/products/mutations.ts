import "server-only";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit";
import { authorize, can, type Actor } from "../authz";
import { ConflictError, InvalidInputError, isUniqueViolation, NotFoundError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { LifecycleStatus } from "../generated/prisma/enums";
import { diffProducts, uncoveredBreakingChanges, type ProductChange } from "./changes";
import {
  ProductInput,
  TransitionInput,
  errorsByPath,
  nextStatuses,
  publishProblems,
  type ProductValues,
} from "./input";
import { productRef } from "./schemas";
import { readProductValues } from "./values";

// Every function takes the actor explicitly: server actions pass requireActor(), the API its token's owner.

export interface ProductSaveDto {
  ref: string;
  revision: number;
  status: LifecycleStatus;
  /** What this save changed (empty when nothing did: the save was a no-op). */
  changes: ProductChange[];
}

export interface ProductLocator {
  domain: string;
  name: string;
}

function parseProduct(input: unknown): ProductValues {
  const parsed = ProductInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError("Some fields need attention.", errorsByPath(parsed.error.issues));
  return parsed.data;
}

/** Field errors gathered while resolving names, thrown together so the form shows them all at once. */
class Problems {
  readonly errors: Record<string, string[]> = {};
  add(path: (string | number)[], message: string) {
    const key = path.join(".");
    (this.errors[key] ??= []).push(message);
  }
  throwIfAny(message: string) {
    if (Object.keys(this.errors).length > 0) throw new InvalidInputError(message, this.errors);
  }
}

interface Resolved {
  domainId: string;
  owningTeamId: string;
  polysemes: Map<string, string>;
  inputs: { sourceOutputPortId: string | null; sourceSystemId: string | null; description: string }[];
}

/**
 * Turns the names in a registration into ids, checking each: the domain must be one the actor's teams own and the
 * owning team one of the actor's (admins may pick any; an unchanged domain or team is kept), polysemes must exist,
 * upstream ports must belong to products the actor can see, source systems to the product's domain.
 */
async function resolveReferences(
  tx: Tx,
  actor: Actor,
  values: ProductValues,
  current: { id: string; domain: string; owningTeam: string } | null,
): Promise<Resolved> {
  const problems = new Problems();
  const isAdmin = actor.role === "admin";
  // One query at a time: a transaction is one connection.
  const domain = await tx.domain.findUnique({
    where: { name: values.domain },
    select: { id: true, owningTeamId: true },
  });
  const team = await tx.team.findUnique({ where: { name: values.owningTeam }, select: { id: true } });
  if (!domain) problems.add(["domain"], `There is no domain “${values.domain}”.`);
  else if (current?.domain !== values.domain && !isAdmin && !actor.teams.some((t) => t.id === domain.owningTeamId)) {
    problems.add(["domain"], "Products can be registered only in domains your teams own.");
  }
  if (!team) problems.add(["owningTeam"], `There is no team “${values.owningTeam}”.`);
  else if (current?.owningTeam !== values.owningTeam && !can(actor, "product.create", { teamId: team.id })) {
    problems.add(["owningTeam"], "Only a member of a team can make it the owner of a product.");
  }

  const polysemeNames = [
    ...new Set(values.outputPorts.flatMap((port) => port.fields.flatMap((field) => field.polyseme ?? []))),
  ];
  const polysemes = new Map(
    (await tx.polyseme.findMany({ where: { name: { in: polysemeNames } }, select: { id: true, name: true } })).map(
      (polyseme) => [polyseme.name, polyseme.id],
    ),
  );
  values.outputPorts.forEach((port, p) =>
    port.fields.forEach((field, f) => {
      if (field.polyseme && !polysemes.has(field.polyseme)) {
        problems.add(["outputPorts", p, "fields", f, "polyseme"], `There is no glossary term “${field.polyseme}”.`);
      }
    }),
  );

  const inputs: Resolved["inputs"] = [];
  for (const [index, input] of values.inputPorts.entries()) {
    if (input.source === "product") {
      const [upstreamDomain, upstreamName] = input.product.split("/");
      if (upstreamDomain === values.domain && upstreamName === values.name) {
        problems.add(["inputPorts", index], "A product cannot consume itself.");
        continue;
      }
      const port = await tx.outputPort.findFirst({
        where: { name: input.port, product: { name: upstreamName, domain: { name: upstreamDomain } } },
        select: { id: true, product: { select: { id: true, status: true, owningTeamId: true } } },
      });
      if (!port || !can(actor, "product.read", port.product)) {
        problems.add(["inputPorts", index], `There is no output port “${input.port}” of ${input.product}.`);
      } else if (port.product.id === current?.id) {
        problems.add(["inputPorts", index], "A product cannot consume itself.");
      } else {
        inputs.push({ sourceOutputPortId: port.id, sourceSystemId: null, description: input.description });
      }
    } else if (domain) {
      const system = await tx.sourceSystem.findUnique({
        where: { domainId_name: { domainId: domain.id, name: input.sourceSystem } },
        select: { id: true },
      });
      if (!system) {
        problems.add(["inputPorts", index], `Domain ${values.domain} has no source system “${input.sourceSystem}”.`);
      } else {
        inputs.push({ sourceOutputPortId: null, sourceSystemId: system.id, description: input.description });
      }
    }
  }
  problems.throwIfAny("Some references are not valid.");
  return { domainId: domain!.id, owningTeamId: team!.id, polysemes, inputs };
}

function productColumns(values: ProductValues) {
  return {
    name: values.name,
    displayName: values.displayName,
    archetype: values.archetype,
    description: values.description,
    purpose: values.purpose,
    limitations: values.limitations,
    usage: values.usage,
    tags: values.tags,
    version: values.version,
  };
}

/** Makes the stored output ports, their fields and SLOs, and the input ports, match the registration. */
async function writePorts(tx: Tx, productId: string, values: ProductValues, resolved: Resolved): Promise<void> {
  const existing = await tx.outputPort.findMany({
    where: { productId },
    select: {
      id: true,
      name: true,
      _count: { select: { consumers: true, grants: true, accessRequests: true } },
    },
  });
  const wanted = new Set(values.outputPorts.map((port) => port.name));
  const problems = new Problems();
  for (const port of existing) {
    if (wanted.has(port.name)) continue;
    if (port._count.consumers > 0 || port._count.grants > 0 || port._count.accessRequests > 0) {
      problems.add(
        ["outputPorts"],
        `Output port “${port.name}” has consumers or access requests and cannot be removed; deprecate the product instead.`,
      );
    }
  }
  problems.throwIfAny("An output port cannot be removed.");
  await tx.outputPort.deleteMany({ where: { productId, name: { notIn: [...wanted] } } });

  const byName = new Map(existing.map((port) => [port.name, port.id]));
  for (const [position, port] of values.outputPorts.entries()) {
    const columns = {
      displayName: port.displayName,
      description: port.description,
      kind: port.kind,
      format: port.format,
      server: port.server,
      contractVersion: port.contractVersion,
      position,
      maxGrantDays: port.maxGrantDays,
      autoApprove: port.autoApprove,
    };
    const id =
      byName.get(port.name) ??
      (await tx.outputPort.create({ data: { productId, name: port.name, ...columns }, select: { id: true } })).id;
    if (byName.has(port.name)) await tx.outputPort.update({ where: { id }, data: columns });

    await tx.schemaField.deleteMany({ where: { outputPortId: id } });
    if (port.fields.length > 0) {
      await tx.schemaField.createMany({
        data: port.fields.map((field, index) => ({
          outputPortId: id,
          position: index,
          name: field.name,
          type: field.type,
          description: field.description,
          required: field.required,
          primaryKey: field.primaryKey,
          classification: field.classification,
          pii: field.pii,
          polysemeId: field.polyseme ? resolved.polysemes.get(field.polyseme)! : null,
        })),
      });
    }
    // SLOs keep their ids (their measurements will refer to them): update by name, add and remove the rest.
    await tx.slo.deleteMany({ where: { outputPortId: id, name: { notIn: port.slos.map((slo) => slo.name) } } });
    for (const slo of port.slos) {
      await tx.slo.upsert({
        where: { outputPortId_name: { outputPortId: id, name: slo.name } },
        create: { outputPortId: id, ...slo },
        update: slo,
      });
    }
  }

  const inputs = await tx.inputPort.findMany({
    where: { productId },
    select: { id: true, sourceOutputPortId: true, sourceSystemId: true },
  });
  const key = (input: { sourceOutputPortId: string | null; sourceSystemId: string | null }) =>
    input.sourceOutputPortId ?? input.sourceSystemId;
  const wantedInputs = new Map(resolved.inputs.map((input) => [key(input), input]));
  await tx.inputPort.deleteMany({
    where: { id: { in: inputs.filter((input) => !wantedInputs.has(key(input))).map((input) => input.id) } },
  });
  const existingInputs = new Map(inputs.map((input) => [key(input), input.id]));
  for (const input of resolved.inputs) {
    const id = existingInputs.get(key(input));
    if (id) await tx.inputPort.update({ where: { id }, data: { description: input.description } });
    else await tx.inputPort.create({ data: { productId, ...input } });
  }
}

async function recordVersion(
  tx: Tx,
  actor: Actor | null,
  productId: string,
  revision: number,
  status: LifecycleStatus,
  values: ProductValues,
  changes: ProductChange[],
): Promise<void> {
  await tx.productVersion.create({
    data: {
      productId,
      revision,
      status,
      snapshot: values as unknown as Prisma.InputJsonValue,
      changes: changes as unknown as Prisma.InputJsonValue,
      breaking: changes.some((change) => change.breaking),
      authorId: actor?.id ?? null,
    },
  });
}

/**
 * Keeps a version of the state a product is in now when none was recorded (products stored before versions
 * existed, or written by the seed), so that the next save has something to diff against.
 */
async function ensureCurrentVersion(tx: Tx, product: { id: string; revision: number; status: LifecycleStatus }) {
  const found = await tx.productVersion.findUnique({
    where: { productId_revision: { productId: product.id, revision: product.revision } },
    select: { id: true },
  });
  if (!found) {
    await recordVersion(
      tx,
      null,
      product.id,
      product.revision,
      product.status,
      await readProductValues(tx, product.id),
      [],
    );
  }
}

/** Registers a new data product as a draft of its owning team. */
export async function createProduct(
  actor: Actor,
  input: unknown,
  options: { descriptor?: Prisma.InputJsonValue } = {},
): Promise<ProductSaveDto> {
  const values = parseProduct(input);
  const ref = productRef(values.domain, values.name);
  try {
    return await db.$transaction(async (tx) => {
      const resolved = await resolveReferences(tx, actor, values, null);
      authorize(actor, "product.create", { teamId: resolved.owningTeamId });
      const taken = await tx.dataProduct.findUnique({
        where: { domainId_name: { domainId: resolved.domainId, name: values.name } },
        select: { id: true },
      });
      if (taken) throw nameTaken();
      const product = await tx.dataProduct.create({
        data: {
          ...productColumns(values),
          domainId: resolved.domainId,
          owningTeamId: resolved.owningTeamId,
          status: "draft",
          descriptor: options.descriptor,
        },
        select: { id: true },
      });
      await writePorts(tx, product.id, values, resolved);
      await recordVersion(tx, actor, product.id, 1, "draft", values, []);
      await writeAudit(tx, { actor, action: "product.created", entityRef: `product:${ref}`, after: { revision: 1 } });
      return { ref, revision: 1, status: "draft" as const, changes: [] };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

function nameTaken() {
  return new InvalidInputError("This URL name is taken.", {
    name: ["Another product of this domain already has this URL name."],
  });
}

function conflict(expected: number, current: number, changes: ProductChange[]) {
  return new ConflictError(
    `Someone else saved this product after you opened it (revision ${expected}, now ${current}). Nothing was ` +
      "overwritten: review what they changed, then apply your edits to the current version.",
    changes,
  );
}

/** Loads the product to change and checks the actor may: 404 if they may not see it, 403 if they may not change it. */
async function loadForChange(tx: Tx, actor: Actor, locator: ProductLocator) {
  const product = await tx.dataProduct.findFirst({
    where: { name: locator.name, domain: { name: locator.domain } },
    select: {
      id: true,
      status: true,
      revision: true,
      owningTeamId: true,
      domain: { select: { name: true } },
      owningTeam: { select: { name: true } },
    },
  });
  if (!product) throw new NotFoundError("There is no such data product.");
  authorize(actor, "product.update", product);
  return product;
}

/** The changes made since `revision`, to explain a conflict (empty when that version is unknown). */
async function changesSince(tx: Tx, productId: string, revision: number, now: ProductValues) {
  const seen = await tx.productVersion.findUnique({
    where: { productId_revision: { productId, revision } },
    select: { snapshot: true },
  });
  return seen ? diffProducts(seen.snapshot as unknown as ProductValues, now) : [];
}

/**
 * Saves a new state of a product. `expectedRevision` is the revision the editor started from: if someone saved
 * since, nothing is written and a ConflictError lists what they changed. On a published product, breaking changes
 * to an output port's schema need a new major contract version of that port.
 */
export async function updateProduct(
  actor: Actor,
  locator: ProductLocator,
  input: unknown,
  expectedRevision: number | null,
  options: {
    descriptor?: Prisma.InputJsonValue;
    /** ODCS documents to keep on output ports (by port name) for faithful re-exports of their contracts. */
    contracts?: Record<string, Prisma.InputJsonValue>;
  } = {},
): Promise<ProductSaveDto> {
  const values = parseProduct(input);
  try {
    return await db.$transaction(async (tx) => {
      const current = await loadForChange(tx, actor, locator);
      const before = await readProductValues(tx, current.id);
      if (expectedRevision !== null && expectedRevision !== current.revision) {
        throw conflict(
          expectedRevision,
          current.revision,
          await changesSince(tx, current.id, expectedRevision, before),
        );
      }
      const resolved = await resolveReferences(tx, actor, values, {
        id: current.id,
        domain: current.domain.name,
        owningTeam: current.owningTeam.name,
      });
      const ref = productRef(values.domain, values.name);
      const changes = diffProducts(before, values);
      if (changes.length === 0 && options.descriptor === undefined && options.contracts === undefined) {
        return { ref, revision: current.revision, status: current.status, changes };
      }
      if (current.status === "active" || current.status === "deprecated") {
        const uncovered = uncoveredBreakingChanges(before, values, changes);
        if (uncovered.length > 0) {
          throw new InvalidInputError(
            "Breaking changes to a published output port need a new major contract version.",
            Object.fromEntries(
              uncovered.map((port) => [
                `outputPorts.${port.index}.contractVersion`,
                [
                  `Breaking: ${port.changes.map((change) => `${change.where} ${change.kind}`).join("; ")}. ` +
                    `Raise the contract version to ${port.requiredVersion} or later.`,
                ],
              ]),
            ),
          );
        }
      }
      await ensureCurrentVersion(tx, current);
      const { count } = await tx.dataProduct.updateMany({
        where: { id: current.id, revision: current.revision },
        data: {
          ...productColumns(values),
          domainId: resolved.domainId,
          owningTeamId: resolved.owningTeamId,
          revision: { increment: 1 },
          ...(options.descriptor === undefined ? {} : { descriptor: options.descriptor }),
        },
      });
      if (count !== 1) throw conflict(expectedRevision ?? current.revision, current.revision + 1, []);
      await writePorts(tx, current.id, values, resolved);
      for (const [port, contract] of Object.entries(options.contracts ?? {})) {
        await tx.outputPort.updateMany({ where: { productId: current.id, name: port }, data: { contract } });
      }
      const revision = current.revision + 1;
      await recordVersion(tx, actor, current.id, revision, current.status, values, changes);
      await writeAudit(tx, {
        actor,
        action: "product.updated",
        entityRef: `product:${productRef(locator.domain, locator.name)}`,
        before: { revision: current.revision },
        after: {
          revision,
          ref,
          changes: changes.map((change) => `${change.where}: ${change.kind}`),
          ...(options.contracts ? { contractsImported: Object.keys(options.contracts) } : {}),
        },
      });
      return { ref, revision, status: current.status, changes };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/**
 * Moves a product along its lifecycle: proposed → draft → active → deprecated → retired (and back from
 * deprecated to active). Publishing needs a complete product; deprecating a note and a sunset date; retiring is
 * refused while other products consume it or grants are active, unless an admin forces it with a reason.
 */
export async function transitionProduct(
  actor: Actor,
  locator: ProductLocator,
  input: unknown,
): Promise<ProductSaveDto> {
  const parsed = TransitionInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError("Some fields need attention.", errorsByPath(parsed.error.issues));
  const transition = parsed.data;
  return db.$transaction(async (tx) => {
    const current = await loadForChange(tx, actor, locator);
    const values = await readProductValues(tx, current.id);
    if (transition.revision !== current.revision) {
      throw conflict(
        transition.revision,
        current.revision,
        await changesSince(tx, current.id, transition.revision, values),
      );
    }
    if (!nextStatuses(current.status).includes(transition.to)) {
      throw new InvalidInputError(`A ${current.status} product cannot become ${transition.to}.`, {
        to: [`A ${current.status} product cannot become ${transition.to}.`],
      });
    }
    if (transition.to === "active" && current.status === "draft") {
      const problems = publishProblems(values);
      if (problems.length > 0) {
        throw new InvalidInputError(
          `Complete the product before publishing: ${problems.map((problem) => problem.message).join(" ")}`,
          Object.fromEntries(problems.map((problem) => [problem.path.join("."), [problem.message]])),
        );
      }
    }
    let forced: string | null = null;
    if (transition.to === "retired") {
      const blockers = await retirementBlockers(tx, current.id);
      if (blockers.length > 0) {
        if (!(transition.force && actor.role === "admin")) {
          throw new InvalidInputError(`This product still has ${blockers.join(" and ")}.`, {
            to: [
              `Retiring is refused while the product has ${blockers.join(" and ")}. ` +
                (actor.role === "admin"
                  ? "As an admin you may force it, with a reason."
                  : "Ask the consumers to move off it, or an admin to force it."),
            ],
          });
        }
        forced = transition.reason ?? "";
      }
    }
    await ensureCurrentVersion(tx, current);
    const deprecation =
      transition.to === "deprecated"
        ? { deprecationNote: transition.note, sunsetAt: transition.sunsetAt }
        : transition.to === "active"
          ? { deprecationNote: null, sunsetAt: null }
          : {};
    const { count } = await tx.dataProduct.updateMany({
      where: { id: current.id, revision: current.revision },
      data: { status: transition.to, revision: { increment: 1 }, ...deprecation },
    });
    if (count !== 1) throw conflict(transition.revision, current.revision + 1, []);
    const revision = current.revision + 1;
    const changes: ProductChange[] = [
      { where: "status", kind: "changed", before: current.status, after: transition.to, breaking: false },
    ];
    await recordVersion(tx, actor, current.id, revision, transition.to, values, changes);
    const ref = productRef(locator.domain, locator.name);
    await writeAudit(tx, {
      actor,
      action: forced === null ? "product.status_changed" : "product.retired_by_force",
      entityRef: `product:${ref}`,
      before: { status: current.status, revision: current.revision },
      after: {
        status: transition.to,
        revision,
        ...(transition.to === "deprecated"
          ? { note: transition.note, sunsetAt: transition.sunsetAt.toISOString() }
          : {}),
        ...(forced === null ? {} : { reason: forced }),
      },
    });
    return { ref, revision, status: transition.to, changes };
  });
}

/** What keeps a product from retiring: products consuming it (not retired themselves) and active grants. */
async function retirementBlockers(tx: Tx, productId: string): Promise<string[]> {
  const consumers = await tx.inputPort.count({
    where: { sourceOutputPort: { productId }, product: { status: { not: "retired" } } },
  });
  const grants = await tx.grant.count({
    where: { outputPort: { productId }, status: "active", endsAt: { gt: new Date() } },
  });
  const blockers: string[] = [];
  if (consumers > 0) blockers.push(`${consumers} consuming ${consumers === 1 ? "product" : "products"}`);
  if (grants > 0) blockers.push(`${grants} active ${grants === 1 ? "grant" : "grants"}`);
  return blockers;
}
