import { expect, type Locator, type Page } from "@playwright/test";

/** Import YAML at /products/import: paste or upload a descriptor, preview, apply. */
export class ImportPage {
  readonly heading: Locator;
  readonly document: Locator;
  readonly previewButton: Locator;
  readonly preview: Locator;
  readonly applyButton: Locator;
  readonly errors: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Import YAML" });
    this.document = page.getByLabel(/Or paste the document/);
    this.previewButton = page.getByRole("button", { name: "Preview" });
    this.preview = page.getByRole("region", { name: /^Preview/ });
    this.applyButton = page.getByRole("button", { name: "Apply" });
    this.errors = page.locator("#import-errors");
  }

  async goto(): Promise<void> {
    await this.page.goto("/products/import");
    await expect(this.heading).toBeVisible();
  }

  async previewDocument(text: string): Promise<void> {
    await this.document.fill(text);
    await this.previewButton.click();
  }
}
