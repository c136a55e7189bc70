import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createDomain, createProduct, createTeam, createUser } from "@/scripts/test/factories";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => session.current?.user.id ?? null }));

const { getMeshOverview } = await import("./queries");

beforeEach(() => {
  session.current = null;
});

describe("getMeshOverview", () => {
  it("counts and lists only what the actor may see, recent changes included", async () => {
    const owner = await createUser();
    const team = await createTeam([{ userId: owner.id, role: "owner" }]);
    const domain = await createDomain(team.id);
    const draft = await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "draft" });
    await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "active" });
    const draftRef = `product:${domain.name}/${draft.name}`;
    await db.auditEvent.create({
      data: { action: "product.created", entityRef: draftRef, after: { status: "draft" } },
    });
    const outsider = await createUser();

    session.current = { user: { id: owner.id } };
    const forOwner = await getMeshOverview();
    expect(forOwner.domains.find((d) => d.name === domain.name)?.productCount).toBe(2);
    expect(forOwner.recentChanges.map((change) => `product:${change.entity.ref}`)).toContain(draftRef);

    session.current = { user: { id: outsider.id } };
    const forOutsider = await getMeshOverview();
    expect(forOutsider.domains.find((d) => d.name === domain.name)?.productCount).toBe(1);
    expect(forOutsider.recentChanges.map((change) => `product:${change.entity.ref}`)).not.toContain(draftRef);
    expect(forOwner.counts.products - forOutsider.counts.products).toBeGreaterThanOrEqual(1);
  });
});
