// Runs once per demo persona (projects admin, governance, podcasts-owner, users-owner, consumer).
import { DEMO_PRODUCT, expect, test } from "../../fixtures";
import { MeshPage } from "../../pages/mesh-page";

test.describe("the mesh graph", () => {
  test("draws the products, opens the side panel on click and links to the product page", async ({
    page,
    productPage,
  }) => {
    const mesh = new MeshPage(page);
    await mesh.goto();
    await mesh.expectShown();

    const node = mesh.productNode("Podcast listeners demographic", DEMO_PRODUCT.ref);
    await expect(node).toBeAttached();
    await expect(mesh.productNode("User updates", DEMO_PRODUCT.upstreamRef)).toBeAttached();

    // The test database keeps earlier runs' products, so the whole mesh may not fit the viewport at a zoom
    // where a node can be clicked: centre the node first (what "Find a product" is for), then click it.
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
    const mesh = new MeshPage(page);
    await mesh.goto();
    await mesh.findInput.fill("listeners demographic");
    await mesh.findInput.press("Enter");
    await expect(mesh.sidePanel).toContainText(DEMO_PRODUCT.ref);

    await mesh.graph.getByRole("button", { name: "Domain overview" }).click();
    const podcasts = mesh.graph.getByRole("button", { name: /^Domain Podcasts, \d+ products$/ });
    await expect(podcasts).toBeVisible();
    await podcasts.click();
    await expect(mesh.graph).toContainText("and its direct neighbours");
    await expect(mesh.productNode("Podcast listeners demographic", DEMO_PRODUCT.ref)).toBeVisible();
  });

  test("lists the consumption relations as a table and shows the mesh metrics", async ({ page }) => {
    const mesh = new MeshPage(page);
    await mesh.goto();
    await expect(mesh.relationRow(DEMO_PRODUCT.upstreamRef, DEMO_PRODUCT.ref).first()).toBeVisible();
    await expect(mesh.metric("Data products")).toHaveText(/^[1-9][\d,]*$/);
    await expect(mesh.metric("Consumption edges")).toHaveText(/^[1-9][\d,]*$/);
    await expect(mesh.metric("Cross-domain edges")).toHaveText(/^\d+(\.\d)?%$/);
  });
});
