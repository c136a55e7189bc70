// Self-serve teams, domains and source systems (issue 4 item 2). Each flow runs in the project of the persona it is
// about only (its @as-<persona> tag, playwright.config.ts).
import { query, queryOne, uniqueSuffix } from "../../db";
import { expect, test } from "../../fixtures";
import { CreationForms, DomainManagement, TeamMembersManagement } from "../../pages/management-pages";
import { expectNotFound } from "../../pages/not-found";
import { PERSONAS } from "../../personas";

const CONSUMER = PERSONAS.consumer.email;

/** The consumer's membership of team `users` (none, normally). */
const consumerInUsers = () =>
  query<{ role: string }>(
    `SELECT m.role::text AS role FROM team_memberships m JOIN teams t ON t.id = m.team_id
     JOIN users u ON u.id = m.user_id WHERE t.name = 'users' AND u.email = $1`,
    [CONSUMER],
  );

/** Leaves the demo data as the seed made it, even when a step failed half-way. */
const removeConsumerFromUsers = () =>
  query(
    `DELETE FROM team_memberships WHERE team_id = (SELECT id FROM teams WHERE name = 'users')
       AND user_id = (SELECT id FROM users WHERE email = $1)`,
    [CONSUMER],
  );

test.describe("team management", () => {
  test(
    "the owner of team users adds the consumer as a member and removes them again",
    { tag: "@as-users" },
    async ({ page }) => {
      test.slow();
      // Runs as users@hexmesh.local, owner of team users.
      await removeConsumerFromUsers();
      const since = new Date();
      const team = new TeamMembersManagement(page);
      try {
        await team.goto("users");
        await expect(team.heading).toBeVisible();

        await team.addMember(CONSUMER, "member");
        await expect(team.removeButton(CONSUMER)).toBeVisible();
        await expect(team.roleSelect(CONSUMER)).toHaveValue("member");
        await expect(page.getByRole("list", { name: "Members", exact: true })).toContainText(CONSUMER);
        expect(await consumerInUsers()).toEqual([{ role: "member" }]);

        await team.removeButton(CONSUMER).click();
        await expect(team.removeButton(CONSUMER)).toHaveCount(0);
        await expect(page.getByRole("list", { name: "Members", exact: true })).not.toContainText(CONSUMER);
        expect(await consumerInUsers()).toEqual([]);

        const events = await query<{ action: string; actor_email: string }>(
          `SELECT action, actor_email FROM audit_events WHERE entity_ref = 'team:users' AND at >= $1
           AND (after->>'member' = $2 OR before->>'member' = $2) ORDER BY id`,
          [since, CONSUMER],
        );
        expect(events).toEqual([
          { action: "team.member_added", actor_email: PERSONAS.users.email },
          { action: "team.member_removed", actor_email: PERSONAS.users.email },
        ]);
      } finally {
        await removeConsumerFromUsers();
      }
    },
  );

  test("the last owner of a team cannot be removed", { tag: "@as-users" }, async ({ page }) => {
    test.slow();
    // Runs as users@hexmesh.local, owner of team users.
    const owners = await query<{ email: string }>(
      `SELECT u.email FROM team_memberships m JOIN teams t ON t.id = m.team_id JOIN users u ON u.id = m.user_id
       WHERE t.name = 'users' AND m.role = 'owner'`,
    );
    // The seed makes the persona the only owner, and no test adds another.
    expect(owners).toEqual([{ email: PERSONAS.users.email }]);
    const team = new TeamMembersManagement(page);
    await team.goto("users");
    await team.removeButton(PERSONAS.users.email).click();
    await expect(team.list.getByRole("alert")).toContainText("A team needs at least one owner");
    expect(
      await query(`SELECT 1 FROM team_memberships m JOIN teams t ON t.id = m.team_id WHERE t.name = 'users'
      AND m.role = 'owner'`),
    ).toHaveLength(1);
  });

  test(
    "someone outside team users sees no management controls on its page",
    { tag: "@as-consumer" },
    async ({ page }) => {
      test.slow();
      // Runs as consumer@hexmesh.local, not in team users.
      const team = new TeamMembersManagement(page);
      await team.goto("users");
      await expect(page.getByRole("heading", { level: 2, name: "Members", exact: true })).toBeVisible();
      await expect(team.heading).toHaveCount(0);
      await expect(page.getByRole("button", { name: /Add member|Remove |Save the role/ })).toHaveCount(0);

      await expectNotFound(page, await page.goto("/teams/new"));
      await expectNotFound(page, await page.goto("/domains/new"));
      await page.goto("/domains/podcasts");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(new DomainManagement(page).heading).toHaveCount(0);
      await expect(page.getByRole("button", { name: /Register a source system|Create sub-domain/ })).toHaveCount(0);
    },
  );
});

test.describe("creating teams and domains", () => {
  test("a platform admin creates a team, then a domain it owns", { tag: "@as-admin" }, async ({ page }) => {
    test.slow();
    // Runs as admin@hexmesh.local.
    const suffix = uniqueSuffix();
    const teamName = `e2e-team-${suffix}`;
    const domainName = `e2e-domain-${suffix}`;
    const forms = new CreationForms(page);

    await page.goto("/domains");
    await page.getByRole("link", { name: "New team" }).click();
    const teamForm = forms.teamForm();
    await teamForm.getByLabel("Display name").fill(`E2E team ${suffix}`);
    await teamForm.getByLabel("URL name").fill(teamName);
    await teamForm.getByLabel("Description").fill("Made by the end-to-end tests.");
    await teamForm.getByLabel("First owner's email").fill(PERSONAS.users.email);
    await teamForm.getByRole("button", { name: "Create team" }).click();
    await expect(page).toHaveURL(new RegExp(`/teams/${teamName}$`));
    await expect(page.getByRole("heading", { level: 1, name: `E2E team ${suffix}` })).toBeVisible();
    await expect(page.getByRole("list", { name: "Members", exact: true })).toContainText(PERSONAS.users.email);
    expect(
      await queryOne(
        `SELECT t.display_name, u.email, m.role::text AS role FROM teams t JOIN team_memberships m ON m.team_id = t.id
         JOIN users u ON u.id = m.user_id WHERE t.name = $1`,
        [teamName],
      ),
    ).toEqual({ display_name: `E2E team ${suffix}`, email: PERSONAS.users.email, role: "owner" });

    await page.goto("/domains");
    await page.getByRole("link", { name: "New domain" }).click();
    const domainForm = forms.domainForm();
    // A clash with an existing domain's name is a field error, and nothing typed is lost.
    await domainForm.getByLabel("Display name").fill(`E2E domain ${suffix}`);
    await domainForm.getByLabel("URL name").fill("podcasts");
    await domainForm.getByLabel("Description").fill("Made by the end-to-end tests.");
    await domainForm.getByLabel("Owning team").selectOption(teamName);
    await domainForm.getByRole("button", { name: "Create domain" }).click();
    const nameField = domainForm.getByLabel("URL name");
    await expect(nameField).toHaveAttribute("aria-invalid", "true");
    await expect(nameField).toHaveAccessibleDescription(/A domain with this name exists already/);
    await expect(domainForm.getByLabel("Display name")).toHaveValue(`E2E domain ${suffix}`);
    await expect(domainForm.getByLabel("Description")).toHaveValue("Made by the end-to-end tests.");
    await expect(domainForm.getByLabel("Owning team")).toHaveValue(teamName);

    await nameField.fill(domainName);
    await domainForm.getByRole("button", { name: "Create domain" }).click();
    await expect(page).toHaveURL(new RegExp(`/domains/${domainName}$`));
    await expect(page.getByRole("heading", { level: 1, name: `E2E domain ${suffix}` })).toBeVisible();
    await expect(page.getByRole("link", { name: `E2E team ${suffix}` })).toBeVisible();
    expect(
      await queryOne(
        `SELECT d.display_name, t.name AS team, d.parent_id FROM domains d JOIN teams t ON t.id = d.owning_team_id
         WHERE d.name = $1`,
        [domainName],
      ),
    ).toEqual({ display_name: `E2E domain ${suffix}`, team: teamName, parent_id: null });
  });

  test("the podcasts owner registers a source system in domain podcasts", { tag: "@as-podcasts" }, async ({ page }) => {
    test.slow();
    // Runs as podcasts@hexmesh.local, owner of team podcasts.
    const suffix = uniqueSuffix();
    const name = `e2e-source-${suffix}`;
    const domain = new DomainManagement(page);
    await page.goto("/domains/podcasts");
    await expect(domain.heading).toBeVisible();
    const form = domain.sourceSystemForm;
    await form.getByLabel("Display name").fill(`E2E source ${suffix}`);
    await form.getByLabel("URL name").fill(name);
    await form.getByLabel("Kind").fill("database");
    await form.getByLabel("Description").fill("Made by the end-to-end tests.");
    await form.getByRole("button", { name: "Register source system" }).click();
    await expect(form.getByRole("status")).toHaveText(`Source system ${name} registered.`);
    await expect(domain.sourceSystems()).toContainText(`E2E source ${suffix}`);
    expect(
      await queryOne(
        `SELECT s.display_name, s.kind FROM source_systems s JOIN domains d ON d.id = s.domain_id
         WHERE d.name = 'podcasts' AND s.name = $1`,
        [name],
      ),
    ).toEqual({ display_name: `E2E source ${suffix}`, kind: "database" });
  });
});
