// Access requests end to end (issue 5): the consumer asks for read access to an output port served from the demo
// warehouse, the owning team approves it from its inbox, the grant is provisioned for real in PostgreSQL (a connection
// as the consumer team's role can SELECT), then revoked (the same SELECT is refused). Runs as
// consumer@hexmesh.local, with podcasts@hexmesh.local and users@hexmesh.local in browser contexts of their own.
import pg from "pg";
import { expect, test } from "../../fixtures";
import { AccessPage } from "../../pages/access-page";
import { auditEventsFor, query, queryOne } from "../../db";
import { storageStateFor } from "../../personas";

const PRODUCT = "podcasts/podcast-listeners-demographic";
const PORT = "Listeners demographic";
const CONSUMER_TEAM = "marketing-analytics";

/** Ends what earlier runs left: an open request or an active grant of marketing-analytics on the port. */
async function clearEarlierAccess(): Promise<void> {
  const target = `select op.id from output_ports op join data_products p on p.id = op.product_id
     join domains d on d.id = p.domain_id where d.name = 'podcasts' and p.name = 'podcast-listeners-demographic'
       and op.name = 'listeners-demographic'`;
  const team = `select id from teams where name = 'marketing-analytics'`;
  await query(
    `update access_requests set status = 'withdrawn', decided_at = now(), version = version + 1
      where status = 'pending' and output_port_id = (${target}) and consumer_team_id = (${team})`,
  );
  const ended = await query<{ id: string }>(
    `update grants set status = 'relinquished', revoked_at = now(), version = version + 1,
            provisioning_state = 'pending'
      where status = 'active' and output_port_id = (${target}) and consumer_team_id = (${team}) returning id`,
  );
  for (const { id } of ended) {
    await query(
      `select graphile_worker.add_job('grant.provisioning', json_build_object('grantId', $1::text), job_key => 'grant:' || $1)`,
      [id],
    );
  }
}

async function selectAs(connection: { host: string; database: string; table: string; role: string; password: string }) {
  const [host, port] = connection.host.split(":");
  const client = new pg.Client({
    host,
    port: Number(port),
    database: connection.database,
    user: connection.role,
    password: connection.password,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`select count(*) from ${connection.table}`);
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

test(
  "a consumer's request is approved, provisioned in PostgreSQL, then revoked",
  { tag: "@as-consumer" },
  async ({ page, browser }) => {
    // Runs as consumer@hexmesh.local with the owner in a second browser context.
    test.setTimeout(180_000);
    await clearEarlierAccess();
    const consumer = new AccessPage(page);
    const ownerContext = await browser.newContext({ storageState: storageStateFor("podcasts") });
    const owner = new AccessPage(await ownerContext.newPage());
    const outsiderContext = await browser.newContext({ storageState: storageStateFor("users") });
    const outsiderPage = await outsiderContext.newPage();

    let requestId = "";
    await test.step("the consumer reads the port's terms and sends a request", async () => {
      await consumer.openRequestForm(PRODUCT, PORT);
      const terms = page.getByRole("complementary", { name: "Terms of this port" });
      await expect(terms.getByText("confidential")).toBeVisible();
      await expect(terms.getByText("180 days")).toBeVisible();
      requestId = await consumer.submitRequest({
        team: CONSUMER_TEAM,
        purpose: "Audience dashboard: listeners per age band and country for the podcast campaigns.",
        use: "Analytics",
      });
      await expect(
        page.getByRole("status").filter({ hasText: `Your request for ${PORT} was sent to Podcasts` }),
      ).toBeVisible();
      await expect(consumer.request(requestId).getByText("pending")).toBeVisible();
    });

    await test.step("a second request for the same port and team is refused", async () => {
      await consumer.openRequestForm(PRODUCT, PORT);
      await page.getByLabel("Purpose").fill("The same dashboard again, asked twice by mistake.");
      await page.getByRole("button", { name: "Send request" }).click();
      await expect(
        page.getByRole("alert").filter({ hasText: "has an open request for this port already" }),
      ).toBeVisible();
    });

    await test.step("another team's member cannot see or decide it; the requester cannot approve it", async () => {
      const seen = await outsiderPage.request.get(`/api/v1/access-requests/${requestId}`);
      expect(seen.status()).toBe(404);
      const decided = await outsiderPage.request.post(`/api/v1/access-requests/${requestId}/approve`, { data: {} });
      expect(decided.status()).toBe(404);
      const own = await page.request.post(`/api/v1/access-requests/${requestId}/approve`, { data: {} });
      expect(own.status()).toBe(403);
    });

    await test.step("the owner sees it in the bell and the inbox, and approves", async () => {
      await owner.page.goto("/");
      await expect(owner.page.getByRole("button", { name: /^Notifications, \d+ unread$/ })).toBeVisible();
      await owner.goto();
      const item = owner.request(requestId);
      await expect(item).toContainText("Audience dashboard: listeners per age band");
      await expect(item).toContainText("consumer@hexmesh.local");
      await item.getByRole("button", { name: "Approve" }).click();
      await expect(
        owner.page.getByRole("status").filter({ hasText: "You approved the request of Marketing Analytics" }),
      ).toBeVisible();
      await expect(item).toHaveCount(0);
    });

    let grantId = "";
    let connection: Awaited<ReturnType<AccessPage["connectionOf"]>> | undefined;
    await test.step("the consumer sees the active grant, provisioned, and can SELECT as the team's role", async () => {
      grantId = (await query<{ id: string }>("select id from grants where access_request_id = $1", [requestId]))[0]!.id;
      await consumer.goto();
      await expect(consumer.grant(grantId).getByText("active", { exact: true })).toBeVisible();
      await consumer.waitForProvisioning(grantId, "Provisioned");
      connection = await consumer.connectionOf(grantId);
      expect(connection.role).toBe("hx_marketing_analytics");
      expect(await selectAs(connection)).toBeGreaterThan(0);
    });

    await test.step("the owner revokes; the same SELECT is refused", async () => {
      await owner.goto();
      const given = owner.grant(grantId);
      await given.getByLabel(/^Reason for revoking/).fill("The campaign ended.");
      await given.getByRole("button", { name: "Revoke" }).click();
      await expect(
        owner.page.getByRole("status").filter({ hasText: "You revoked the access of Marketing Analytics" }),
      ).toBeVisible();
      await consumer.waitForProvisioning(grantId, "Deprovisioned");
      await expect(consumer.grant(grantId).getByText("revoked", { exact: true })).toBeVisible();
      await expect(selectAs(connection!)).rejects.toThrow(/permission denied/);
    });

    const requestEvents = await auditEventsFor(`access-request:${requestId}`);
    expect(requestEvents.map((event) => event.action)).toEqual(["access-request.created", "access-request.approved"]);
    const grantEvents = await auditEventsFor(`grant:${grantId}`);
    expect(grantEvents.map((event) => event.action)).toEqual([
      "grant.created",
      "grant.provisioned",
      "grant.revoked",
      "grant.deprovisioned",
    ]);
    // The approval's events share the id of the request that made them; the job's events belong to no request.
    const [created, approved] = requestEvents.map((event) => event.request_id);
    expect(approved).toMatch(/^[\w.-]{8,128}$/);
    expect(created).not.toBe(approved);
    expect(grantEvents.map((event) => event.request_id)).toEqual([approved, null, expect.any(String), null]);
    await ownerContext.close();
    await outsiderContext.close();
  },
);

/** Withdraws what earlier runs left open: requests of marketing-analytics for an output port (`<domain>/<name>#<port>`). */
async function withdrawOpenRequests(port: string): Promise<void> {
  const [product, portName] = port.split("#");
  const [domain, name] = product!.split("/");
  await query(
    `update access_requests r set status = 'withdrawn', decided_at = now(), version = r.version + 1
       from output_ports op, data_products p, domains d, teams t
      where r.output_port_id = op.id and op.product_id = p.id and p.domain_id = d.id and r.consumer_team_id = t.id
        and d.name = $1 and p.name = $2 and op.name = $3 and t.name = 'marketing-analytics' and r.status = 'pending'`,
    [domain, name, portName],
  );
}

test(
  "the owners reject a request with a reason the consumer sees; a new request can be withdrawn",
  { tag: "@as-consumer" },
  async ({ page, browser }) => {
    // Runs as consumer@hexmesh.local with the users owner in a second context.
    test.setTimeout(180_000);
    await withdrawOpenRequests("users/user-updates#user-profiles");
    const consumer = new AccessPage(page);
    const ownerContext = await browser.newContext({ storageState: storageStateFor("users") });
    const owner = new AccessPage(await ownerContext.newPage());

    await consumer.openRequestForm("users/user-updates", "User profiles");
    const rejectedId = await consumer.submitRequest({
      team: CONSUMER_TEAM,
      purpose: "Segment campaign audiences by birth year and country.",
      use: "Operational reporting",
    });

    await owner.goto();
    const item = owner.request(rejectedId);
    await item.getByRole("button", { name: "Reject" }).click();
    await expect(item.getByText("Give a reason for the rejection.")).toBeVisible();
    await item.getByLabel("Reason for rejecting").fill("Use the aggregated port active-users-daily for campaigns.");
    await item.getByRole("button", { name: "Reject" }).click();
    await expect(owner.page.getByRole("status").filter({ hasText: "You rejected the request" })).toBeVisible();

    await consumer.goto();
    const mine = consumer.request(rejectedId);
    await expect(mine.getByText("rejected", { exact: true })).toBeVisible();
    await expect(mine).toContainText("Use the aggregated port active-users-daily for campaigns.");

    await consumer.openRequestForm("users/user-updates", "User profiles");
    const withdrawnId = await consumer.submitRequest({
      team: CONSUMER_TEAM,
      purpose: "Segment campaign audiences by country only, this time.",
      use: "Analytics",
    });
    await consumer
      .request(withdrawnId)
      .getByRole("button", { name: /^Withdraw/ })
      .click();
    await expect(consumer.request(withdrawnId).getByText("withdrawn", { exact: true })).toBeVisible();
    const statuses = await query<{ status: string }>(
      "select status from access_requests where id = any($1::uuid[]) order by created_at",
      [[rejectedId, withdrawnId]],
    );
    expect(statuses.map((row) => row.status)).toEqual(["rejected", "withdrawn"]);
    await ownerContext.close();
  },
);

test("the expiry reminder's link asks for a renewal in one click", { tag: "@as-consumer" }, async ({ page }) => {
  // Runs as consumer@hexmesh.local, whose team holds seeded grants.
  test.setTimeout(120_000);
  await withdrawOpenRequests("users/user-sign-ups#sign-ups");
  const grant = await queryOne<{ id: string }>(
    `select g.id from grants g join output_ports op on op.id = g.output_port_id join teams t on t.id = g.consumer_team_id
      where t.name = 'marketing-analytics' and op.name = 'sign-ups' and g.status = 'active'`,
  );
  await page.goto(`/access/renew/${grant.id}`);
  await expect(page.getByRole("heading", { level: 1, name: /^Renew access to Sign-ups/ })).toBeVisible();
  await page.getByRole("button", { name: /^Request renewal of Sign-ups/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "was sent to Users" })).toBeVisible();
  const renewal = await queryOne<{ id: string; status: string }>(
    "select id, status from access_requests where renews_grant_id = $1 and status = 'pending'",
    [grant.id],
  );
  await expect(new AccessPage(page).request(renewal.id).getByText("pending", { exact: true })).toBeVisible();
  await expect(new AccessPage(page).grant(grant.id)).toContainText("A renewal is waiting for the owners' decision.");
});
