// Single sign-on through a real OpenID Provider (e2e/oidc/provider.mjs, started by playwright.config.ts).
import type { Page } from "@playwright/test";
import { query, queryOne, uniqueSuffix, userByEmail } from "../../db";
import { expect, test } from "../../fixtures";
import type { SignInPage } from "../../pages/sign-in-page";
import { PERSONAS } from "../../personas";

const SSO_NAME = "Hexmesh SSO";
const OIDC_ISSUER = "http://localhost:3901";

/** From the portal's sign-in page through the provider's login and consent pages back into the portal. */
async function signInWithSso(page: Page, signInPage: SignInPage, login: string): Promise<void> {
  await signInPage.goto();
  await signInPage.ssoButton(SSO_NAME).click();

  await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/interaction/`));
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();

  await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(/^http:\/\/localhost:3100\/(?!signin)/);
}

test.describe("single sign-on (OIDC)", () => {
  test("the first SSO sign-in creates the user as a member", async ({ page, signInPage, appShell }) => {
    const email = `sso.user-${uniqueSuffix()}@hexmesh.local`;

    await signInWithSso(page, signInPage, email);

    const user = await userByEmail(email);
    expect(user).toMatchObject({ email, role: "member", disabled_at: null });
    const menu = await appShell.openUserMenu();
    await expect(menu).toContainText(user!.name);
    await expect(menu).toContainText(email);
    await expect(menu.getByRole("definition").filter({ hasText: /^Member$/ })).toBeVisible();

    const links = await query<{ provider: string; subject: string }>(
      "select provider, subject from sso_accounts where user_id = $1",
      [user!.id],
    );
    expect(links).toEqual([{ provider: "oidc", subject: email }]);
    const { password_hash } = await queryOne<{ password_hash: string | null }>(
      "select password_hash from users where id = $1",
      [user!.id],
    );
    expect(password_hash).toBeNull();
    const actions = await query<{ action: string }>(
      "select action from audit_events where entity_ref = $1 order by id",
      [`user:${email}`],
    );
    expect(actions.map((a) => a.action)).toEqual(["user.created", "user.sso_linked", "user.signed_in"]);
  });

  test("an SSO sign-in with the email of an existing account signs into that account", async ({
    page,
    signInPage,
    appShell,
  }) => {
    const { email } = PERSONAS.users;
    const existing = await userByEmail(email);
    expect(existing).toBeDefined();

    await signInWithSso(page, signInPage, email);

    const menu = await appShell.openUserMenu();
    await expect(menu).toContainText(existing!.name);
    const { n } = await queryOne<{ n: number }>("select count(*)::int as n from users where email = $1", [email]);
    expect(n).toBe(1);
    const links = await query<{ user_id: string }>(
      "select user_id from sso_accounts where provider = 'oidc' and subject = $1",
      [email],
    );
    expect(links).toEqual([{ user_id: existing!.id }]);
    const [lastSignIn] = await query<{ after: { method?: string } }>(
      "select after from audit_events where entity_ref = $1 and action = 'user.signed_in' order by id desc limit 1",
      [`user:${email}`],
    );
    expect(lastSignIn.after.method).toBe("oidc");
  });
});
