import { expect, type Locator, type Page, type Response } from "@playwright/test";
import type { GlobalRole } from "../personas";

/** User administration at /admin (platform admins only). */
export class AdminPage {
  readonly heading: Locator;
  readonly usersTable: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Users" });
    this.usersTable = page.getByRole("table", { name: "Users of Hexmesh" });
  }

  goto(): Promise<Response | null> {
    return this.page.goto("/admin");
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/admin$/);
    await expect(this.heading).toBeVisible();
    await expect(this.usersTable).toBeVisible();
  }

  /** The table row of one user, found by email. */
  userRow(email: string): Locator {
    return this.usersTable.getByRole("row").filter({ has: this.page.getByText(email, { exact: true }) });
  }

  roleSelect(userName: string): Locator {
    return this.page.getByLabel(`Global role of ${userName}`, { exact: true });
  }

  async changeRole(userName: string, role: GlobalRole): Promise<void> {
    await this.roleSelect(userName).selectOption(role);
    await this.page.getByRole("button", { name: `Save the role of ${userName}`, exact: true }).click();
  }

  disableButton(userName: string): Locator {
    return this.page.getByRole("button", { name: `Disable ${userName}`, exact: true });
  }

  enableButton(userName: string): Locator {
    return this.page.getByRole("button", { name: `Enable ${userName}`, exact: true });
  }
}
