import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { AccessRequestStatus, AccessUse, GrantStatus, ProvisioningState } from "../generated/prisma/enums";

// The shapes of access requests and grants that pages, actions and the REST API return, and the Prisma selects
// that read them.

const PORT_SELECT = {
  name: true,
  displayName: true,
  product: {
    select: {
      name: true,
      displayName: true,
      owningTeamId: true,
      domain: { select: { name: true } },
      owningTeam: { select: { name: true, displayName: true } },
    },
  },
} satisfies Prisma.OutputPortSelect;

const TEAM_SELECT = { id: true, name: true, displayName: true } satisfies Prisma.TeamSelect;
const USER_SELECT = { email: true, name: true } satisfies Prisma.UserSelect;

export const GRANT_SELECT = {
  id: true,
  status: true,
  version: true,
  accessLevel: true,
  startsAt: true,
  endsAt: true,
  revokedAt: true,
  revokeReason: true,
  provisioningState: true,
  provisioningError: true,
  provisionedAt: true,
  provisioningAttempts: true,
  createdAt: true,
  accessRequestId: true,
  outputPort: { select: PORT_SELECT },
  consumerTeam: { select: TEAM_SELECT },
  revokedBy: { select: USER_SELECT },
} satisfies Prisma.GrantSelect;

export const REQUEST_SELECT = {
  id: true,
  status: true,
  version: true,
  purpose: true,
  use: true,
  accessLevel: true,
  startsAt: true,
  endsAt: true,
  createdAt: true,
  decidedAt: true,
  decisionReason: true,
  renewsGrantId: true,
  requesterId: true,
  outputPort: { select: PORT_SELECT },
  consumerTeam: { select: TEAM_SELECT },
  requester: { select: USER_SELECT },
  decidedBy: { select: USER_SELECT },
  grant: { select: { id: true, status: true, provisioningState: true } },
} satisfies Prisma.AccessRequestSelect;

export interface PortRefDto {
  /** `<domain>/<name>` of the product. */
  product: string;
  productDisplayName: string;
  port: string;
  portDisplayName: string;
  owningTeam: { name: string; displayName: string };
}
export interface PersonDto {
  email: string;
  name: string;
}
export interface TeamRefDto {
  name: string;
  displayName: string;
}

export interface AccessRequestDto {
  id: string;
  status: AccessRequestStatus;
  version: number;
  outputPort: PortRefDto;
  consumerTeam: TeamRefDto;
  requester: PersonDto;
  purpose: string;
  use: AccessUse;
  accessLevel: string;
  startsAt: string;
  endsAt: string;
  createdAt: string;
  decidedAt: string | null;
  /** Null for a request approved automatically. */
  decidedBy: PersonDto | null;
  decisionReason: string | null;
  /** The grant this request asks to extend. */
  renewsGrantId: string | null;
  grant: { id: string; status: GrantStatus; provisioningState: ProvisioningState } | null;
}

export interface GrantDto {
  id: string;
  status: GrantStatus;
  version: number;
  outputPort: PortRefDto;
  consumerTeam: TeamRefDto;
  accessLevel: string;
  startsAt: string;
  endsAt: string;
  accessRequestId: string;
  revokedAt: string | null;
  revokedBy: PersonDto | null;
  revokeReason: string | null;
  provisioningState: ProvisioningState;
  provisioningError: string | null;
  provisionedAt: string | null;
  provisioningAttempts: number;
  createdAt: string;
}

type PortRow = Prisma.OutputPortGetPayload<{ select: typeof PORT_SELECT }>;
type RequestRow = Prisma.AccessRequestGetPayload<{ select: typeof REQUEST_SELECT }>;
type GrantRow = Prisma.GrantGetPayload<{ select: typeof GRANT_SELECT }>;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function toPortRef(port: PortRow): PortRefDto {
  return {
    product: `${port.product.domain.name}/${port.product.name}`,
    productDisplayName: port.product.displayName,
    port: port.name,
    portDisplayName: port.displayName,
    owningTeam: port.product.owningTeam,
  };
}

const teamRef = ({ name, displayName }: { name: string; displayName: string }): TeamRefDto => ({ name, displayName });

export function toAccessRequestDto(row: RequestRow): AccessRequestDto {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    outputPort: toPortRef(row.outputPort),
    consumerTeam: teamRef(row.consumerTeam),
    requester: row.requester,
    purpose: row.purpose,
    use: row.use,
    accessLevel: row.accessLevel,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    decidedAt: iso(row.decidedAt),
    decidedBy: row.decidedBy,
    decisionReason: row.decisionReason,
    renewsGrantId: row.renewsGrantId,
    grant: row.grant,
  };
}

export function toGrantDto(row: GrantRow): GrantDto {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    outputPort: toPortRef(row.outputPort),
    consumerTeam: teamRef(row.consumerTeam),
    accessLevel: row.accessLevel,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    accessRequestId: row.accessRequestId,
    revokedAt: iso(row.revokedAt),
    revokedBy: row.revokedBy,
    revokeReason: row.revokeReason,
    provisioningState: row.provisioningState,
    provisioningError: row.provisioningError,
    provisionedAt: iso(row.provisionedAt),
    provisioningAttempts: row.provisioningAttempts,
    createdAt: row.createdAt.toISOString(),
  };
}
