import { expect, type Locator, type Page } from "@playwright/test";

/** The registration form at /products/new and /products/<domain>/<name>/edit. */
export class ProductFormPage {
  readonly form: Locator;
  readonly errorSummary: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: /Register a data product|Edit data product/ });
    this.errorSummary = this.form.getByRole("alert").first();
  }

  async gotoNew(): Promise<void> {
    await this.page.goto("/products/new");
    await expect(this.page.getByRole("heading", { level: 1, name: "Register a data product" })).toBeVisible();
  }

  async gotoEdit(ref: string): Promise<void> {
    await this.page.goto(`/products/${ref}/edit`);
    await expect(this.form).toBeVisible();
  }

  /** A labelled input of the basics section, e.g. "Display name". */
  field(label: string): Locator {
    return this.form.getByRole("region", { name: "Basics" }).getByLabel(label, { exact: true });
  }

  /** The card of output port `n` (1-based). */
  port(n: number): Locator {
    return this.form.getByRole("region", { name: new RegExp(`^Output port ${n}\\b`) });
  }

  async addPort(displayName: string, name: string): Promise<Locator> {
    const count = await this.form.getByRole("region", { name: /^Output port \d+/ }).count();
    await this.form.getByRole("button", { name: "Add output port" }).click();
    const port = this.port(count + 1);
    await port.getByLabel("Display name", { exact: true }).fill(displayName);
    await port.getByLabel("URL name", { exact: true }).fill(name);
    return port;
  }

  /** Fills a port's schema from a CSV header or JSON sample. */
  async startSchemaFromSample(port: Locator, sample: string): Promise<void> {
    await port.getByText("Start from a sample", { exact: true }).click();
    await port.getByLabel(/Paste a JSON object/).fill(sample);
    await port.getByRole("button", { name: "Use these fields" }).click();
  }

  /** The input holding the name of field `n` (1-based) of a port. */
  fieldName(port: Locator, n: number): Locator {
    return port.getByLabel(`Name of field ${n}`, { exact: true });
  }

  async consume(search: string, upstreamRef: string, portName: string): Promise<void> {
    await this.form.getByLabel("Consume an output port").fill(search);
    await this.form.getByRole("button", { name: `Add ${upstreamRef} › ${portName} as an input` }).click();
  }

  async save(): Promise<void> {
    await this.form.getByRole("button", { name: /^(Save draft|Save changes)$/ }).click();
  }
}
