// Draft products for visibility tests: who may see them, and one to look for.
import { query, queryOne, uniqueSuffix } from "./db";
import { PERSONAS, type PersonaKey } from "./personas";

/** Proposed and draft products are visible to the owning team's members and to admin and governance users. */
export function seesDraftsOfPodcasts(persona: PersonaKey): boolean {
  const { role, teams } = PERSONAS[persona];
  return role === "admin" || role === "governance" || (teams as readonly string[]).includes("podcasts");
}

/** A draft product of team podcasts (`<domain>/<name>`): one from the demo seed, else one made for this test. */
export async function draftProductOfPodcasts(): Promise<string> {
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
