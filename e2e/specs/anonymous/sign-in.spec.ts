import { uniqueClientAddress } from "../../addresses";
import { createUser, query, userByEmail, uniqueSuffix } from "../../db";
import { ACCOUNT_DISABLED, expect, test, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "../../fixtures";
import { DEMO_PASSWORD, PERSONAS } from "../../personas";

test.describe("signing in with a password", () => {
  test("an anonymous visitor of the catalog is sent to sign in, and back to the catalog after", async ({
    page,
    signInPage,
    catalogPage,
    appShell,
  }) => {
    await page.goto("/products");
    await signInPage.expectShown();
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/products");

    await signInPage.signIn(PERSONAS.consumer.email, DEMO_PASSWORD);
    await catalogPage.expectShown();
    await appShell.expectSignedIn();
  });

  test.describe("with wrong credentials", () => {
    test.use({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientAddress() } });

    test("a wrong password and an unknown email get the same answer", async ({ signInPage }) => {
      const user = await createUser({ label: "wrong-password" });

      await signInPage.goto();
      await signInPage.signIn(user.email, "not-the-password");
      await signInPage.expectError(WRONG_CREDENTIALS);

      await signInPage.goto();
      await signInPage.signIn(`nobody-${uniqueSuffix()}@example.test`, "not-the-password");
      await signInPage.expectError(WRONG_CREDENTIALS);
    });

    test("after five failed attempts even the right password is refused for a while", async ({ signInPage }) => {
      const user = await createUser({ label: "throttled" });

      await signInPage.goto();
      for (let attempt = 1; attempt <= 5; attempt++) {
        await signInPage.signIn(user.email, `wrong-${attempt}`);
        await signInPage.expectError(WRONG_CREDENTIALS);
      }
      await signInPage.signIn(user.email, user.password);
      await signInPage.expectError(TOO_MANY_ATTEMPTS);

      const [row] = await query<{ last_sign_in_at: Date | null }>(
        "select last_sign_in_at from users where email = $1",
        [user.email],
      );
      expect(row.last_sign_in_at).toBeNull();
    });
  });
});

test.describe("disabled accounts", () => {
  test("a disabled user cannot sign in", async ({ signInPage }) => {
    const user = await createUser({ label: "disabled" });
    await query("update users set disabled_at = now() where id = $1", [user.id]);

    await signInPage.goto();
    await signInPage.signIn(user.email, user.password);
    await signInPage.expectError(ACCOUNT_DISABLED);
    expect((await userByEmail(user.email))?.disabled_at).not.toBeNull();
  });

  test("a user's session ends when the user is disabled", async ({ page, signInPage, catalogPage, appShell }) => {
    const user = await createUser({ label: "session-ends" });
    await signInPage.goto("/products");
    await signInPage.signIn(user.email, user.password);
    await catalogPage.expectShown();
    await appShell.expectSignedIn();

    await query("update users set disabled_at = now() where id = $1", [user.id]);

    await page.reload();
    await signInPage.expectShown();
    await page.goto("/products");
    await signInPage.expectShown();
  });
});
