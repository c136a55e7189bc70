import { expect, type Locator, type Page } from "@playwright/test";

/** /teams/<name>/webhooks: the team's webhooks, for its owners and platform admins. */
export class WebhooksPage {
  readonly heading: Locator;
  readonly createForm: Locator;
  readonly list: Locator;
  readonly newSecret: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Webhooks" });
    this.createForm = page.getByRole("form", { name: "New webhook" });
    this.list = page.getByRole("list", { name: "Webhooks" });
    this.newSecret = page.getByRole("textbox", { name: "Signing secret" });
  }

  async goto(team: string) {
    return this.page.goto(`/teams/${encodeURIComponent(team)}/webhooks`);
  }

  /** Creates a webhook; answers the secret shown once. */
  async create(url: string, description: string): Promise<string> {
    await this.createForm.getByLabel("Payload URL").fill(url);
    await this.createForm.getByLabel("Description").fill(description);
    await this.createForm.getByRole("button", { name: "Create webhook" }).click();
    await expect(this.newSecret).toHaveValue(/^whsec_/);
    return this.newSecret.inputValue();
  }

  webhook(url: string): Locator {
    return this.list.getByRole("listitem", { name: url });
  }

  deliveryLog(url: string): Locator {
    return this.webhook(url).getByRole("table", { name: `Latest deliveries to ${url}` });
  }
}
