import { expect, type Locator, type Page } from "@playwright/test";

/** /domains and /domains/<name>. */
export class DomainPages {
  constructor(readonly page: Page) {}

  async gotoDomain(name: string): Promise<void> {
    await this.page.goto(`/domains/${encodeURIComponent(name)}`);
  }

  heading(displayName: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: displayName });
  }

  /** A link to a product in the domain's product table. */
  productLink(displayName: string): Locator {
    return this.page
      .getByRole("table", { name: /Data products/ })
      .getByRole("link", { name: displayName, exact: true });
  }

  subDomainLink(displayName: string): Locator {
    return this.page.getByRole("list", { name: "Sub-domains" }).getByRole("link", { name: displayName, exact: true });
  }
}

/** /teams/<name>. */
export class TeamPage {
  constructor(readonly page: Page) {}

  async goto(name: string): Promise<void> {
    await this.page.goto(`/teams/${encodeURIComponent(name)}`);
  }

  members(): Locator {
    return this.page.getByRole("list", { name: "Members" });
  }

  /** The product links of the "Data products owned" table, in its order. */
  productLinks(): Locator {
    return this.page.getByRole("table", { name: /Data products/ }).getByRole("link");
  }

  /** The count beside the "Data products owned" heading. */
  productCount(): Locator {
    return this.page.getByRole("region", { name: "Data products owned" }).locator("h2 + span");
  }

  /** The link to the catalog filtered by the team, shown when the team owns more than one page of products. */
  catalogLink(): Locator {
    return this.page.getByRole("link", { name: /products of .* in the catalog/ });
  }
}

/** /glossary and /glossary/<polyseme>. */
export class GlossaryPages {
  constructor(readonly page: Page) {}

  async gotoPolyseme(name: string): Promise<void> {
    await this.page.goto(`/glossary/${encodeURIComponent(name)}`);
  }

  products(): Locator {
    return this.page.getByRole("list", { name: "Products carrying this polyseme" });
  }

  /** Narrows the products to one domain through the "Domains involved" list. */
  async chooseDomain(displayName: string): Promise<void> {
    await this.page
      .getByRole("navigation", { name: "Show the products of one domain" })
      .getByRole("link", { name: new RegExp(`^${displayName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} [\\d,]+$`) })
      .click();
    await expect(
      this.page.getByRole("heading", { level: 2, name: `Products of ${displayName} joinable through it` }),
    ).toBeVisible();
  }

  async expectShown(displayName: string): Promise<void> {
    await expect(this.page.getByRole("heading", { level: 1, name: displayName })).toBeVisible();
  }
}
