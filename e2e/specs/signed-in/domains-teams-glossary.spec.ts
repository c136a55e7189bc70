// Runs once per demo persona (projects admin, governance, podcasts-owner, users-owner, consumer).
import { createTaggedProducts, deleteTaggedProducts, query, queryOne, uniqueSuffix } from "../../db";
import { expect, test } from "../../fixtures";
import { DomainPages, GlossaryPages, TeamPage } from "../../pages/domain-pages";
import { PERSONAS } from "../../personas";

/** Listed by default (retired products only on request, as in the catalog). */
const LISTED = "('active', 'deprecated')";
/** Products per page of the catalog (lib/search SEARCH_PAGE_SIZE), which the team page shows the first of. */
const PAGE_SIZE = 25;

test.describe("domains, teams and the glossary", () => {
  test("the parent domain finance lists the products of its sub-domain finance-billing", async ({ page }) => {
    const product = await queryOne<{ display_name: string }>(
      `SELECT p.display_name FROM data_products p JOIN domains d ON d.id = p.domain_id
       WHERE d.name = 'finance-billing' AND p.status::text IN ${LISTED} ORDER BY p.name LIMIT 1`,
    );
    const billing = await queryOne<{ display_name: string }>(
      `SELECT display_name FROM domains WHERE name = 'finance-billing'`,
    );
    const domains = new DomainPages(page);
    await domains.gotoDomain("finance");
    await expect(domains.subDomainLink(billing.display_name)).toBeVisible();
    await expect(domains.productLink(product.display_name)).toBeVisible();
  });

  test("the glossary page of listener lists the products joinable through it", async ({ page }) => {
    const glossary = new GlossaryPages(page);
    await glossary.gotoPolyseme("listener");
    const polyseme = await queryOne<{ display_name: string }>(
      `SELECT display_name FROM polysemes WHERE name = 'listener'`,
    );
    await glossary.expectShown(polyseme.display_name);
    await expect(glossary.products()).toContainText("users/user-updates");
    await expect(glossary.products()).toContainText("podcasts/podcast-listeners-demographic");

    const users = await queryOne<{ display_name: string }>(`SELECT display_name FROM domains WHERE name = 'users'`);
    await glossary.chooseDomain(users.display_name);
    await expect(glossary.products()).toContainText("users/user-updates");
    await expect(glossary.products()).not.toContainText("podcasts/");
  });

  test("the podcasts team page shows its members and the products the persona may see", async ({ page, persona }) => {
    const members = await query<{ email: string }>(
      `SELECT u.email FROM team_memberships m JOIN users u ON u.id = m.user_id JOIN teams t ON t.id = m.team_id
       WHERE t.name = 'podcasts'`,
    );
    const { role, teams } = PERSONAS[persona!];
    const seesDrafts = role !== "member" || (teams as readonly string[]).includes("podcasts");
    const visible = `FROM data_products p JOIN teams t ON t.id = p.owning_team_id
       WHERE t.name = 'podcasts' AND p.status <> 'retired' AND (p.status::text IN ${LISTED} OR ${seesDrafts})`;
    // More products than one page, so that the page shows the first page and links to the catalog for the rest.
    const tag = `e2e-team-${uniqueSuffix()}`;
    await createTaggedProducts(tag, PAGE_SIZE + 1);
    const team = new TeamPage(page);
    try {
      // The catalog tests add products to team podcasts in parallel: read what to expect, then the page, again if
      // one of them landed in between.
      await expect(async () => {
        const products = await query<{ display_name: string }>(
          `SELECT p.display_name ${visible} ORDER BY p.name, p.id LIMIT ${PAGE_SIZE}`,
        );
        const { count } = await queryOne<{ count: number }>(`SELECT count(*)::int AS count ${visible}`);
        await team.goto("podcasts");
        await expect(team.productCount()).toHaveText(String(count), { timeout: 2_000 });
        await expect(team.productLinks()).toHaveText(
          products.map((product) => product.display_name),
          { timeout: 2_000 },
        );
      }).toPass();
      for (const member of members) await expect(team.members()).toContainText(member.email);
      await team.catalogLink().click();
      await expect(page).toHaveURL(/\/products\?team=podcasts$/);
    } finally {
      await deleteTaggedProducts(tag);
    }
  });

  test("the main navigation leads to Domains and Glossary", async ({ page, appShell }) => {
    const finance = await queryOne<{ display_name: string }>(`SELECT display_name FROM domains WHERE name = 'finance'`);
    await page.goto("/");
    await appShell.navigation.getByRole("link", { name: "Domains" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Domains" })).toBeVisible();
    // The owning team may share the domain's display name: pick the domain's own link.
    const financeLink = page.getByRole("list", { name: "Domains" }).locator('a[href="/domains/finance"]');
    await expect(financeLink).toHaveText(finance.display_name);
    await appShell.navigation.getByRole("link", { name: "Glossary" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Glossary" })).toBeVisible();
  });

  test("unknown domains, teams and polysemes are not found", async ({ page }) => {
    // %00, a NUL character, cannot be in a name (PostgreSQL text cannot hold it): not found either, never a 500.
    for (const path of [
      "/domains/no-such-domain",
      "/teams/no-such-team",
      "/glossary/no-such-polyseme",
      "/teams/a%00b",
      "/glossary/a%00b",
      "/products/a%00b/c",
    ]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
    }
  });
});
