import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { actorFor, createDomain, createProduct, createTeam, createUser, unique } from "@/scripts/test/factories";

// lib/authz imports the next-auth config; these queries take the actor explicitly, so no session is needed.
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => null }));

const { getDomainGraph, getMeshMetrics, getProductGraph, getProductNeighbourhood } = await import("./queries");

async function consume(consumerId: string, upstreamId: string) {
  const port = await db.outputPort.create({
    data: { productId: upstreamId, name: unique("port"), displayName: "Port", kind: "table", format: "parquet" },
  });
  return db.inputPort.create({ data: { productId: consumerId, sourceOutputPortId: port.id } });
}

describe("graph queries", () => {
  it("hide another team's draft product from nodes and edges, and show it to its own team", async () => {
    const owner = await createUser();
    const team = await createTeam([{ userId: owner.id, role: "owner" }]);
    const domain = await createDomain(team.id);
    const active = await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "active" });
    const draft = await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "draft" });
    const edge = await consume(draft.id, active.id);
    const outsider = await actorFor((await createUser()).id);

    const forOutsider = await getProductGraph(outsider, domain.name);
    expect(forOutsider.nodes.map((node) => node.id)).toEqual([active.id]);
    expect(forOutsider.edges.map((e) => e.id)).not.toContain(edge.id);
    const whole = await getProductGraph(outsider);
    expect(whole.nodes.map((node) => node.id)).not.toContain(draft.id);
    expect(whole.edges.map((e) => e.id)).not.toContain(edge.id);

    const forOwner = await getProductGraph(await actorFor(owner.id), domain.name);
    expect(forOwner.nodes.map((node) => node.id).toSorted()).toEqual([active.id, draft.id].toSorted());
    expect(forOwner.edges.map((e) => e.id)).toEqual([edge.id]);
  });

  it("filter by domain keeps the domain's products and their direct neighbours only", async () => {
    const team = await createTeam();
    const [upstreamDomain, focus, downstreamDomain] = await Promise.all([
      createDomain(team.id),
      createDomain(team.id),
      createDomain(team.id),
    ]);
    const far = await createProduct({ domainId: upstreamDomain.id, owningTeamId: team.id });
    const upstream = await createProduct({ domainId: upstreamDomain.id, owningTeamId: team.id });
    const inside = await createProduct({ domainId: focus.id, owningTeamId: team.id });
    const downstream = await createProduct({ domainId: downstreamDomain.id, owningTeamId: team.id });
    await consume(upstream.id, far.id);
    await consume(inside.id, upstream.id);
    await consume(downstream.id, inside.id);
    await db.dataProduct.update({ where: { id: upstream.id }, data: { archetype: "source_aligned" } });
    const actor = await actorFor((await createUser()).id);

    const graph = await getProductGraph(actor, focus.name);
    // Enum values mapped in the database (`source-aligned`) arrive under their Prisma names.
    expect(graph.nodes.find((node) => node.id === upstream.id)?.archetype).toBe("source_aligned");
    expect(graph.nodes.map((node) => node.id).toSorted()).toEqual([upstream.id, inside.id, downstream.id].toSorted());
    expect(graph.edges).toHaveLength(2);
    expect(graph.nodes.find((node) => node.id === inside.id)).toMatchObject({
      ref: `${focus.name}/${inside.name}`,
      rootDomain: focus.name,
      team: team.name,
    });

    const domains = await getDomainGraph(actor);
    expect(domains.domains.find((d) => d.name === focus.name)?.productCount).toBe(1);
    expect(domains.edges).toContainEqual({ source: upstreamDomain.name, target: focus.name, weight: 1 });
    expect(domains.edges).toContainEqual({ source: focus.name, target: downstreamDomain.name, weight: 1 });

    const metrics = await getMeshMetrics(actor);
    expect(metrics.products).toBeGreaterThanOrEqual(4);
    expect(metrics.consumptionEdges).toBeGreaterThanOrEqual(3);
  });

  it("page through a domain's products by name, each page with its own neighbours and where it stands", async () => {
    const team = await createTeam();
    const [domain, elsewhere] = await Promise.all([createDomain(team.id), createDomain(team.id)]);
    const products = (
      await Promise.all(Array.from({ length: 5 }, () => createProduct({ domainId: domain.id, owningTeamId: team.id })))
    ).toSorted((a, b) => (a.name < b.name ? -1 : 1));
    // Another team's draft of the domain exists for its team only; a neighbour in another domain reads product 4.
    const draftOwner = await createUser();
    const draftTeam = await createTeam([{ userId: draftOwner.id, role: "owner" }]);
    await createProduct({ domainId: domain.id, owningTeamId: draftTeam.id, status: "draft" });
    const neighbour = await createProduct({ domainId: elsewhere.id, owningTeamId: team.id });
    const edge = await consume(neighbour.id, products[3].id);
    const outsider = await actorFor((await createUser()).id);
    const idsOf = (graph: Awaited<ReturnType<typeof getProductGraph>>) => graph.nodes.map((node) => node.id).toSorted();

    const first = await getProductGraph(outsider, domain.name, null, 2);
    expect(idsOf(first)).toEqual([products[0].id, products[1].id].toSorted());
    expect(first.page).toMatchObject({ total: 5, offset: 0, count: 2, previous: null });
    expect(first.edges).toEqual([]);

    const second = await getProductGraph(outsider, domain.name, { after: first.page!.next! }, 2);
    expect(idsOf(second)).toEqual([products[2].id, products[3].id, neighbour.id].toSorted());
    expect(second.edges.map((e) => e.id)).toEqual([edge.id]);
    expect(second.page).toMatchObject({ total: 5, offset: 2, count: 2 });

    const last = await getProductGraph(outsider, domain.name, { after: second.page!.next! }, 2);
    expect(idsOf(last)).toEqual([products[4].id]);
    expect(last.page).toMatchObject({ total: 5, offset: 4, count: 1, next: null });

    const back = await getProductGraph(outsider, domain.name, { before: last.page!.previous! }, 2);
    expect(idsOf(back)).toEqual(idsOf(second));
    expect(back.page).toMatchObject({ offset: 2, count: 2 });
    const home = await getProductGraph(outsider, domain.name, { before: back.page!.previous! }, 2);
    expect(home.page).toMatchObject({ offset: 0, count: 2, previous: null });

    // The draft's own team counts it too.
    const forDraftTeam = await getProductGraph(await actorFor(draftOwner.id), domain.name, null, 10);
    expect(forDraftTeam.page).toMatchObject({ total: 6, offset: 0, count: 6, next: null, previous: null });

    await expect(getProductGraph(outsider, domain.name, { after: "not-a-cursor" }, 2)).rejects.toThrow(
      "`after` is not a cursor of this graph",
    );
    expect((await getProductGraph(outsider)).page).toBeNull();
  });

  it("count a draft's edges and product in the domain overview and metrics only for its team, and follow changes at once", async () => {
    const owner = await createUser();
    const team = await createTeam([{ userId: owner.id, role: "owner" }]);
    const [upstreamDomain, draftDomain] = await Promise.all([createDomain(team.id), createDomain(team.id)]);
    const upstream = await createProduct({ domainId: upstreamDomain.id, owningTeamId: team.id });
    const draft = await createProduct({ domainId: draftDomain.id, owningTeamId: team.id, status: "draft" });
    const edge = await consume(draft.id, upstream.id);
    const outsider = await actorFor((await createUser()).id);
    const member = await actorFor(owner.id);
    const edgeBetween = (graph: Awaited<ReturnType<typeof getDomainGraph>>) =>
      graph.edges.find((e) => e.source === upstreamDomain.name && e.target === draftDomain.name);
    const productsIn = (graph: Awaited<ReturnType<typeof getDomainGraph>>) =>
      graph.domains.find((d) => d.name === draftDomain.name)?.productCount;

    expect(edgeBetween(await getDomainGraph(outsider))).toBeUndefined();
    expect(productsIn(await getDomainGraph(outsider))).toBe(0);
    expect(edgeBetween(await getDomainGraph(member))?.weight).toBe(1);
    expect(productsIn(await getDomainGraph(member))).toBe(1);
    const before = await getMeshMetrics(outsider);

    // Published: everyone sees it at once (the count tables change in the same statement as the product).
    await db.dataProduct.update({ where: { id: draft.id }, data: { status: "active" } });
    expect(edgeBetween(await getDomainGraph(outsider))?.weight).toBe(1);
    expect(productsIn(await getDomainGraph(outsider))).toBe(1);
    const after = await getMeshMetrics(outsider);
    expect(after.products - before.products).toBeGreaterThanOrEqual(1);
    expect(after.consumptionEdges - before.consumptionEdges).toBeGreaterThanOrEqual(1);

    // A second port consumed, then both removed: the weight follows.
    const second = await consume(draft.id, upstream.id);
    expect(edgeBetween(await getDomainGraph(outsider))?.weight).toBe(2);
    await db.inputPort.deleteMany({ where: { id: { in: [edge.id, second.id] } } });
    expect(edgeBetween(await getDomainGraph(member))).toBeUndefined();
  });

  it("keep one product_edge_counts row per pair of products, following edges, statuses, teams and deletions", async () => {
    const team = await createTeam();
    const otherTeam = await createTeam();
    const domain = await createDomain(team.id);
    const upstream = await createProduct({ domainId: domain.id, owningTeamId: team.id });
    const otherUpstream = await createProduct({ domainId: domain.id, owningTeamId: team.id });
    const consumer = await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "draft" });
    const pairs = () =>
      db.productEdgeCount.findMany({
        where: { targetId: consumer.id },
        orderBy: { sourceId: "asc" },
        select: { sourceId: true, edges: true, targetStatus: true, targetTeamId: true, sourceStatus: true },
      });

    // Two ports of one upstream product read: one pair, two edges (the metrics count one consumer).
    const first = await consume(consumer.id, upstream.id);
    const second = await consume(consumer.id, upstream.id);
    expect(await pairs()).toEqual([
      { sourceId: upstream.id, edges: 2, targetStatus: "draft", targetTeamId: team.id, sourceStatus: "active" },
    ]);

    await db.dataProduct.update({ where: { id: consumer.id }, data: { status: "active", owningTeamId: otherTeam.id } });
    await db.dataProduct.update({ where: { id: upstream.id }, data: { status: "deprecated" } });
    expect(await pairs()).toEqual([
      {
        sourceId: upstream.id,
        edges: 2,
        targetStatus: "active",
        targetTeamId: otherTeam.id,
        sourceStatus: "deprecated",
      },
    ]);

    // One input port re-pointed at another product's port.
    const otherPort = await db.outputPort.create({
      data: { productId: otherUpstream.id, name: unique("port"), displayName: "Port", kind: "table", format: "csv" },
    });
    await db.inputPort.update({ where: { id: second.id }, data: { sourceOutputPortId: otherPort.id } });
    expect((await pairs()).map((pair) => [pair.sourceId, pair.edges]).toSorted()).toEqual(
      [
        [upstream.id, 1],
        [otherUpstream.id, 1],
      ].toSorted(),
    );

    await db.inputPort.delete({ where: { id: first.id } });
    expect((await pairs()).map((pair) => pair.sourceId)).toEqual([otherUpstream.id]);
    // A deleted consumer takes its pairs with it.
    await db.dataProduct.delete({ where: { id: consumer.id } });
    expect(await pairs()).toEqual([]);
  });

  describe("getProductNeighbourhood", () => {
    /** far → upstream → centre → downstream, a source system feeding centre, and another team's draft consumer. */
    async function neighbourhood() {
      const owner = await createUser();
      const team = await createTeam([{ userId: owner.id, role: "owner" }]);
      const otherOwner = await createUser();
      const otherTeam = await createTeam([{ userId: otherOwner.id, role: "owner" }]);
      const domain = await createDomain(team.id);
      const otherDomain = await createDomain(otherTeam.id);
      const far = await createProduct({ domainId: domain.id, owningTeamId: team.id });
      const upstream = await createProduct({ domainId: domain.id, owningTeamId: team.id });
      const centre = await createProduct({ domainId: domain.id, owningTeamId: team.id });
      const downstream = await createProduct({ domainId: otherDomain.id, owningTeamId: otherTeam.id });
      const draft = await createProduct({ domainId: otherDomain.id, owningTeamId: otherTeam.id, status: "draft" });
      const source = await db.sourceSystem.create({
        data: { domainId: domain.id, name: unique("system"), displayName: "Billing DB", kind: "database" },
      });
      await consume(upstream.id, far.id);
      const upEdge = await consume(centre.id, upstream.id);
      const downEdge = await consume(downstream.id, centre.id);
      const draftEdge = await consume(draft.id, centre.id);
      const sourceEdge = await db.inputPort.create({ data: { productId: centre.id, sourceSystemId: source.id } });
      return {
        owner,
        otherOwner,
        domain,
        far,
        upstream,
        centre,
        downstream,
        draft,
        source,
        upEdge,
        downEdge,
        draftEdge,
        sourceEdge,
      };
    }

    it("lists one hop up and down, source systems included, and leaves out another team's draft", async () => {
      const n = await neighbourhood();
      const graph = await getProductNeighbourhood(await actorFor(n.owner.id), n.domain.name, n.centre.name);

      expect(graph.product).toMatchObject({ id: n.centre.id, ref: `${n.domain.name}/${n.centre.name}` });
      expect(graph.upstream.map((node) => node.id)).toEqual([n.upstream.id]);
      expect(graph.downstream.map((node) => node.id)).toEqual([n.downstream.id]);
      expect(graph.sourceSystems).toEqual([
        expect.objectContaining({
          id: n.source.id,
          displayName: "Billing DB",
          kind: "database",
          rootDomain: n.domain.name,
        }),
      ]);
      expect(graph.edges.map((edge) => edge.id).toSorted()).toEqual(
        [n.upEdge.id, n.downEdge.id, n.sourceEdge.id].toSorted(),
      );
      expect(graph.edges.find((edge) => edge.id === n.sourceEdge.id)).toMatchObject({
        source: n.source.id,
        target: n.centre.id,
        portName: null,
      });
      // Neither the draft of the other team, its edge, nor the product two hops up.
      const everything = JSON.stringify(graph);
      for (const hidden of [n.draft.id, n.draftEdge.id, n.far.id]) expect(everything).not.toContain(hidden);
    });

    it("shows the draft consumer to its own team", async () => {
      const n = await neighbourhood();
      const graph = await getProductNeighbourhood(await actorFor(n.otherOwner.id), n.domain.name, n.centre.name);
      expect(graph.downstream.map((node) => node.id).toSorted()).toEqual([n.downstream.id, n.draft.id].toSorted());
      expect(graph.edges.map((edge) => edge.id)).toContain(n.draftEdge.id);
    });

    it("is a NotFoundError for a product the actor may not see or that does not exist", async () => {
      const n = await neighbourhood();
      const outsider = await actorFor((await createUser()).id);
      const draftDomain = await db.domain.findUniqueOrThrow({ where: { id: n.draft.domainId } });
      await expect(getProductNeighbourhood(outsider, draftDomain.name, n.draft.name)).rejects.toThrow(NotFoundError);
      await expect(getProductNeighbourhood(outsider, n.domain.name, "no-such-product")).rejects.toThrow(NotFoundError);
      const forOwner = await getProductNeighbourhood(await actorFor(n.otherOwner.id), draftDomain.name, n.draft.name);
      expect(forOwner.upstream.map((node) => node.id)).toEqual([n.centre.id]);
    });
  });
});
