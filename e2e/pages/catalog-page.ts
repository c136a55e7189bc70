import { expect, type Locator, type Page } from "@playwright/test";

/** The catalog of data products at /products: the search box, the facets and the results. */
export class CatalogPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly searchBox: Locator;
  readonly filters: Locator;
  /** The line that says how many products match. */
  readonly summary: Locator;
  readonly pages: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Data products" });
    this.table = page.getByRole("table", { name: /data products/i });
    this.searchBox = page.getByRole("searchbox", { name: "Search data products" });
    this.filters = page.getByRole("group", { name: "Filters" });
    this.summary = page.getByRole("status").filter({ hasText: /products?\b/ });
    this.pages = page.getByRole("navigation", { name: "Result pages" });
  }

  /** Types a search into the box and submits it with Enter. */
  async search(text: string): Promise<void> {
    const before = this.page.url();
    await this.searchBox.fill(text);
    await this.searchBox.press("Enter");
    await this.page.waitForURL((url) => url.href !== before);
    await expect(this.searchBox).toHaveValue(text);
  }

  /** The checkbox of a facet value, e.g. facet("Domain", "Users"). */
  facet(legend: string, label: string): Locator {
    return this.filters
      .getByRole("group", { name: legend })
      .getByRole("checkbox", { name: new RegExp(`^${label}\\s+\\d+$`) });
  }

  /** The refs (`<domain>/<name>`) of the results on this page, in order. */
  async resultRefs(): Promise<string[]> {
    if ((await this.table.count()) === 0) return [];
    const hrefs = await this.table
      .getByRole("link")
      .evaluateAll((elements) => elements.map((element) => element.getAttribute("href") ?? ""));
    return hrefs
      .filter((href) => href.startsWith("/products/"))
      .map((href) => decodeURIComponent(href.slice("/products/".length)));
  }

  async goto(): Promise<void> {
    await this.page.goto("/products");
    await this.expectShown();
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/products(\?.*)?$/);
    await expect(this.heading).toBeVisible();
  }

  /**
   * Searches for the product by its name, then pages forward (keyset pagination, "Next") until its row shows. The
   * test database keeps what earlier runs created, so the product need not be on the first page of results.
   */
  async findProduct(ref: string): Promise<Locator> {
    if ((await this.productRow(ref).count()) === 0) await this.search(ref.split("/")[1].replaceAll("-", " "));
    const next = this.pages.getByRole("link", { name: "Next" });
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
