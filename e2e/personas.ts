// The demo accounts the seed creates (README, "Demo accounts"), one Playwright project each.
import { fileURLToPath } from "node:url";

export const DEMO_PASSWORD = "hexmesh-demo";

export type GlobalRole = "admin" | "governance" | "member";

export interface Persona {
  /** The Playwright project that runs as this persona. */
  project: string;
  email: string;
  role: GlobalRole;
  /** Teams the seed puts the persona in (names). */
  teams: readonly string[];
}

export const PERSONAS = {
  admin: { project: "admin", email: "admin@hexmesh.local", role: "admin", teams: [] },
  governance: { project: "governance", email: "governance@hexmesh.local", role: "governance", teams: ["governance"] },
  podcasts: { project: "podcasts-owner", email: "podcasts@hexmesh.local", role: "member", teams: ["podcasts"] },
  users: { project: "users-owner", email: "users@hexmesh.local", role: "member", teams: ["users"] },
  consumer: { project: "consumer", email: "consumer@hexmesh.local", role: "member", teams: ["marketing-analytics"] },
} as const satisfies Record<string, Persona>;

export type PersonaKey = keyof typeof PERSONAS;
export const PERSONA_KEYS = Object.keys(PERSONAS) as PersonaKey[];

/** Where the setup project saves the persona's signed-in browser state (git-ignored). */
export function storageStateFor(persona: PersonaKey): string {
  return fileURLToPath(new URL(`./.auth/${persona}.json`, import.meta.url));
}
