// The sign-in page, before and after a failed attempt, checked by axe-core against WCAG 2.1 A and AA.
import { uniqueClientAddress } from "../../addresses";
import { expectNoAccessibilityViolations } from "../../accessibility";
import { test, WRONG_CREDENTIALS } from "../../fixtures";

test.use({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientAddress() } });

test("the sign-in page meets WCAG 2.1 AA as axe-core checks it, also showing an error", async ({
  page,
  signInPage,
}) => {
  await signInPage.goto();
  await expectNoAccessibilityViolations(page);

  await signInPage.signIn("nobody@hexmesh.local", "not-the-password");
  await signInPage.expectError(WRONG_CREDENTIALS);
  await expectNoAccessibilityViolations(page);
});
