import { expect, type Locator, type Page, type Response } from "@playwright/test";

/** How long a graph may take to load and lay out: a production build, but on a busy 2-core machine. */
export const GRAPH_TIMEOUT = 45_000;

/** The mesh graph at /mesh: the graph, its side panel, the relations tables below it and the metrics. */
export class MeshPage {
  readonly heading: Locator;
  readonly graph: Locator;
  readonly sidePanel: Locator;
  readonly relationsTable: Locator;
  readonly domainRelationsTable: Locator;
  readonly metrics: Locator;
  readonly findInput: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Mesh" });
    this.graph = page.getByRole("region", { name: "Mesh graph" });
    this.sidePanel = page.getByRole("complementary", { name: "Selected product" });
    this.relationsTable = page.getByRole("table", { name: "Consumption relations between data products" });
    this.domainRelationsTable = page.getByRole("table", { name: "Consumption relations between domains" });
    this.metrics = page.getByRole("region", { name: "Mesh metrics" });
    this.findInput = page.getByLabel("Find a product", { exact: true });
  }

  goto(): Promise<Response | null> {
    return this.page.goto("/mesh");
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/mesh$/);
    await expect(this.heading).toBeVisible();
  }

  /** One of the two view buttons above the graph ("Product graph", "Domain overview"); the current one is pressed. */
  viewButton(name: "Product graph" | "Domain overview"): Locator {
    return this.graph.getByRole("group", { name: "Graph view" }).getByRole("button", { name, exact: true });
  }

  /** The hexagon of a domain in the domain overview, named "Domain <display name>, <n> products". */
  domainNode(displayName: string): Locator {
    return this.graph.getByRole("button", { name: new RegExp(`^Domain ${escapeRegExp(displayName)}, \\d+ products$`) });
  }

  /**
   * Shows the product graph with the products of a domain, as a user would: above PRODUCT_GRAPH_THRESHOLD
   * visible products the page opens on the domain overview (the test database keeps earlier runs' products, and
   * in CI the integration tests fill it first), where clicking the domain opens its products and their direct
   * neighbours; below it the whole mesh is drawn already.
   */
  async showProductsOf(domainDisplayName: string): Promise<void> {
    if ((await this.viewButton("Domain overview").getAttribute("aria-pressed")) === "true") {
      // Laying out the overview of a large test database takes a while on a busy machine.
      const domain = this.domainNode(domainDisplayName);
      await expect(domain).toBeVisible({ timeout: GRAPH_TIMEOUT });
      await domain.click();
      await expect(this.graph).toContainText(/(its|their) direct neighbours/);
    }
    await expect(this.viewButton("Product graph")).toHaveAttribute("aria-pressed", "true");
    await expect(this.findInput).toBeVisible({ timeout: GRAPH_TIMEOUT });
  }

  /** A button of the pages of a domain's products: "← Previous 300", "Next 2 →". */
  pageButton(name: RegExp): Locator {
    return this.graph.getByRole("navigation", { name: "Pages of the domain's products" }).getByRole("button", { name });
  }

  /** The hexagon of a product on the graph, named "<display name>, <domain>/<name>". */
  productNode(displayName: string, ref: string): Locator {
    return this.graph.getByRole("button", { name: `${displayName}, ${ref}`, exact: true });
  }

  /** A row of the domain overview's relations table: upstream domain → consuming domain → edges. */
  domainRelationRow(upstream: string, consumer: string): Locator {
    return this.domainRelationsTable
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: upstream, exact: true }) })
      .filter({ has: this.page.getByRole("cell", { name: consumer, exact: true }) });
  }

  /** A row of the product graph's relations table: upstream ref → port → consuming ref. */
  relationRow(upstreamRef: string, consumerRef: string): Locator {
    return this.relationsTable.getByRole("row").filter({ hasText: upstreamRef }).filter({ hasText: consumerRef });
  }

  /** The value shown beside one metric's label, e.g. "Consumption edges". */
  metric(label: string): Locator {
    return this.metrics
      .locator("div")
      .filter({ has: this.page.getByRole("term").getByText(label, { exact: true }) })
      .getByRole("definition");
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
