import { expect, type Page, type Response } from "@playwright/test";

/** What anything the user may not see looks like: the same 404 as what does not exist. */
export async function expectNotFound(page: Page, response: Response | null): Promise<void> {
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
}
