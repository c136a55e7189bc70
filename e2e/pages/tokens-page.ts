import { expect, type Locator, type Page } from "@playwright/test";

/** Personal API tokens at /settings/tokens: the new-token form, the token shown once, the list with revoke. */
export class TokensPage {
  readonly heading: Locator;
  readonly nameField: Locator;
  readonly expiryField: Locator;
  readonly createButton: Locator;
  /** The read-only field holding the token just created. */
  readonly newToken: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Personal API tokens" });
    this.nameField = page.getByLabel("Token name");
    this.expiryField = page.getByLabel("Expires after");
    this.createButton = page.getByRole("button", { name: "Create token" });
    this.newToken = page.getByLabel("New API token");
    this.table = page.getByRole("table", { name: "Your personal API tokens" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/settings/tokens");
    await expect(this.heading).toBeVisible();
  }

  /** Creates a token and returns it (read from the page: it is shown once). */
  async create(name: string, expiry = "30 days"): Promise<string> {
    await this.nameField.fill(name);
    await this.expiryField.selectOption({ label: expiry });
    await this.createButton.click();
    await expect(this.newToken).toHaveValue(/^hxm_[0-9A-Za-z]{32,}$/);
    return this.newToken.inputValue();
  }

  row(name: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }

  async revoke(name: string): Promise<void> {
    await this.row(name)
      .getByRole("button", { name: `Revoke token ${name}` })
      .click();
    await this.row(name)
      .getByRole("button", { name: `Confirm revoking ${name}` })
      .click();
    await expect(this.row(name).getByText("Revoked")).toBeVisible();
  }
}
