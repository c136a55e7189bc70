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

  productLink(displayName: string): Locator {
    return this.page
      .getByRole("table", { name: /Data products/ })
      .getByRole("link", { name: displayName, exact: true });
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

  async expectShown(displayName: string): Promise<void> {
    await expect(this.page.getByRole("heading", { level: 1, name: displayName })).toBeVisible();
  }
}
