// Catalog search at /products. Runs once per demo persona.
import { createTaggedProducts, deleteTaggedProducts, uniqueSuffix } from "../../db";
import { draftProductOfPodcasts, seesDraftsOfPodcasts } from "../../drafts";
import { DEMO_PRODUCT, expect, test } from "../../fixtures";

test("searching a field name finds the product that has it, and says which field matched", async ({
  page,
  catalogPage,
  productPage,
}) => {
  await page.goto("/products");
  await catalogPage.search("age_band");
  await expect(page).toHaveURL(/\/products\?q=age_band$/);
  expect(await catalogPage.resultRefs()).toContain(DEMO_PRODUCT.ref);
  const row = catalogPage.productRow(DEMO_PRODUCT.ref);
  await expect(row).toContainText("Matching field: age_band");

  await catalogPage.productLink(DEMO_PRODUCT.ref).click();
  await productPage.expectShown(DEMO_PRODUCT.ref);
  // The URL held the search: back returns to it.
  await page.goBack();
  await expect(catalogPage.searchBox).toHaveValue("age_band");
  expect(await catalogPage.resultRefs()).toContain(DEMO_PRODUCT.ref);
});

test("a typo in a product name still finds it, best match first", async ({ page, catalogPage }) => {
  await page.goto("/products?q=podcast+listners+demografic");
  expect((await catalogPage.resultRefs())[0]).toBe(DEMO_PRODUCT.ref);
});

test("the domain facet narrows the results to that domain and can be cleared", async ({ page, catalogPage }) => {
  await page.goto("/products");
  const users = catalogPage.facet("Domain", "Users");
  await users.check();
  await expect(page).toHaveURL(/[?&]domain=users(&|$)/);
  await expect(catalogPage.facet("Domain", "Users")).toBeChecked();
  const refs = await catalogPage.resultRefs();
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of refs) expect(ref).toMatch(/^users\//);
  await expect(catalogPage.summary).toContainText(`${refs.length} product`);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/products$/);
  await expect(catalogPage.facet("Domain", "Users")).not.toBeChecked();
});

test("pages move forward and back through the results", async ({ page, catalogPage }) => {
  const tag = `e2e-paging-${uniqueSuffix()}`;
  const refs = await createTaggedProducts(tag, 30);
  try {
    await page.goto(`/products?tag=${tag}`);
    await expect(catalogPage.summary).toContainText("30 products");
    const first = await catalogPage.resultRefs();
    expect(first).toEqual(refs.slice(0, 25));

    await catalogPage.pages.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/after=/);
    await expect.poll(() => catalogPage.resultRefs()).toEqual(refs.slice(25));
    await expect(catalogPage.pages.getByText("Next")).toHaveAttribute("aria-disabled", "true");

    await catalogPage.pages.getByRole("link", { name: "Previous" }).click();
    await expect(page).toHaveURL(/before=/);
    await expect.poll(() => catalogPage.resultRefs()).toEqual(first);
  } finally {
    await deleteTaggedProducts(tag);
  }
});

test("retired products are hidden until asked for", async ({ page, catalogPage }) => {
  const tag = `e2e-retired-${uniqueSuffix()}`;
  const [retired] = await createTaggedProducts(tag, 1, { status: "retired" });
  try {
    await page.goto(`/products?tag=${tag}`);
    await expect(page.getByText("No data products match these filters")).toBeVisible();
    await expect(catalogPage.summary).toContainText("1 retired product hidden");
    await page.getByRole("link", { name: "Include retired products" }).click();
    await expect(page).toHaveURL(/status=retired/);
    await expect.poll(() => catalogPage.resultRefs()).toEqual([retired]);
  } finally {
    await deleteTaggedProducts(tag);
  }
});

test("a search without results says so and offers a way out", async ({ page, catalogPage }) => {
  await page.goto("/products");
  await catalogPage.search(`nothing-like-this-${uniqueSuffix()}`);
  await expect(page.getByText(/^No data products match “nothing-like-this-/)).toBeVisible();
  await page.getByRole("link", { name: "Clear the search" }).click();
  await expect(page).toHaveURL(/\/products$/);
  await expect(catalogPage.searchBox).toHaveValue("");
  await expect.poll(async () => (await catalogPage.resultRefs()).length).toBeGreaterThan(0);
});

test("`/` focuses the search box from anywhere on the page", async ({ page, catalogPage }) => {
  await page.goto("/products");
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("/");
  await expect(catalogPage.searchBox).toBeFocused();
  await page.keyboard.type("listener");
  await expect(catalogPage.searchBox).toHaveValue("listener");
});

test("a draft of team podcasts is found only by its team, admins and governance", async ({
  page,
  persona,
  catalogPage,
}) => {
  const ref = await draftProductOfPodcasts();
  const name = ref.split("/")[1];
  await page.goto(`/products?q=${name}&status=draft`);
  if (seesDraftsOfPodcasts(persona!)) {
    expect(await catalogPage.resultRefs()).toContain(ref);
    await expect(catalogPage.facet("Lifecycle status", "Draft")).toBeChecked();
  } else {
    expect(await catalogPage.resultRefs()).not.toContain(ref);
    // Nor is it counted: the consumer's team has no drafts, so the selected status shows none.
    if (persona === "consumer") {
      await expect(catalogPage.filters.getByRole("checkbox", { name: "Draft 0" })).toBeChecked();
    }
  }
});
