// Signs each demo persona in through the sign-in page once and saves the session for the persona's project.
import { expect, test as setup } from "./fixtures";
import { DEMO_PASSWORD, PERSONA_KEYS, PERSONAS, storageStateFor } from "./personas";

for (const key of PERSONA_KEYS) {
  setup(`sign in as ${PERSONAS[key].email}`, async ({ page, signInPage, appShell }) => {
    await signInPage.goto();
    await signInPage.signIn(PERSONAS[key].email, DEMO_PASSWORD);
    await expect(page).not.toHaveURL(/\/signin/);
    await appShell.expectSignedIn();
    await page.context().storageState({ path: storageStateFor(key) });
  });
}
