import { expect, type Locator, type Page } from "@playwright/test";

export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email");
    this.password = page.getByLabel("Password");
    this.submit = page.getByRole("button", { name: "Sign in", exact: true });
    this.alert = page.getByRole("alert").filter({ hasText: /\S/ });
  }

  async goto(callbackUrl?: string): Promise<void> {
    await this.page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
    await this.expectShown();
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/signin(\?|$)/);
    await expect(this.email).toBeVisible();
  }

  /** Fills and submits the form, and waits for the server's answer; the caller asserts where that leads. */
  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    const answered = this.page.waitForResponse(
      (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/signin",
    );
    await this.submit.click();
    await answered;
  }

  ssoButton(displayName: string): Locator {
    return this.page.getByRole("button", { name: `Sign in with ${displayName}` });
  }

  /** After a refused attempt: the form was reset (so the answer has been rendered) and says why. */
  async expectError(message: string | RegExp): Promise<void> {
    await expect(this.password).toHaveValue("");
    await expect(this.alert).toContainText(message);
    await expect(this.page).toHaveURL(/\/signin/);
  }
}
