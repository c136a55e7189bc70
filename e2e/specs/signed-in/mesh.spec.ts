// Runs once per demo persona (projects admin, governance, podcasts-owner, users-owner, consumer).
// The page opens on the product graph or, above PRODUCT_GRAPH_THRESHOLD visible products (the test database keeps
// earlier runs' products, and in CI the integration tests fill it first), on the domain overview: the steps go
// through the Podcasts domain like a user would in that case (MeshPage.showProductsOf).
import { expectNoAccessibilityViolations } from "../../accessibility";
import { createDomainWithProducts, deleteDomainWithProducts, uniqueSuffix } from "../../db";
import { DEMO_PRODUCT, expect, test } from "../../fixtures";
import { GRAPH_TIMEOUT, MeshPage } from "../../pages/mesh-page";

test.describe("the mesh graph", () => {
  test("draws the products, opens the side panel on click and links to the product page", async ({
    page,
    productPage,
  }) => {
    test.slow();
    const mesh = new MeshPage(page);
    await mesh.goto();
    await mesh.expectShown();
    await mesh.showProductsOf("Podcasts");

    const node = mesh.productNode("Podcast listeners demographic", DEMO_PRODUCT.ref);
    await expect(node).toBeAttached({ timeout: GRAPH_TIMEOUT });
    // Its upstream product, in domain Users: drawn on the whole mesh and as a direct neighbour of Podcasts.
    await expect(mesh.productNode("User updates", DEMO_PRODUCT.upstreamRef)).toBeAttached();

    // The whole mesh may not fit the viewport at a zoom where a node can be clicked: centre the node first (what
    // "Find a product" is for), then click it.
    await mesh.findInput.fill("listeners demographic");
    await mesh.findInput.press("Enter");
    await expect(mesh.sidePanel).toContainText(DEMO_PRODUCT.ref);
    await mesh.sidePanel.getByRole("button", { name: "Close the panel" }).click();
    await expect(mesh.sidePanel.getByText(DEMO_PRODUCT.ref)).toHaveCount(0);
    await node.click();
    await expect(mesh.sidePanel).toContainText(DEMO_PRODUCT.ref);
    await expect(mesh.sidePanel).toContainText("Podcasts");
    await mesh.sidePanel.getByRole("link", { name: "Open Podcast listeners demographic" }).click();
    await productPage.expectShown(DEMO_PRODUCT.ref);
  });

  test("finds a product by name and switches to the domain overview", async ({ page }) => {
    test.slow();
    const mesh = new MeshPage(page);
    await mesh.goto();
    await mesh.showProductsOf("Podcasts");
    await expect(mesh.productNode("Podcast listeners demographic", DEMO_PRODUCT.ref)).toBeAttached({
      timeout: GRAPH_TIMEOUT,
    });
    await mesh.findInput.fill("listeners demographic");
    await mesh.findInput.press("Enter");
    await expect(mesh.sidePanel).toContainText(DEMO_PRODUCT.ref);
    // The product graph with its relations table and the side panel open, as axe-core checks it.
    await expectNoAccessibilityViolations(page);

    await mesh.viewButton("Domain overview").click();
    const podcasts = mesh.domainNode("Podcasts");
    await expect(podcasts).toBeVisible({ timeout: GRAPH_TIMEOUT });
    await podcasts.click();
    await expect(mesh.graph).toContainText("and its direct neighbours");
    await expect(mesh.productNode("Podcast listeners demographic", DEMO_PRODUCT.ref)).toBeVisible({
      timeout: GRAPH_TIMEOUT,
    });
  });

  test("opens a domain's graph from the domain page, with the domain in the URL for sharing and going back", async ({
    page,
  }) => {
    test.slow();
    await page.goto("/domains/podcasts");
    await page.getByRole("link", { name: "Show on the mesh graph" }).click();
    await expect(page).toHaveURL(/\/mesh\?domain=podcasts$/);
    const mesh = new MeshPage(page);
    await expect(mesh.graph).toContainText("Domain podcasts and its direct neighbours");
    const node = mesh.productNode("Podcast listeners demographic", DEMO_PRODUCT.ref);
    await expect(node).toBeAttached({ timeout: GRAPH_TIMEOUT });

    await mesh.viewButton("Domain overview").click();
    await expect(page).toHaveURL(/\/mesh$/);
    await expect(mesh.domainNode("Podcasts")).toBeVisible({ timeout: GRAPH_TIMEOUT });
    await page.goBack();
    await expect(page).toHaveURL(/\/mesh\?domain=podcasts$/);
    await expect(node).toBeAttached({ timeout: GRAPH_TIMEOUT });
    await page.goBack();
    await expect(page).toHaveURL(/\/domains\/podcasts$/);

    // An unknown domain in the URL opens the usual first view.
    await page.goto("/mesh?domain=no-such-domain");
    await expect(mesh.graph).not.toContainText("no-such-domain");
    await expect(mesh.findInput.or(mesh.domainNode("Podcasts"))).toBeVisible({ timeout: GRAPH_TIMEOUT });
  });

  test("lists what the graph draws as a table and shows the mesh metrics", async ({ page }) => {
    test.slow();
    const mesh = new MeshPage(page);
    await mesh.goto();
    if ((await mesh.viewButton("Domain overview").getAttribute("aria-pressed")) === "true") {
      // The overview's edges: domain users feeds domain podcasts.
      await expect(mesh.domainRelationRow("Users", "Podcasts")).toBeVisible({ timeout: GRAPH_TIMEOUT });
    }
    await mesh.showProductsOf("Podcasts");
    await expect(mesh.relationRow(DEMO_PRODUCT.upstreamRef, DEMO_PRODUCT.ref).first()).toBeVisible();
    await expect(mesh.domainRelationsTable).toHaveCount(0);
    await expect(mesh.metric("Data products")).toHaveText(/^[1-9][\d,]*$/);
    await expect(mesh.metric("Consumption edges")).toHaveText(/^[1-9][\d,]*$/);
    await expect(mesh.metric("Cross-domain edges")).toHaveText(/^\d+(\.\d)?%$/);
  });

  test("pages through a domain with more products than its graph draws, and finds the others in the catalog", async ({
    page,
  }) => {
    test.slow();
    const name = `e2e-graph-${uniqueSuffix()}`;
    const displayName = `E2E graph ${name.slice(-6)}`;
    await createDomainWithProducts(name, displayName, 302);
    try {
      const mesh = new MeshPage(page);
      await mesh.goto();
      // Above 300 visible products (302 here alone), the page opens on the domain overview.
      await expect(mesh.viewButton("Domain overview")).toHaveAttribute("aria-pressed", "true");
      await mesh.showProductsOf(displayName);
      await expect(mesh.graph).toContainText(`Domain ${name}: products 1–300 of 302 by name`);
      await expect(mesh.productNode("Item 1", `${name}/item-001`)).toBeAttached({ timeout: GRAPH_TIMEOUT });
      await expect(mesh.productNode("Item 302", `${name}/item-302`)).toHaveCount(0);
      await expect(mesh.pageButton(/Previous/)).toBeDisabled();

      await mesh.findInput.fill("Item 302");
      await mesh.findInput.press("Enter");
      await expect(mesh.graph.getByRole("status")).toHaveText(
        "No product on the graph matches “Item 302”. The graph draws 300 of the domain's 302 products.",
      );
      await expect(mesh.graph.getByRole("link", { name: "Search the catalog for “Item 302”" })).toHaveAttribute(
        "href",
        "/products?q=Item%20302",
      );

      await mesh.pageButton(/^Next 2/).click();
      await expect(mesh.graph).toContainText(`Domain ${name}: products 301–302 of 302 by name`);
      await expect(mesh.productNode("Item 302", `${name}/item-302`)).toBeAttached({ timeout: GRAPH_TIMEOUT });
      await expect(mesh.productNode("Item 1", `${name}/item-001`)).toHaveCount(0);
      await expect(mesh.graph).toContainText("2 products and 0 consumption edges shown.");
      await expect(mesh.pageButton(/Next/)).toBeDisabled();

      await mesh.pageButton(/^← Previous 300/).click();
      await expect(mesh.graph).toContainText(`Domain ${name}: products 1–300 of 302 by name`);
      await expect(mesh.productNode("Item 1", `${name}/item-001`)).toBeAttached({ timeout: GRAPH_TIMEOUT });

      // The API the page reads: a cursor that is not one of its answers' is refused with the reason.
      const refused = await page.request.get(`/api/v1/graph/products?domain=${name}&after=bogus`);
      expect(refused.status()).toBe(422);
      expect((await refused.json()).detail).toBe(
        "`after` is not a cursor of this graph: take it from `page.next` or `page.previous`.",
      );
      // A NUL character (%00) cannot be in a name: no such product, not a failure.
      const nul = await page.request.get(`/api/v1/graph/products?product=${name}%2Fitem%00-001`);
      expect(nul.status()).toBe(404);
      const withoutDomain = await page.request.get(`/api/v1/graph/products?after=${name}`);
      expect(withoutDomain.status()).toBe(422);
      expect((await withoutDomain.json()).errors).toContainEqual({
        pointer: "/domain",
        message: "`after` and `before` page through a domain's products: give `domain` too.",
      });
    } finally {
      await deleteDomainWithProducts(name);
    }
  });
});
