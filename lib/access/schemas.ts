// Access requests and grants: the input schemas shared by the forms and the REST API, the state machine, and the
// rules on periods and access levels. Pure; unit-tested.
import { z } from "zod";
import type { AccessRequestStatus, GrantStatus } from "../generated/prisma/enums";
import { AccessUse } from "../generated/prisma/enums";
import { urlName } from "../products/input";

/** The longest grant a port gives when its owners set no maximum. */
export const DEFAULT_MAX_GRANT_DAYS = 365;
/** How long before its end a grant's consumers are reminded, with a one-click renewal request. */
export const EXPIRY_REMINDER_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export const ACCESS_USE_LABELS: Record<AccessUse, string> = {
  analytics: "Analytics",
  data_science: "Data science / ML",
  operational_reporting: "Operational reporting",
  other: "Other",
};

/** A day (`2026-12-01`, read as midnight UTC) or an ISO date-time with offset. */
const instant = (error: string) =>
  z.union(
    [
      z.iso.date().transform((day) => new Date(`${day}T00:00:00.000Z`)),
      z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
      z.date(),
    ],
    { error },
  );
const dateField = (label: string) =>
  z.preprocess((value) => (value === "" ? undefined : value), instant(`${label}: a date such as 2026-12-01.`));

const version = z.coerce.number({ error: "A version number." }).int().min(1);
const reason = (what: string) =>
  z
    .string({ error: `Give a reason ${what}.` })
    .trim()
    .min(3, `Give a reason ${what}.`)
    .max(2000, "At most 2000 characters.");

export const AccessRequestInput = z
  .object({
    /** The product, `<domain>/<name>`. */
    product: z
      .string({ error: "Required." })
      .trim()
      .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "A product ref `<domain>/<name>`."),
    /** The output port's name. */
    port: urlName,
    /** The team on whose behalf access is asked; the requester must belong to it. */
    consumerTeam: urlName,
    purpose: z
      .string({ error: "Say what you need the data for." })
      .trim()
      .min(10, "Say what you need the data for (at least 10 characters).")
      .max(2000, "At most 2000 characters."),
    use: z.enum(AccessUse, { error: "Choose how the data will be used." }),
    accessLevel: z.string().trim().min(1, "Choose an access level.").max(120).default("read"),
    startsAt: dateField("Start"),
    endsAt: dateField("End"),
  })
  .superRefine((value, ctx) => {
    if (value.endsAt.getTime() <= value.startsAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start." });
    }
  });
export type AccessRequestInput = z.input<typeof AccessRequestInput>;

export const ApproveInput = z.object({
  /** The request's version as the decider saw it; a stale one is a conflict (409). */
  version: version.optional(),
  /** A shorter end than asked for, if the owners want one. */
  endsAt: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    instant("A date such as 2026-12-01.").optional(),
  ),
  reason: z
    .string()
    .trim()
    .max(2000, "At most 2000 characters.")
    .optional()
    .transform((value) => value || undefined),
});
export type ApproveInput = z.input<typeof ApproveInput>;

export const RejectInput = z.object({ version: version.optional(), reason: reason("for the rejection") });
export type RejectInput = z.input<typeof RejectInput>;

export const RevokeInput = z.object({ version: version.optional(), reason: reason("for revoking") });
export type RevokeInput = z.input<typeof RevokeInput>;

export const VersionInput = z.object({ version: version.optional() });

/** Query of GET /api/v1/access-requests. */
export const AccessRequestListQuery = z.object({
  status: z.enum(["pending", "approved", "rejected", "withdrawn"]).optional(),
  /** `inbox`: requests the caller's teams decide on; `mine`: the caller's and their teams' own requests. */
  role: z.enum(["inbox", "mine"]).optional(),
});

// --- The state machine ------------------------------------------------------------------------------------------

const REQUEST_TRANSITIONS: Record<AccessRequestStatus, readonly AccessRequestStatus[]> = {
  pending: ["approved", "rejected", "withdrawn"],
  approved: [],
  rejected: [],
  withdrawn: [],
};

const GRANT_TRANSITIONS: Record<GrantStatus, readonly GrantStatus[]> = {
  active: ["expired", "revoked", "relinquished"],
  expired: [],
  revoked: [],
  relinquished: [],
};

export function canMoveRequest(from: AccessRequestStatus, to: AccessRequestStatus): boolean {
  return REQUEST_TRANSITIONS[from].includes(to);
}

export function canMoveGrant(from: GrantStatus, to: GrantStatus): boolean {
  return GRANT_TRANSITIONS[from].includes(to);
}

// --- Periods and levels -----------------------------------------------------------------------------------------

export function maxGrantDaysOf(port: { maxGrantDays: number | null }): number {
  return port.maxGrantDays ?? DEFAULT_MAX_GRANT_DAYS;
}

/** Whole days between two instants, rounded up (a period of 90 days and one minute counts as 91). */
export function periodDays(startsAt: Date, endsAt: Date): number {
  return Math.ceil((endsAt.getTime() - startsAt.getTime()) / DAY_MS);
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** Midnight UTC of the instant's day. */
export function startOfDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

/**
 * What is wrong with a requested period, by field: the start may not lie in the past (today is fine), the end must
 * follow the start, and the period may not exceed the port's maximum.
 */
export function periodProblems(
  period: { startsAt: Date; endsAt: Date },
  maxDays: number,
  now: Date,
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (period.startsAt.getTime() < startOfDay(now).getTime()) problems.startsAt = ["The start cannot lie in the past."];
  if (period.endsAt.getTime() <= period.startsAt.getTime()) problems.endsAt = ["The end must be after the start."];
  else if (periodDays(period.startsAt, period.endsAt) > maxDays) {
    problems.endsAt = [`This port grants access for at most ${maxDays} days: choose an earlier end.`];
  }
  return problems;
}

/**
 * The access levels a port offers: the roles of its ODCS contract when it defines some (`roles[].role`), else
 * `read`.
 */
export function accessLevelsOf(contract: unknown): { level: string; description: string }[] {
  const roles = (contract as { roles?: unknown } | null)?.roles;
  if (Array.isArray(roles)) {
    const levels = roles
      .filter((role): role is { role: string; access?: unknown; description?: unknown } => {
        return typeof role === "object" && role !== null && typeof (role as { role?: unknown }).role === "string";
      })
      .map((role) => ({
        level: role.role,
        description: [typeof role.access === "string" ? `${role.access} access` : "", role.description]
          .filter((part) => typeof part === "string" && part)
          .join(": "),
      }));
    if (levels.length > 0) return levels;
  }
  return [{ level: "read", description: "Read the port's data." }];
}

/** Whether a granted level writes: the port's ODCS role of that name says `access: write` (any other level reads). */
export function levelWrites(contract: unknown, level: string): boolean {
  const roles = (contract as { roles?: unknown } | null)?.roles;
  return (
    Array.isArray(roles) &&
    roles.some(
      (role) =>
        typeof role === "object" &&
        role !== null &&
        (role as { role?: unknown }).role === level &&
        (role as { access?: unknown }).access === "write",
    )
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a URL segment can be a request or grant id (anything else simply does not exist). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** `2026-12-01` for a date input. */
export function toDateInput(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
