import { expect, type Locator, type Page, type Response } from "@playwright/test";

/** A data product's page at /products/<domain>/<name>. */
export class ProductPage {
  readonly heading: Locator;
  readonly inputs: Locator;
  readonly consumers: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.inputs = page.getByRole("region", { name: /^Inputs/ });
    this.consumers = page.getByRole("region", { name: /^Consumers/ });
  }

  goto(ref: string): Promise<Response | null> {
    return this.page.goto(`/products/${ref}`);
  }

  async expectShown(ref: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/products/${ref}$`));
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByText(ref, { exact: true }).first()).toBeVisible();
  }

  /** A field of an output port's schema, by its name (the row header of the schema table). */
  schemaField(name: string): Locator {
    return this.page.getByRole("rowheader", { name, exact: true });
  }

  /** The link to an upstream product this one reads, by the upstream's `<domain>/<name>`. */
  upstreamLink(ref: string): Locator {
    return this.inputs
      .getByRole("listitem")
      .filter({ has: this.page.getByText(ref, { exact: true }) })
      .getByRole("link");
  }
}
