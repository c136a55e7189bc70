// User administration by the platform admin (project admin only).
import { auditEventsFor, createUser, userByEmail } from "../../db";
import { ACCOUNT_DISABLED, expect, test } from "../../fixtures";
import { SignInPage } from "../../pages/sign-in-page";
import { PERSONAS } from "../../personas";

test.describe("user administration", () => {
  test("the admin changes a user's role; the user row and an audit event record it", async ({ adminPage }) => {
    const user = await createUser({ label: "role-change" });

    await adminPage.findUser(user.email);
    await expect(adminPage.userRow(user.email)).toContainText("Enabled");
    await adminPage.changeRole(user.name, "governance");
    await expect(adminPage.userRow(user.email).getByRole("status").first()).toHaveText(/^Role changed to/);
    await expect(adminPage.roleSelect(user.name)).toHaveValue("governance");

    await expect.poll(async () => (await userByEmail(user.email))?.role).toBe("governance");
    const events = await auditEventsFor(`user:${user.email}`);
    expect(events.filter((event) => event.action === "user.role_changed")).toEqual([
      expect.objectContaining({
        actor_email: PERSONAS.admin.email,
        before: { role: "member" },
        after: { role: "governance" },
        request_id: expect.any(String),
      }),
    ]);
  });

  test("the admin disables a user: the user's session ends and the user cannot sign in again", async ({
    browser,
    adminPage,
  }) => {
    const user = await createUser({ label: "disable" });
    const userContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const userPage = await userContext.newPage();
    const userSignIn = new SignInPage(userPage);
    await userSignIn.goto("/products");
    await userSignIn.signIn(user.email, user.password);
    await expect(userPage).toHaveURL(/\/products$/);

    await adminPage.findUser(user.email);
    await adminPage.disableButton(user.name).click();
    await expect(adminPage.enableButton(user.name)).toBeVisible();
    await expect(adminPage.userRow(user.email)).toContainText("Disabled");
    await expect.poll(async () => (await userByEmail(user.email))?.disabled_at).not.toBeNull();
    const events = await auditEventsFor(`user:${user.email}`);
    expect(events.filter((event) => event.action === "user.disabled")).toEqual([
      expect.objectContaining({ actor_email: PERSONAS.admin.email, before: { disabledAt: null } }),
    ]);

    await userPage.reload();
    await userSignIn.expectShown();
    await userSignIn.signIn(user.email, user.password);
    await userSignIn.expectError(ACCOUNT_DISABLED);
    await userContext.close();
  });
});
