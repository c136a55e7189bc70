// What each persona may see; what it may not see does not exist for it (404). Runs once per demo persona.
import { draftProductOfPodcasts, seesDraftsOfPodcasts } from "../../drafts";
import { expect, test } from "../../fixtures";
import { expectNotFound } from "../../pages/not-found";
import { PERSONAS } from "../../personas";

test("/admin exists only for platform admins", async ({ page, persona, adminPage }) => {
  const response = await adminPage.goto();
  if (PERSONAS[persona!].role === "admin") {
    expect(response?.status()).toBe(200);
    await adminPage.expectShown();
  } else {
    await expectNotFound(page, response);
  }
});

test("a draft product of team podcasts is visible only to its team, admins and governance", async ({
  page,
  persona,
  productPage,
}) => {
  const ref = await draftProductOfPodcasts();
  const response = await productPage.goto(ref);
  if (seesDraftsOfPodcasts(persona!)) {
    expect(response?.status()).toBe(200);
    await productPage.expectShown(ref);
    await expect(page.getByText(/draft/i).first()).toBeVisible();
  } else {
    await expectNotFound(page, response);
  }
});
