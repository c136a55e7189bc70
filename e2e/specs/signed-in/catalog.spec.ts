// Runs once per demo persona (projects admin, governance, podcasts-owner, users-owner, consumer).
import { profileOf } from "../../db";
import { DEMO_PRODUCT, expect, test } from "../../fixtures";
import { PERSONAS, type GlobalRole } from "../../personas";

const ROLE_LABELS: Record<GlobalRole, string> = { admin: "Platform admin", governance: "Governance", member: "Member" };

test.describe("every demo persona", () => {
  test("sees the catalog and opens the demo product with its schema and upstream", async ({
    catalogPage,
    productPage,
  }) => {
    await catalogPage.goto();
    await expect(await catalogPage.findProduct(DEMO_PRODUCT.ref)).toBeVisible();

    await catalogPage.openProduct(DEMO_PRODUCT.ref);
    await productPage.expectShown(DEMO_PRODUCT.ref);
    for (const field of DEMO_PRODUCT.fields) {
      await expect(productPage.schemaField(field).first()).toBeVisible();
    }

    await productPage.upstreamLink(DEMO_PRODUCT.upstreamRef).click();
    await productPage.expectShown(DEMO_PRODUCT.upstreamRef);
  });

  test("sees name, role and teams in the user menu, and signs out", async ({ page, persona, appShell, signInPage }) => {
    const { email } = PERSONAS[persona!];
    const profile = await profileOf(email);

    await page.goto("/");
    const menu = await appShell.openUserMenu();
    await expect(menu).toContainText(profile.name);
    // The global role is a definition of its own; team roles ("Owner", "Member") sit beside the team names.
    await expect(
      menu.getByRole("definition").filter({ hasText: new RegExp(`^${ROLE_LABELS[profile.role]}$`) }),
    ).toBeVisible();
    for (const team of profile.teams) await expect(menu).toContainText(team);

    await appShell.signOut();
    await page.goto("/products");
    await signInPage.expectShown();
  });
});
