import { expect, type Locator, type Page, type Response } from "@playwright/test";
import type { GlobalRole } from "../personas";

/** User administration at /admin (platform admins only). */
export class AdminPage {
  readonly heading: Locator;
  readonly usersTable: Locator;
  readonly searchBox: Locator;

  constructor(readonly page: Page) {
    this.searchBox = page.getByRole("searchbox", { name: "Search users" });
    this.heading = page.getByRole("heading", { level: 1, name: "Users" });
    this.usersTable = page.getByRole("table", { name: "Users of Hexmesh" });
  }

  goto(): Promise<Response | null> {
    return this.page.goto("/admin");
  }

  /** Searches the list for one user by email, through the search box, as an admin with many users would. */
  async findUser(email: string): Promise<void> {
    await this.goto();
    await this.expectShown();
    await this.searchBox.fill(email);
    await this.searchBox.press("Enter");
    await expect(this.page).toHaveURL(`/admin?q=${encodeURIComponent(email)}`);
    await expect(this.usersTable.getByRole("row")).toHaveCount(2);
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/admin(\?.*)?$/);
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
