import { expect, type Locator, type Page } from "@playwright/test";

/** The access request form of an output port, and the Access page (inbox, requests, grants). */
export class AccessPage {
  constructor(readonly page: Page) {}

  /** From the product page: the port's "Request access" link opens the form. */
  async openRequestForm(productRef: string, portDisplayName: string): Promise<void> {
    await this.page.goto(`/products/${productRef}`);
    await this.page.getByRole("link", { name: `Request access to ${portDisplayName}`, exact: true }).click();
    await expect(
      this.page.getByRole("heading", { level: 1, name: `Request access to ${portDisplayName}` }),
    ).toBeVisible();
  }

  /** Fills and sends the request form; returns the new request's id (from the URL of the Access page). */
  async submitRequest(values: {
    /** The team's URL name. */ team: string;
    purpose: string;
    use: string;
  }): Promise<string> {
    await this.page.getByLabel("On behalf of").selectOption({ value: values.team });
    await this.page.getByLabel("Purpose").fill(values.purpose);
    await this.page.getByRole("radio", { name: values.use }).check();
    await this.page.getByRole("button", { name: "Send request" }).click();
    await expect(this.page).toHaveURL(/\/access\?submitted=/);
    const id = new URL(this.page.url()).searchParams.get("submitted");
    if (!id) throw new Error("no request id in the URL");
    return id;
  }

  async goto(): Promise<void> {
    await this.page.goto("/access");
    await expect(this.page.getByRole("heading", { level: 1, name: "Access" })).toBeVisible();
  }

  /** A request in any list of the page (inbox or own requests), by id. */
  request(id: string): Locator {
    return this.page.locator(`[id="request-${id}"]`);
  }

  grant(id: string): Locator {
    return this.page.locator(`[id="grant-${id}"]`);
  }

  /**
   * Reloads the Access page until the grant shows the provisioning state (the job runs after the commit). Polling a
   * page the user would reload too, not a timing assertion.
   */
  async waitForProvisioning(grantId: string, label: string): Promise<void> {
    await expect(async () => {
      await this.page.reload();
      await expect(this.grant(grantId).getByText(label, { exact: true })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  }

  /** The "How to connect" details of a provisioned grant. */
  async connectionOf(
    grantId: string,
  ): Promise<{ host: string; database: string; table: string; role: string; password: string }> {
    const grant = this.grant(grantId);
    await grant.getByText("How to connect").click();
    const details = grant.getByRole("definition");
    const value = async (term: string) => {
      const terms = await grant.getByRole("term").allInnerTexts();
      return (await details.nth(terms.indexOf(term)).innerText()).trim();
    };
    return {
      host: await value("Host"),
      database: await value("Database"),
      table: await value("Table"),
      role: await value("Role"),
      password: await value("Password"),
    };
  }
}
