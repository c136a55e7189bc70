// Registering and evolving a data product in the browser: the podcasts team's owner registers, publishes, makes a
// breaking change, and meets a conflict; other personas may not edit it. Runs once per demo persona, the podcasts
// owner's flows only in that persona's project (tag @as-podcasts, playwright.config.ts).
import { type Page } from "@playwright/test";
import { expectNoAccessibilityViolations } from "../../accessibility";
import { addConsumer, createTaggedProducts, query, queryOne, uniqueSuffix } from "../../db";
import { expect, test } from "../../fixtures";
import { ProductFormPage } from "../../pages/product-form-page";

/**
 * Registers a product of team podcasts through the form: two output ports (one with a three-field schema from a
 * CSV header, one from a JSON sample) and an input port consuming users/user-updates.
 */
async function register(page: Page, form: ProductFormPage, displayName: string): Promise<string> {
  await form.gotoNew();
  await form.field("Display name").fill(displayName);
  const name = await form.field("URL name").inputValue();
  await form.field("Domain").selectOption("podcasts");
  await form.field("Description").fill("Minutes listened per episode and listener, daily.");
  await form.field("Purpose").fill("Audience analytics for podcast producers.");
  await form.field("Tags").fill("podcasts, listening");
  const port = await form.addPort("Daily minutes", "daily-minutes");
  await form.startSchemaFromSample(port, "listener_id,episode_id,minutes");
  await expect(form.fieldName(port, 3)).toHaveValue("minutes");
  await port.getByLabel("Type of field 3").fill("int");
  await port.getByLabel("Field 1 is required").check();
  const second = await form.addPort("Episode totals", "episode-totals");
  await second.getByLabel("Kind").selectOption("files");
  await second.getByLabel("Format", { exact: true }).fill("parquet");
  await form.startSchemaFromSample(second, '{"episode_id": "e-1", "total_minutes": 120, "day": "2026-11-01"}');
  await expect(form.fieldName(second, 3)).toHaveValue("day");
  await form.consume("user updates", "users/user-updates", "user-profiles");
  await form.save();
  await expect(page).toHaveURL(new RegExp(`/products/podcasts/${name}$`));
  return `podcasts/${name}`;
}

test.describe("as the podcasts owner", { tag: "@as-podcasts" }, () => {
  // Registration is the owning team's flow.
  // Long flows (a registration, then edits) on a production server shared by two workers.
  test.slow();

  test("registers a draft with a port, a schema from a sample and an input, then publishes it", async ({
    page,
    productPage,
  }) => {
    const form = new ProductFormPage(page);
    const displayName = `Episode minutes ${uniqueSuffix()}`;
    const ref = await register(page, form, displayName);

    await productPage.expectShown(ref);
    await expect(productPage.heading).toHaveText(displayName);
    await expect(page.getByText("Draft").first()).toBeVisible();
    for (const field of ["listener_id", "minutes", "total_minutes", "day"]) {
      await expect(productPage.schemaField(field)).toBeVisible();
    }
    await expect(productPage.upstreamLink("users/user-updates")).toBeVisible();
    const stored = await queryOne<{ status: string; revision: number; versions: string }>(
      `select p.status, p.revision, (select count(*) from product_versions v where v.product_id = p.id) as versions
         from data_products p join domains d on d.id = p.domain_id where d.name = $1 and p.name = $2`,
      ref.split("/"),
    );
    expect(stored).toEqual({ status: "draft", revision: 1, versions: "1" });

    await page.getByRole("form", { name: "Publish" }).getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("The product is now active.")).toBeVisible();
    await page.reload();
    await expect(page.getByText("Active").first()).toBeVisible();
    // The catalog finds it by its field.
    await page.goto(`/products?q=${encodeURIComponent(displayName)}`);
    await expect(page.getByRole("link", { name: displayName })).toBeVisible();
  });

  test("shows each error next to its field and keeps what was typed", async ({ page }) => {
    const form = new ProductFormPage(page);
    await form.gotoNew();
    await form.field("Description").fill("Typed before the error.");
    const port = await form.addPort("Main", "Not A Url Name");
    await form.save();
    await expect(form.errorSummary).toContainText("Some fields need attention.");
    await expect(form.field("Display name")).toHaveAttribute("aria-invalid", "true");
    await expect(form.field("Display name")).toHaveAccessibleDescription(/Required\./);
    await expect(port.getByLabel("URL name", { exact: true })).toHaveAccessibleDescription(/lowercase letters/);
    await expect(form.field("Description")).toHaveValue("Typed before the error.");
    await expect(page).toHaveURL(/\/products\/new$/);
    // The form showing its errors, as axe-core checks it.
    await expectNoAccessibilityViolations(page);
  });

  test("a breaking change to a published port lists what breaks and needs a new major contract version", async ({
    page,
  }) => {
    const form = new ProductFormPage(page);
    const ref = await register(page, form, `Breaking minutes ${uniqueSuffix()}`);
    await page.getByRole("form", { name: "Publish" }).getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("The product is now active.")).toBeVisible();
    const [consumer] = await createTaggedProducts(`e2e-consumer-${uniqueSuffix()}`, 1);
    await addConsumer(consumer, ref, "daily-minutes");

    await form.gotoEdit(ref);
    const port = form.port(1);
    await port.getByRole("button", { name: "Remove field 2" }).click();
    await form.save();
    const warning = form.form.getByRole("alert").filter({ hasText: "This save breaks consumers" });
    await expect(warning).toContainText("Output port daily-minutes › field episode_id removed");
    await expect(warning).toContainText(`(${consumer}) reads port daily-minutes`);
    await expect(warning).toContainText("daily-minutes to 2.0.0");
    await warning.getByRole("button", { name: "Save with breaking changes" }).click();
    await expect(port.getByLabel("Contract version")).toHaveAccessibleDescription(/2\.0\.0 or later/);

    await port.getByLabel("Contract version").fill("2.0.0");
    await form.save();
    await form.form.getByRole("button", { name: "Save with breaking changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/products/${ref}$`));

    await page.getByRole("link", { name: "History" }).click();
    const latest = page.getByRole("list", { name: "Versions" }).getByRole("listitem").first();
    await expect(latest).toContainText("Revision 3");
    await expect(latest).toContainText("Breaking");
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByRole("heading", { name: "Revision 2 → 3" })).toBeVisible();
    await expect(page.getByRole("table", { name: /Differences between revision 2 and 3/ })).toContainText(
      "Output port daily-minutes › field episode_id",
    );
  });

  test("the second of two concurrent edits gets a conflict that says what changed, and keeps its edits", async ({
    page,
    browser,
  }) => {
    const form = new ProductFormPage(page);
    const ref = await register(page, form, `Conflicted minutes ${uniqueSuffix()}`);
    const other = await browser.newPage({ storageState: await page.context().storageState() });
    const otherForm = new ProductFormPage(other);
    await otherForm.gotoEdit(ref);
    await form.gotoEdit(ref);

    await otherForm.field("Purpose").fill("Their purpose.");
    await otherForm.save();
    await expect(other).toHaveURL(new RegExp(`/products/${ref}$`));

    await form.field("Usage").fill("My usage notes.");
    await form.save();
    const conflict = form.form
      .getByRole("alert")
      .filter({ hasText: "Someone else saved this product while you were editing" });
    await expect(conflict).toContainText("purpose changed");
    await expect(conflict).toContainText("Their purpose.");
    await expect(form.field("Usage")).toHaveValue("My usage notes.");
    const stored = await query<{ purpose: string; usage: string }>(
      `select p.purpose, p.usage from data_products p join domains d on d.id = p.domain_id where d.name = $1 and p.name = $2`,
      ref.split("/"),
    );
    expect(stored).toEqual([{ purpose: "Their purpose.", usage: "" }]);
    await other.close();
  });
});

test("only the owning team and admins see the edit controls of a product", async ({ page, persona }) => {
  await page.goto("/products/podcasts/podcast-listeners-demographic");
  const edit = page.getByRole("navigation", { name: "Product actions" }).getByRole("link", { name: "Edit" });
  if (persona === "podcasts" || persona === "admin") {
    await expect(edit).toBeVisible();
  } else {
    await expect(edit).toHaveCount(0);
    await page.goto("/products/podcasts/podcast-listeners-demographic/edit");
    await expect(page.getByText("You cannot edit this product")).toBeVisible();
  }
});
