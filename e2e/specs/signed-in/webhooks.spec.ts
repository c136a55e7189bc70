// Team webhooks (issue 5 item 5): an owner of team users adds a webhook pointing at a receiver started by the
// test, sends a test event, and the receiver gets a CloudEvent signed with the secret shown once; the delivery log
// says delivered. Others cannot manage the team's webhooks.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookSignature } from "../../../lib/webhooks/signature";
import { query, uniqueSuffix } from "../../db";
import { expect, test } from "../../fixtures";
import { expectNotFound } from "../../pages/not-found";
import { WebhooksPage } from "../../pages/webhooks-page";
import { PERSONAS } from "../../personas";

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local receiver on a random port that answers 204 and keeps what it got. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body });
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url, received, stop };
}

test.describe("team webhooks", () => {
  test(
    "an owner creates a webhook, sends a test event that arrives signed, and deletes it",
    { tag: "@as-users" },
    async ({ page }) => {
      test.slow();
      // Runs as users@hexmesh.local, owner of team users.
      const receiver = await startReceiver();
      const path = `/hooks/${uniqueSuffix()}`;
      const url = `${receiver.url}${path}`;
      const webhooks = new WebhooksPage(page);
      try {
        await page.goto("/teams/users");
        await page.getByRole("link", { name: "Manage webhooks" }).click();
        await expect(webhooks.heading).toBeVisible();

        // A URL that is not http(s) is refused next to its field.
        await webhooks.createForm.getByLabel("Payload URL").fill("ftp://example.com/x");
        await webhooks.createForm.getByRole("button", { name: "Create webhook" }).click();
        const urlField = webhooks.createForm.getByLabel("Payload URL");
        await expect(urlField).toHaveAttribute("aria-invalid", "true");
        await expect(urlField).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
        // So is the cloud metadata service (webhooks reach public addresses and the networks allowed).
        await urlField.fill("http://169.254.169.254/latest/meta-data");
        await webhooks.createForm.getByRole("button", { name: "Create webhook" }).click();
        await expect(urlField).toHaveAccessibleDescription(/169\.254\.169\.254 is in a link-local network/);

        const secret = await webhooks.create(url, "E2E receiver");
        const item = webhooks.webhook(url);
        await expect(item).toBeVisible();
        await expect(item).toContainText("E2E receiver");
        await expect(item).toContainText("Enabled");

        await item.getByRole("button", { name: "Send a test event" }).click();
        await expect(item.getByRole("status")).toContainText("Test event queued");

        // The job worker of the app delivers it.
        await expect.poll(() => receiver.received.filter((r) => r.path === path).length, { timeout: 30_000 }).toBe(1);
        const request = receiver.received.find((r) => r.path === path)!;
        expect(request.headers["content-type"]).toBe("application/cloudevents+json");
        expect(
          verifyWebhookSignature({ headers: request.headers as Record<string, string>, body: request.body, secret }),
        ).toEqual({ ok: true });
        const event = JSON.parse(request.body);
        expect(event).toMatchObject({
          specversion: "1.0",
          type: "com.hexmesh.webhook.test",
          subject: "team:users",
          datacontenttype: "application/json",
        });
        expect(request.headers["webhook-id"]).toBe(event.id);

        await expect
          .poll(
            async () => {
              await page.reload();
              return webhooks.deliveryLog(url).getByRole("row").nth(1).innerText();
            },
            { timeout: 20_000 },
          )
          .toMatch(/com\.hexmesh\.webhook\.test\s+delivered\s+1\s+204/);

        // Disable, then delete after confirming.
        await item.getByRole("button", { name: "Disable" }).click();
        await expect(item).toContainText("Disabled");
        await expect(item.getByRole("button", { name: "Send a test event" })).toBeDisabled();
        await item.getByRole("button", { name: `Delete webhook ${url}` }).click();
        await item.getByRole("button", { name: "Confirm delete" }).click();
        await expect(webhooks.webhook(url)).toHaveCount(0);
        expect(await query("select 1 from team_webhooks where url = $1", [url])).toEqual([]);

        const events = await query<{ action: string; actor_email: string }>(
          `select action, actor_email from audit_events where entity_ref = 'team:users'
           and (after->>'url' = $1 or before->>'url' = $1) order by id`,
          [url],
        );
        expect(events.map((e) => e.action)).toEqual([
          "team.webhook_created",
          "team.webhook_test_sent",
          "team.webhook_disabled",
          "team.webhook_deleted",
        ]);
        expect(new Set(events.map((e) => e.actor_email))).toEqual(new Set([PERSONAS.users.email]));
      } finally {
        await query("delete from team_webhooks where url = $1", [url]);
        await receiver.stop();
      }
    },
  );

  test("a member of another team cannot manage team users' webhooks", { tag: "@as-consumer" }, async ({ page }) => {
    // Runs as consumer@hexmesh.local, not in team users.
    const webhooks = new WebhooksPage(page);
    await page.goto("/teams/users");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Manage webhooks" })).toHaveCount(0);
    await webhooks.goto("users");
    await expect(page.getByText("You cannot manage this team's webhooks")).toBeVisible();
    await expect(webhooks.createForm).toHaveCount(0);
    await expectNotFound(page, await webhooks.goto("no-such-team-e2e"));
  });
});
