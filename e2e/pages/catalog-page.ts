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
    await expect(this.page).toHaveURL(/\/products$/);
    await expect(this.heading).toBeVisible();
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
    await this.productLink(ref).click();
    await expect(this.page).toHaveURL(new RegExp(`/products/${ref}$`));
  }
}
