// The `test` every spec uses: Playwright's, plus the persona a project runs as and the page objects.
import { test as base, expect } from "@playwright/test";
import { AdminPage } from "./pages/admin-page";
import { AppShell } from "./pages/app-shell";
import { CatalogPage } from "./pages/catalog-page";
import { ProductPage } from "./pages/product-page";
import { SignInPage } from "./pages/sign-in-page";
import type { PersonaKey } from "./personas";

export interface TestOptions {
  /** The demo persona whose saved session the project uses; null for anonymous visitors. */
  persona: PersonaKey | null;
}

interface PageObjects {
  signInPage: SignInPage;
  appShell: AppShell;
  catalogPage: CatalogPage;
  productPage: ProductPage;
  adminPage: AdminPage;
}

export const test = base.extend<TestOptions & PageObjects>({
  persona: [null, { option: true }],
  signInPage: async ({ page }, provide) => provide(new SignInPage(page)),
  appShell: async ({ page }, provide) => provide(new AppShell(page)),
  catalogPage: async ({ page }, provide) => provide(new CatalogPage(page)),
  productPage: async ({ page }, provide) => provide(new ProductPage(page)),
  adminPage: async ({ page }, provide) => provide(new AdminPage(page)),
});

export { expect };

/** The product every demo persona can see, and what its page must show (issue 2). */
export const DEMO_PRODUCT = {
  ref: "podcasts/podcast-listeners-demographic",
  fields: ["listener_id", "age_band"],
  upstreamRef: "users/user-updates",
} as const;

export const WRONG_CREDENTIALS = "The email or password is not correct.";
export const TOO_MANY_ATTEMPTS = /Too many failed attempts/;
export const ACCOUNT_DISABLED = /This account is disabled/;
