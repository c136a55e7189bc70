import { expect, type Locator, type Page } from "@playwright/test";

/** The frame around every signed-in page: product name, navigation, user menu. */
export class AppShell {
  readonly navigation: Locator;
  /** The disclosure that opens the user menu (labelled "Account menu for <name>"). */
  readonly userMenuButton: Locator;
  /** The user menu: name, email, global role, teams, theme and sign out. */
  readonly userMenu: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole("navigation", { name: "Main" });
    this.userMenuButton = page.getByLabel(/^Account menu for /);
    this.userMenu = page.getByRole("group").filter({ has: this.userMenuButton });
    this.signOutButton = this.userMenu.getByRole("button", { name: "Sign out" });
  }

  async expectSignedIn(): Promise<void> {
    await expect(this.userMenuButton).toBeVisible();
  }

  /** Opens the menu unless it is open already (a second click would close it). */
  async openUserMenu(): Promise<Locator> {
    if (!(await this.signOutButton.isVisible())) await this.userMenuButton.click();
    await expect(this.signOutButton).toBeVisible();
    return this.userMenu;
  }

  async signOut(): Promise<void> {
    await this.openUserMenu();
    await this.signOutButton.click();
    await expect(this.page).toHaveURL(/\/signin/);
  }
}
