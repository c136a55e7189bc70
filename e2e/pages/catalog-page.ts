import { expect, type Locator, type Page } from "@playwright/test";

/** The catalog of data products at /products. */
export class CatalogPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Data products" });
    this.table = page.getByRole("table", { name: /Data products/ });
  }

  async goto(): Promise<void> {
    await this.page.goto("/products");
    await this.expectShown();
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/products(\?(after|before)=[^&]+)?$/);
    await expect(this.heading).toBeVisible();
  }

  /**
   * Pages forward (keyset pagination, "Next") until the product's row shows. The test database keeps what earlier
   * runs created, so a product need not be on the first page for those who see everything.
   */
  async findProduct(ref: string): Promise<Locator> {
    const next = this.page.getByRole("navigation", { name: /pages/i }).getByRole("link", { name: "Next" });
    while ((await this.productRow(ref).count()) === 0 && (await next.count()) > 0) {
      const current = this.page.url();
      await next.first().click();
      await this.page.waitForURL((url) => url.href !== current);
      await this.expectShown();
    }
    return this.productLink(ref);
  }

  /** The catalog row of the product `<domain>/<name>`. */
  productRow(ref: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByText(ref, { exact: true }) });
  }

  /** The link that opens the product (its display name). */
  productLink(ref: string): Locator {
    return this.productRow(ref).getByRole("link");
  }

  async openProduct(ref: string): Promise<void> {
    await (await this.findProduct(ref)).click();
    await expect(this.page).toHaveURL(new RegExp(`/products/${ref}$`));
  }
}
