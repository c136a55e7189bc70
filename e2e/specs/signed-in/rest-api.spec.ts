// The REST API as a CI pipeline uses it: a personal token made at /settings/tokens registers a product from an
// ODPS YAML file; the product shows in the catalog; Import YAML does the same in the browser with a preview; a
// consumer's token may read but not change another team's product. Runs as the podcasts owner and the consumer.
import type { APIRequest, APIRequestContext } from "@playwright/test";
import { queryOne, uniqueSuffix } from "../../db";
import { draftProductOfPodcasts } from "../../drafts";
import { DEMO_PRODUCT, expect, test } from "../../fixtures";
import { ImportPage } from "../../pages/import-page";
import { TokensPage } from "../../pages/tokens-page";

function odps(name: string, displayName: string, purpose = "Audience analytics for podcast producers.") {
  return `apiVersion: v1.0.0
kind: DataProduct
id: urn:e2e:${name}
name: ${name}
domain: podcasts
status: draft
version: 1.0.0
description:
  purpose: ${purpose}
  usage: Join on listener_id.
tags: [podcasts, e2e]
team:
  name: podcasts
customProperties:
  - property: displayName
    value: ${displayName}
outputPorts:
  - name: listening
    version: 1.0.0
    description: Minutes listened per listener and day.
`;
}

/** A request context with nothing but the token: no browser session cookies. */
async function apiWith(
  playwright: { request: APIRequest },
  baseURL: string | undefined,
  token: string,
): Promise<APIRequestContext> {
  return playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
}

test.describe("as the podcasts owner", { tag: "@as-podcasts" }, () => {
  // Registering products is the owning team's flow.

  test("creates a token, registers a product from ODPS YAML with it, finds it, then revokes the token", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const tokens = new TokensPage(page);
    await tokens.goto();
    const tokenName = `ci ${uniqueSuffix()}`;
    const token = await tokens.create(tokenName);

    const name = `api-listening-${uniqueSuffix()}`;
    const displayName = `API listening ${name.slice(-6)}`;
    const api = await apiWith(playwright, baseURL, token);
    const created = await api.put(`/api/v1/products/podcasts/${name}`, {
      headers: { "content-type": "application/yaml" },
      data: odps(name, displayName),
    });
    expect(created.status()).toBe(201);
    expect(created.headers().etag).toBe('"1"');
    // The same document again: nothing changes.
    const again = await api.put(`/api/v1/products/podcasts/${name}`, {
      headers: { "content-type": "application/yaml" },
      data: odps(name, displayName),
    });
    expect(again.status()).toBe(200);
    expect(await again.json()).toMatchObject({ revision: 1, changes: [] });
    const exported = await api.get(`/api/v1/products/podcasts/${name}/odps`);
    expect(exported.headers()["content-type"]).toContain("application/odps+yaml");
    expect(await exported.text()).toContain(`id: urn:e2e:${name}`);

    await page.goto(`/products?q=${encodeURIComponent(displayName)}`);
    await expect(page.getByRole("link", { name: displayName })).toBeVisible();
    const stored = await queryOne<{ status: string; team: string }>(
      `select p.status, t.name as team from data_products p join domains d on d.id = p.domain_id
         join teams t on t.id = p.owning_team_id where d.name = 'podcasts' and p.name = $1`,
      [name],
    );
    expect(stored).toEqual({ status: "draft", team: "podcasts" });

    await tokens.goto();
    await expect(tokens.row(tokenName).getByText("Active")).toBeVisible();
    await tokens.revoke(tokenName);
    const refused = await api.get(`/api/v1/products/podcasts/${name}`);
    expect(refused.status()).toBe(401);
    expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/);
    await api.dispose();
  });

  test("imports a YAML through the UI: preview, apply, then a change previewed as a diff", async ({ page }) => {
    const importPage = new ImportPage(page);
    const name = `imported-${uniqueSuffix()}`;
    const displayName = `Imported ${name.slice(-6)}`;
    await importPage.goto();
    await importPage.previewDocument("apiVersion: v1.0.0\nkind: DataProduct\nname: [broken");
    await expect(importPage.errors).toContainText(/line \d+/);

    await importPage.previewDocument(odps(name, displayName));
    await expect(importPage.preview).toContainText(`new product podcasts/${name}`);
    await importPage.applyButton.click();
    await expect(page).toHaveURL(new RegExp(`/products/podcasts/${name}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(displayName);

    await importPage.goto();
    await importPage.previewDocument(odps(name, displayName, "Listening habits for the editorial team."));
    await expect(importPage.preview).toContainText(`update podcasts/${name}`);
    await expect(importPage.preview.getByRole("list", { name: "Changes" })).toContainText(/purpose/i);
    await importPage.applyButton.click();
    await expect(page).toHaveURL(new RegExp(`/products/podcasts/${name}$`));
    const stored = await queryOne<{ purpose: string; revision: number }>(
      `select p.purpose, p.revision from data_products p join domains d on d.id = p.domain_id
        where d.name = 'podcasts' and p.name = $1`,
      [name],
    );
    expect(stored).toEqual({ purpose: "Listening habits for the editorial team.", revision: 2 });
  });
  test("reads the interactive API reference, served without any outside request", async ({ page, baseURL }) => {
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(baseURL!) && !request.url().startsWith("data:")) outside.push(request.url());
    });
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { level: 1, name: "REST API v1" })).toBeVisible();
    await expect(page.getByText("Hexmesh REST API").first()).toBeVisible();
    await expect(page.getByText("/api/v1/products/{domain}/{name}/odps")).toBeVisible();
    expect(outside).toEqual([]);
  });
});

test.describe("as a consumer", { tag: "@as-consumer" }, () => {
  // The consumer owns no products.

  test("may read through the API but gets 403 changing a visible product and 404 for an invisible one", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const tokens = new TokensPage(page);
    await tokens.goto();
    const token = await tokens.create(`consumer ${uniqueSuffix()}`, "7 days");
    const api = await apiWith(playwright, baseURL, token);
    const [domain, name] = DEMO_PRODUCT.ref.split("/");

    const read = await api.get(`/api/v1/products/${domain}/${name}`);
    expect(read.status()).toBe(200);
    const { revision } = await read.json();
    const forbidden = await api.put(`/api/v1/products/${domain}/${name}`, {
      headers: { "content-type": "application/yaml" },
      data: odps(name, "Hijacked"),
    });
    expect(forbidden.status()).toBe(403);
    expect(forbidden.headers()["content-type"]).toBe("application/problem+json");

    const [draftDomain, draftName] = (await draftProductOfPodcasts()).split("/");
    const hidden = await api.put(`/api/v1/products/${draftDomain}/${draftName}`, {
      headers: { "content-type": "application/yaml" },
      data: odps(draftName, "Hijacked"),
    });
    expect(hidden.status()).toBe(404);
    expect((await api.get(`/api/v1/products/${draftDomain}/${draftName}`)).status()).toBe(404);
    // Nothing changed.
    expect((await (await api.get(`/api/v1/products/${domain}/${name}`)).json()).revision).toBe(revision);
    await api.dispose();
  });
});
