// Every page of the portal, as each demo persona sees it (a page a persona may not see is its 404 page), checked
// by axe-core against WCAG 2.1 A and AA: contrast, names of controls and links, labels, landmarks.
import { expectNoAccessibilityViolations } from "../../accessibility";
import { DEMO_PRODUCT, test } from "../../fixtures";

const product = `/products/${DEMO_PRODUCT.ref}`;

const PAGES = [
  "/",
  "/products",
  "/products?q=listener",
  product,
  `${product}/history`,
  `${product}/edit`,
  `${product}/ports/listeners-demographic/request-access`,
  "/products/new",
  "/products/import",
  "/domains",
  "/domains/podcasts",
  "/domains/new",
  "/teams/podcasts",
  "/teams/podcasts/webhooks",
  "/teams/new",
  "/glossary",
  "/glossary/listener",
  "/mesh",
  "/access",
  "/notifications",
  "/settings/tokens",
  "/api-docs",
  "/admin",
];

for (const path of PAGES) {
  test(`${path} meets WCAG 2.1 AA as axe-core checks it`, async ({ page }) => {
    await page.goto(path);
    // Client parts (graphs, the API reference, lists fetched with TanStack Query) render before the check.
    await page.waitForLoadState("networkidle");
    await expectNoAccessibilityViolations(page);
  });
}

test.describe("in the dark theme", () => {
  test.use({ colorScheme: "dark" });

  for (const path of ["/", "/products?q=listener", product, "/access"]) {
    test(`${path} meets WCAG 2.1 AA as axe-core checks it`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectNoAccessibilityViolations(page);
    });
  }
});
