// What each persona may see; what it may not see does not exist for it (404). Runs once per demo persona.
import { query, queryOne, uniqueSuffix } from "../../db";
import { expect, test } from "../../fixtures";
import { expectNotFound } from "../../pages/not-found";
import { PERSONAS, type PersonaKey } from "../../personas";

/** Proposed and draft products are visible to the owning team's members and to admin and governance users. */
function seesDraftsOfPodcasts(persona: PersonaKey): boolean {
  const { role, teams } = PERSONAS[persona];
  return role === "admin" || role === "governance" || (teams as readonly string[]).includes("podcasts");
}

/** A draft product of team podcasts: one from the demo seed, else one made for this test. */
async function draftProductOfPodcasts(): Promise<string> {
  const [seeded] = await query<{ domain: string; name: string }>(
    `select d.name as domain, p.name from data_products p join domains d on d.id = p.domain_id
       join teams t on t.id = p.owning_team_id
      where p.status = 'draft' and t.name = 'podcasts' order by p.name limit 1`,
  );
  if (seeded) return `${seeded.domain}/${seeded.name}`;
  const name = `e2e-draft-${uniqueSuffix()}`;
  await queryOne(
    `insert into data_products (id, domain_id, name, display_name, owning_team_id, archetype, status, updated_at)
     select gen_random_uuid(), d.id, $1, $2, t.id, 'source-aligned', 'draft', now()
       from domains d, teams t where d.name = 'podcasts' and t.name = 'podcasts'
     returning id`,
    [name, `E2E draft ${name}`],
  );
  return `podcasts/${name}`;
}

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
