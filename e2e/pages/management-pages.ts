import { expect, type Locator, type Page } from "@playwright/test";

/** The "Manage members" section of /teams/<name>, shown to the team's owners and platform admins. */
export class TeamMembersManagement {
  readonly heading: Locator;
  readonly list: Locator;
  readonly addForm: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 2, name: "Manage members" });
    this.list = page.getByRole("list", { name: "Member roles" });
    this.addForm = page.getByRole("form", { name: "Add a member" });
  }

  async goto(team: string): Promise<void> {
    await this.page.goto(`/teams/${encodeURIComponent(team)}`);
  }

  async addMember(email: string, role: "member" | "owner" = "member"): Promise<void> {
    await this.addForm.getByLabel("Email", { exact: true }).fill(email);
    await this.addForm.getByLabel("Role", { exact: true }).selectOption(role);
    await this.addForm.getByRole("button", { name: "Add member" }).click();
    await expect(this.addForm.getByRole("status")).toHaveText(`Added ${email} to the team.`);
  }

  removeButton(email: string): Locator {
    return this.list.getByRole("button", { name: `Remove ${email} from the team` });
  }

  roleSelect(email: string): Locator {
    return this.list.getByLabel(`Role of ${email}`, { exact: true });
  }
}

/** /teams/new and /domains/new (platform admins). */
export class CreationForms {
  constructor(readonly page: Page) {}

  teamForm(): Locator {
    return this.page.getByRole("form", { name: "New team" });
  }

  domainForm(): Locator {
    return this.page.getByRole("form", { name: "New domain" });
  }
}

/** The "Manage this domain" section of /domains/<name>, shown to the domain's owners and platform admins. */
export class DomainManagement {
  readonly heading: Locator;
  readonly sourceSystemForm: Locator;
  readonly subDomainForm: Locator;
  readonly descriptionForm: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 2, name: "Manage this domain" });
    this.sourceSystemForm = page.getByRole("form", { name: "Register a source system" });
    this.subDomainForm = page.getByRole("form", { name: /^Create a sub-domain of / });
    this.descriptionForm = page.getByRole("form", { name: "Edit the description" });
  }

  sourceSystems(): Locator {
    return this.page.getByRole("list", { name: "Source systems" });
  }
}
