import { expect, type Locator, type Page, type Response } from "@playwright/test";

/** A data product's page at /products/<domain>/<name>. */
export class ProductPage {
  readonly heading: Locator;
  readonly inputs: Locator;
  readonly consumers: Locator;
  readonly neighbourhood: Locator;
  readonly sloSummary: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.inputs = page.getByRole("region", { name: /^Inputs/ });
    this.consumers = page.getByRole("region", { name: /^Consumers/ });
    this.neighbourhood = page.getByRole("region", { name: "Neighbourhood", exact: true });
    this.sloSummary = page.getByRole("region", { name: "Service-level objectives", exact: true });
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

  /** A neighbour's hexagon on the neighbourhood graph (a link named "<display name>, <domain>/<name>"). */
  neighbourNode(displayName: string, ref: string): Locator {
    return this.neighbourhood
      .getByRole("application")
      .getByRole("link", { name: `${displayName}, ${ref}`, exact: true });
  }

  /** The product's own hexagon on the neighbourhood graph. */
  currentNode(displayName: string, ref: string): Locator {
    return this.neighbourhood.getByLabel(`${displayName}, ${ref}, this product`, { exact: true });
  }

  /** The neighbourhood's text alternative: the list of upstream and downstream neighbours. */
  get neighbourList(): Locator {
    return this.neighbourhood.getByRole("group", { name: "Neighbourhood as a list" });
  }
}
