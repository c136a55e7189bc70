// The product page in full (issue 3, item 2). Runs once per demo persona (admin, governance, podcasts-owner,
// users-owner, consumer).
import { queryOne } from "../../db";
import { draftProductOfPodcasts, seesDraftsOfPodcasts } from "../../drafts";
import { DEMO_PRODUCT, expect, test } from "../../fixtures";

const DEMO_NAME = "Podcast listeners demographic";
const UPSTREAM_NAME = "User updates";

test.describe("the product page", () => {
  test("shows the schema, links upstream and summarises the SLOs", async ({ productPage }) => {
    const [domain, name] = DEMO_PRODUCT.ref.split("/");
    const { slos, ports } = await queryOne<{ slos: number; ports: number }>(
      `select count(*)::int as slos, count(distinct s.output_port_id)::int as ports
         from slos s join output_ports op on op.id = s.output_port_id
         join data_products p on p.id = op.product_id join domains d on d.id = p.domain_id
        where d.name = $1 and p.name = $2`,
      [domain, name],
    );
    expect(slos).toBeGreaterThan(0);

    await productPage.goto(DEMO_PRODUCT.ref);
    await productPage.expectShown(DEMO_PRODUCT.ref);
    await expect(productPage.schemaField("age_band").first()).toBeVisible();
    await expect(productPage.upstreamLink(DEMO_PRODUCT.upstreamRef)).toHaveAttribute(
      "href",
      `/products/${DEMO_PRODUCT.upstreamRef}`,
    );

    const summary = productPage.sloSummary;
    await expect(summary).toContainText(
      `${slos} ${slos === 1 ? "objective" : "objectives"} on ${ports} ${ports === 1 ? "port" : "ports"}`,
    );
    await expect(summary).toContainText("No measurements yet.");
    await expect(summary.getByRole("rowheader", { name: "Freshness" }).first()).toBeVisible();
    await expect(summary.getByRole("cell", { name: "24 hours", exact: true }).first()).toBeVisible();
  });

  test("draws the neighbourhood and opens an upstream product from it", async ({ productPage }) => {
    await productPage.goto(DEMO_PRODUCT.ref);
    await expect(productPage.currentNode(DEMO_NAME, DEMO_PRODUCT.ref)).toBeVisible();
    await expect(productPage.neighbourList.getByRole("link", { name: UPSTREAM_NAME, exact: true })).toBeVisible();

    const upstream = productPage.neighbourNode(UPSTREAM_NAME, DEMO_PRODUCT.upstreamRef);
    await expect(upstream).toBeVisible();
    await upstream.click();
    await productPage.expectShown(DEMO_PRODUCT.upstreamRef);
    // The upstream product's own neighbourhood has the demo product downstream.
    await expect(productPage.neighbourNode(DEMO_NAME, DEMO_PRODUCT.ref)).toBeVisible();
  });
});

test.describe("the neighbourhood API", () => {
  test("answers the demo product's neighbours, and a draft of podcasts only to those who may see it", async ({
    request,
    persona,
  }) => {
    const demo = await request.get(`/api/v1/graph/products?product=${DEMO_PRODUCT.ref}`);
    expect(demo.status()).toBe(200);
    const graph = (await demo.json()) as { product: { ref: string }; upstream: { ref: string }[] };
    expect(graph.product.ref).toBe(DEMO_PRODUCT.ref);
    expect(graph.upstream.map((node) => node.ref)).toContain(DEMO_PRODUCT.upstreamRef);

    const draft = await request.get(`/api/v1/graph/products?product=${await draftProductOfPodcasts()}`);
    if (seesDraftsOfPodcasts(persona!)) {
      expect(draft.status()).toBe(200);
    } else {
      expect(draft.status()).toBe(404);
      expect(draft.headers()["content-type"]).toContain("application/problem+json");
      expect(await draft.json()).toMatchObject({ status: 404 });
    }

    const both = await request.get(`/api/v1/graph/products?domain=podcasts&product=${DEMO_PRODUCT.ref}`);
    expect(both.status()).toBe(422);
    expect(both.headers()["content-type"]).toContain("application/problem+json");
  });
});
