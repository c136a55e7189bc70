import { expect, type Locator, type Page, type Response } from "@playwright/test";

/** The mesh graph at /mesh: the graph, its side panel, the relations table and the metrics. */
export class MeshPage {
  readonly heading: Locator;
  readonly graph: Locator;
  readonly sidePanel: Locator;
  readonly relationsTable: Locator;
  readonly metrics: Locator;
  readonly findInput: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Mesh" });
    this.graph = page.getByRole("region", { name: "Mesh graph" });
    this.sidePanel = page.getByRole("complementary", { name: "Selected product" });
    this.relationsTable = page.getByRole("table", { name: "Consumption relations between data products" });
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

  /** The hexagon of a product on the graph, named "<display name> (<domain>/<name>)". */
  productNode(displayName: string, ref: string): Locator {
    return this.graph.getByRole("button", { name: `${displayName} (${ref})`, exact: true });
  }

  /** A row of the relations table: upstream ref → port → consuming ref. */
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
