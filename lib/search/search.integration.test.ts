import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Archetype, LifecycleStatus } from "@/lib/generated/prisma/enums";
import { actorFor, createDomain, createTeam, createUser, unique } from "@/scripts/test/factories";
import type { SearchInput } from "./schemas";

// lib/authz imports the next-auth config; these queries take the actor explicitly, so no session is needed.
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => null }));

const { countProductFacets, searchProducts } = await import("./queries");

/**
 * A word no other test or seed uses: letters only, so full text keeps it whole, and ten random ones of sixteen, so
 * that two such words are never close enough for the typo-tolerant name match (pg_trgm word similarity).
 */
function word(): string {
  const letters = [...crypto.randomUUID().replaceAll("-", "").slice(0, 10)].map((hex) =>
    String.fromCharCode(97 + parseInt(hex, 16)),
  );
  return `zq${letters.join("")}x`;
}

interface ProductSpec {
  domainId: string;
  teamId: string;
  displayName?: string;
  description?: string;
  tags?: string[];
  status?: LifecycleStatus;
  archetype?: Archetype;
  fields?: { name: string; pii?: boolean }[];
  kind?: "table" | "files" | "events";
}

async function product(spec: ProductSpec) {
  const name = unique("product");
  return db.dataProduct.create({
    data: {
      name,
      displayName: spec.displayName ?? name,
      description: spec.description ?? "",
      tags: spec.tags ?? [],
      status: spec.status ?? "active",
      archetype: spec.archetype ?? "aggregate",
      domainId: spec.domainId,
      owningTeamId: spec.teamId,
      outputPorts: spec.fields
        ? {
            create: {
              name: "main",
              displayName: "Main",
              kind: spec.kind ?? "table",
              format: "postgres",
              fields: {
                create: spec.fields.map((field, position) => ({
                  position,
                  name: field.name,
                  type: "string",
                  pii: field.pii ?? false,
                })),
              },
            },
          }
        : undefined,
    },
    include: { domain: true },
  });
}

async function setting() {
  const owner = await createUser();
  const team = await createTeam([{ userId: owner.id, role: "owner" }]);
  const domain = await createDomain(team.id);
  const outsider = await createUser();
  return { owner, team, domain, outsider, actor: await actorFor(outsider.id) };
}

const refs = (page: { hits: { ref: string }[] }) => page.hits.map((hit) => hit.ref);
const refOf = (row: { name: string; domain: { name: string } }) => `${row.domain.name}/${row.name}`;

/** Every result of a search, page by page forwards. */
async function walk(actor: Awaited<ReturnType<typeof actorFor>>, input: SearchInput) {
  const pages = [await searchProducts(actor, input)];
  while (pages.at(-1)!.nextCursor)
    pages.push(await searchProducts(actor, { ...input, after: pages.at(-1)!.nextCursor! }));
  return pages;
}

describe("searchProducts", () => {
  it("ranks name matches first, then tags, fields and descriptions", async () => {
    const { team, domain, actor } = await setting();
    const term = word();
    const inDescription = await product({ domainId: domain.id, teamId: team.id, description: `All about ${term}.` });
    const inField = await product({ domainId: domain.id, teamId: team.id, fields: [{ name: `${term}_code` }] });
    const inTag = await product({ domainId: domain.id, teamId: team.id, tags: [term] });
    const inName = await product({ domainId: domain.id, teamId: team.id, displayName: `${term} ledger` });

    const page = await searchProducts(actor, { q: term });
    expect(refs(page)).toEqual([inName, inTag, inField, inDescription].map(refOf));
    expect(page.hits.find((hit) => hit.ref === refOf(inField))?.matchingFields).toEqual([`${term}_code`]);
  });

  it("finds a field by its name, underscores and all", async () => {
    const { team, domain, actor } = await setting();
    const term = word();
    const row = await product({ domainId: domain.id, teamId: team.id, fields: [{ name: `age_${term}` }] });
    expect(refs(await searchProducts(actor, { q: `age_${term}` }))).toEqual([refOf(row)]);
  });

  it("tolerates a typo in a product name", async () => {
    const { team, domain, actor } = await setting();
    const term = word();
    const row = await product({ domainId: domain.id, teamId: team.id, displayName: `Kaleidoscope listeners ${term}` });
    expect(refs(await searchProducts(actor, { q: `Kaleidoscop listners ${term}` }))).toContain(refOf(row));
  });

  it("takes % and _ in a query literally in names", async () => {
    const { team, domain, actor } = await setting();
    const term = word();
    const percent = await product({ domainId: domain.id, teamId: team.id, displayName: `Margin 100% ${term}` });
    const underscore = await product({ domainId: domain.id, teamId: team.id, displayName: `Margin 1_0 ${term}` });
    await product({ domainId: domain.id, teamId: team.id, displayName: `Margin 1000 ${term}` });
    const found = async (q: string) => refs(await searchProducts(actor, { q, domain: [domain.name] }));
    expect(await found("%")).toEqual([refOf(percent)]);
    expect(await found("_")).toEqual([refOf(underscore)]);
  });

  it("keeps the index in step when ports, fields and polysemes change", async () => {
    const { team, domain, actor } = await setting();
    const [first, second, third] = [word(), word(), word()];
    const row = await product({ domainId: domain.id, teamId: team.id, fields: [{ name: first }], kind: "files" });
    expect(await db.dataProduct.findUnique({ where: { id: row.id }, select: { portKinds: true } })).toEqual({
      portKinds: ["files"],
    });
    const port = await db.outputPort.findFirstOrThrow({ where: { productId: row.id } });
    expect(refs(await searchProducts(actor, { q: first }))).toEqual([refOf(row)]);

    await db.schemaField.updateMany({ where: { outputPortId: port.id }, data: { name: second } });
    expect(refs(await searchProducts(actor, { q: first }))).toEqual([]);
    expect(refs(await searchProducts(actor, { q: second }))).toEqual([refOf(row)]);

    const polyseme = await db.polyseme.create({
      data: { name: unique("poly"), displayName: "Thing", definition: "", ownerTeamId: team.id },
    });
    await db.schemaField.updateMany({ where: { outputPortId: port.id }, data: { polysemeId: polyseme.id } });
    await db.polyseme.update({ where: { id: polyseme.id }, data: { displayName: `Thing ${third}` } });
    expect(refs(await searchProducts(actor, { q: third }))).toEqual([refOf(row)]);

    await db.outputPort.delete({ where: { id: port.id } });
    expect(refs(await searchProducts(actor, { q: second }))).toEqual([]);
    expect(await db.dataProduct.findUnique({ where: { id: row.id }, select: { portKinds: true } })).toEqual({
      portKinds: [],
    });
  });

  it("pages through ranked and unranked results with keyset cursors, forwards and back", async () => {
    const { team, domain, actor } = await setting();
    const term = word();
    const tag = word();
    // Equal scores: the order falls back to the name, then the id.
    const rows = [];
    for (let index = 0; index < 60; index++) {
      rows.push(await product({ domainId: domain.id, teamId: team.id, description: `About ${term}.`, tags: [tag] }));
    }
    for (const input of [{ q: term }, { tag: [tag] }]) {
      const pages = await walk(actor, input);
      expect(pages.map((page) => page.hits.length)).toEqual([25, 25, 10]);
      const all = pages.flatMap(refs);
      expect(new Set(all)).toEqual(new Set(rows.map(refOf)));
      expect(pages[0].previousCursor).toBeNull();
      const back = await searchProducts(actor, { ...input, before: pages[2].previousCursor! });
      expect(refs(back)).toEqual(refs(pages[1]));
      const first = await searchProducts(actor, { ...input, before: back.previousCursor! });
      expect(refs(first)).toEqual(refs(pages[0]));
      expect(first.previousCursor).toBeNull();
    }
  });

  it("hides retired products unless asked for, and drafts from everyone but their team", async () => {
    const { owner, team, domain, actor } = await setting();
    const tag = word();
    const active = await product({ domainId: domain.id, teamId: team.id, tags: [tag] });
    const retired = await product({ domainId: domain.id, teamId: team.id, tags: [tag], status: "retired" });
    const draft = await product({ domainId: domain.id, teamId: team.id, tags: [tag], status: "draft" });

    expect(refs(await searchProducts(actor, { tag: [tag] }))).toEqual([refOf(active)]);
    expect(new Set(refs(await searchProducts(actor, { tag: [tag], status: ["active", "retired"] })))).toEqual(
      new Set([refOf(active), refOf(retired)]),
    );
    expect(refs(await searchProducts(actor, { tag: [tag], status: ["draft"] }))).toEqual([]);
    expect(refs(await searchProducts(actor, { q: draft.name }))).not.toContain(refOf(draft));
    const facets = await countProductFacets(actor, { tag: [tag] });
    expect(facets.status.map(({ value, count }) => [value, count])).toEqual([
      ["active", 1],
      ["retired", 1],
    ]);

    const ownerActor = await actorFor(owner.id);
    expect(new Set(refs(await searchProducts(ownerActor, { tag: [tag] })))).toEqual(
      new Set([refOf(active), refOf(draft)]),
    );
  });
});

describe("countProductFacets", () => {
  it("counts each facet under the other filters, rolling sub-domains up into their parent", async () => {
    const { team, domain, actor } = await setting();
    const other = await createTeam();
    const sub = await db.domain.create({
      data: { name: unique("sub"), displayName: "Sub", owningTeamId: team.id, parentId: domain.id },
    });
    const tag = word();
    const pii = [{ name: "email", pii: true }];
    await product({ domainId: domain.id, teamId: team.id, tags: [tag], archetype: "source_aligned", fields: pii });
    await product({ domainId: sub.id, teamId: team.id, tags: [tag, "extra"], kind: "events", fields: [{ name: "x" }] });
    await product({ domainId: sub.id, teamId: other.id, tags: [tag], status: "deprecated" });

    const all = await countProductFacets(actor, { tag: [tag] });
    expect(all.total).toBe(3);
    const counts = (values: { value: string; count: number }[]) =>
      Object.fromEntries(values.map(({ value, count }) => [value, count]));
    expect(counts(all.domain)).toEqual({ [domain.name]: 3, [sub.name]: 2 });
    expect(all.domain.find((value) => value.value === sub.name)?.depth).toBe(1);
    expect(counts(all.team)).toEqual({ [team.name]: 2, [other.name]: 1 });
    expect(counts(all.archetype)).toEqual({ source_aligned: 1, aggregate: 2 });
    expect(counts(all.status)).toEqual({ active: 2, deprecated: 1 });
    expect(counts(all.kind)).toEqual({ table: 1, events: 1 });
    expect(counts(all.pii)).toEqual({ true: 1 });
    expect(all.tag.find((value) => value.value === tag)).toMatchObject({ count: 3, selected: true });
    // Without a query text or a tag filter, the counts come from product_facet_counts: the same answers.
    const byTeams = await countProductFacets(actor, { team: [team.name, other.name] });
    expect(byTeams.total).toBe(3);
    expect(counts(byTeams.tag)).toEqual({ [tag]: 3, extra: 1 });
    expect(counts(byTeams.domain)).toEqual({ [domain.name]: 3, [sub.name]: 2 });
    expect(counts(byTeams.archetype)).toEqual({ source_aligned: 1, aggregate: 2 });
    expect(counts(byTeams.status)).toEqual({ active: 2, deprecated: 1 });
    expect(counts(byTeams.kind)).toEqual({ table: 1, events: 1 });
    expect(counts(byTeams.pii)).toEqual({ true: 1 });
    const events = await countProductFacets(actor, { team: [team.name, other.name], kind: ["events"] });
    expect(events.total).toBe(1);
    expect(counts(events.kind)).toEqual({ table: 1, events: 1 });
    expect(counts(events.domain)).toEqual({ [domain.name]: 1, [sub.name]: 1 });
    expect(events.team.find((value) => value.value === team.name)?.count).toBe(1);
    expect(events.team.find((value) => value.value === other.name)).toMatchObject({ count: 0, selected: true });

    // The parent domain takes its sub-domain along; the domain facet keeps counting the other domains.
    const parent = await countProductFacets(actor, { tag: [tag], domain: [domain.name] });
    expect(parent.total).toBe(3);
    const narrowed = await countProductFacets(actor, { tag: [tag], domain: [sub.name] });
    expect(narrowed.total).toBe(2);
    expect(counts(narrowed.domain)).toEqual({ [domain.name]: 3, [sub.name]: 2 });
    expect(counts(narrowed.team)).toEqual({ [team.name]: 1, [other.name]: 1 });
    expect(narrowed.domain.find((value) => value.value === sub.name)?.selected).toBe(true);

    const withPii = await countProductFacets(actor, { tag: [tag], pii: true });
    expect(withPii.total).toBe(1);
    expect(counts(withPii.pii)).toEqual({ true: 1 });
    expect(counts(withPii.team)).toEqual({ [team.name]: 1 });
  });
});
