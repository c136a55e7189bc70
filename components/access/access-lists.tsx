import Link from "next/link";
import { Section } from "@/components/ui/section";
import { Badge, type Tone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { cardClasses } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import type { AccessRequestDto, GrantDto, PortRefDto } from "@/lib/access/dto";
import type { HeldGrantDto, InboxItemDto } from "@/lib/access/queries";
import { ACCESS_USE_LABELS } from "@/lib/access/schemas";
import type { AccessRequestStatus, GrantStatus, ProvisioningState } from "@/lib/generated/prisma/enums";
import { DecideRequestForms, HeldGrantControls, RevokeGrantForm, WithdrawRequestButton } from "./access-controls";

const REQUEST_TONES: Record<AccessRequestStatus, Tone> = {
  pending: "amber",
  approved: "green",
  rejected: "red",
  withdrawn: "muted",
};
const GRANT_TONES: Record<GrantStatus, Tone> = {
  active: "green",
  expired: "muted",
  revoked: "red",
  relinquished: "muted",
};
const PROVISIONING: Record<ProvisioningState, { label: string; tone: Tone }> = {
  not_required: { label: "Nothing to provision", tone: "muted" },
  pending: { label: "Provisioning pending", tone: "amber" },
  provisioned: { label: "Provisioned", tone: "green" },
  failed: { label: "Provisioning failed", tone: "red" },
  deprovisioned: { label: "Deprovisioned", tone: "muted" },
};

const day = (iso: string) => iso.slice(0, 10);
const date = (iso: string) => <Time date={new Date(iso)} />;

function PortLink({ port }: { port: PortRefDto }) {
  return (
    <Link href={`/products/${port.product}#port-${port.port}`} className="font-medium text-foreground hover:underline">
      {port.portDisplayName} <span className="font-normal text-muted">of {port.productDisplayName}</span>
    </Link>
  );
}

const requestLabel = (request: AccessRequestDto) =>
  `the request of ${request.consumerTeam.displayName} for ${request.outputPort.portDisplayName}`;

/** Pending requests the actor's teams decide on. */
export function InboxSection({ inbox }: { inbox: InboxItemDto[] }) {
  return (
    <Section id="inbox-heading" title="Waiting for your decision" count={inbox.length}>
      {inbox.length === 0 ? (
        <EmptyState title="No requests to decide" description="Requests for your team's output ports appear here." />
      ) : (
        <ul className="space-y-4">
          {inbox.map((request) => (
            <li key={request.id} id={`request-${request.id}`} className={cn(cardClasses, "space-y-4 px-5 py-4")}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="space-y-1 text-sm">
                  <PortLink port={request.outputPort} />
                  <p className="text-muted">
                    {request.requester.name} ({request.requester.email}) for{" "}
                    <Link
                      href={`/teams/${request.consumerTeam.name}`}
                      className="text-foreground underline underline-offset-2"
                    >
                      {request.consumerTeam.displayName}
                    </Link>
                    , asked {date(request.createdAt)}
                  </p>
                </div>
                <div className="flex flex-wrap gap-1.5">
                  {request.renewsGrantId && <Badge tone="blue">Renewal</Badge>}
                  <Badge tone="neutral">{ACCESS_USE_LABELS[request.use]}</Badge>
                  <Badge tone="neutral" className="font-mono">
                    {request.accessLevel}
                  </Badge>
                </div>
              </div>
              <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-1.5 text-sm">
                <dt className="text-muted">Purpose</dt>
                <dd className="text-foreground">{request.purpose}</dd>
                <dt className="text-muted">Period</dt>
                <dd className="text-foreground">
                  {date(request.startsAt)} to {date(request.endsAt)}
                </dd>
                <dt className="text-muted">History</dt>
                <dd className="text-foreground">
                  {request.history.length === 0 ? (
                    "First request of this team for this port."
                  ) : (
                    <ul className="space-y-0.5">
                      {request.history.map((earlier) => (
                        <li key={earlier.id}>
                          <Badge tone={REQUEST_TONES[earlier.status]}>{earlier.status}</Badge>{" "}
                          <span className="text-muted">asked {date(earlier.createdAt)}</span>
                          {earlier.decisionReason && <span className="text-muted">: {earlier.decisionReason}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </dl>
              <DecideRequestForms
                request={{
                  id: request.id,
                  version: request.version,
                  startsAt: day(request.startsAt),
                  endsAt: day(request.endsAt),
                  label: requestLabel(request),
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The requests the actor or their teams made. */
export function RequestsSection({ requests, actorEmail }: { requests: AccessRequestDto[]; actorEmail: string }) {
  return (
    <Section id="requests-heading" title="Your requests" count={requests.length}>
      {requests.length === 0 ? (
        <EmptyState
          title="No requests yet"
          description="Ask for access with “Request access” on an output port of a product."
          action={{ href: "/products", label: "Find data products" }}
        />
      ) : (
        <ul className={cn(cardClasses, "divide-y divide-line")} aria-label="Your requests">
          {requests.map((request) => (
            <li key={request.id} id={`request-${request.id}`} className="space-y-2 px-5 py-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <PortLink port={request.outputPort} />
                <Badge tone={REQUEST_TONES[request.status]} dot>
                  {request.status}
                </Badge>
              </div>
              <p className="text-muted">
                For {request.consumerTeam.displayName} by {request.requester.name}, {date(request.startsAt)} to{" "}
                {date(request.endsAt)}; asked {date(request.createdAt)}
                {request.decidedAt && (
                  <>
                    , {request.status} {date(request.decidedAt)}
                    {request.decidedBy ? ` by ${request.decidedBy.name}` : ""}
                  </>
                )}
              </p>
              {request.decisionReason && <p className="text-foreground">“{request.decisionReason}”</p>}
              {request.status === "pending" && request.requester.email === actorEmail && (
                <WithdrawRequestButton
                  request={{
                    id: request.id,
                    version: request.version,
                    startsAt: day(request.startsAt),
                    endsAt: day(request.endsAt),
                    label: `your request for ${request.outputPort.portDisplayName}`,
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ProvisioningBadge({ grant }: { grant: GrantDto }) {
  const { label, tone } = PROVISIONING[grant.provisioningState];
  return (
    <Badge tone={tone} title={grant.provisioningError ?? undefined}>
      {label}
    </Badge>
  );
}

const grantLabel = (grant: GrantDto) =>
  `the access of ${grant.consumerTeam.displayName} to ${grant.outputPort.portDisplayName}`;

/** Grants the actor's teams hold, with how to connect to provisioned ones. */
export function HeldGrantsSection({ grants }: { grants: HeldGrantDto[] }) {
  return (
    <Section id="held-heading" title="Your team's grants" count={grants.length}>
      {grants.length === 0 ? (
        <EmptyState title="No grants yet" description="An approved request gives your team a grant." />
      ) : (
        <ul className={cn(cardClasses, "divide-y divide-line")} aria-label="Your team's grants">
          {grants.map((grant) => (
            <li key={grant.id} id={`grant-${grant.id}`} className="space-y-2 px-5 py-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <PortLink port={grant.outputPort} />
                <div className="flex flex-wrap gap-1.5">
                  <Badge tone={GRANT_TONES[grant.status]} dot>
                    {grant.status}
                  </Badge>
                  <ProvisioningBadge grant={grant} />
                </div>
              </div>
              <p className="text-muted">
                {grant.consumerTeam.displayName}, <span className="font-mono">{grant.accessLevel}</span>,{" "}
                {date(grant.startsAt)} to {date(grant.endsAt)}
                {grant.revokedAt && (
                  <>
                    ; {grant.status} {date(grant.revokedAt)}
                    {grant.revokedBy && grant.status === "revoked" ? ` by ${grant.revokedBy.name}` : ""}
                    {grant.revokeReason ? `: “${grant.revokeReason}”` : ""}
                  </>
                )}
              </p>
              {grant.provisioningState === "failed" && grant.provisioningError && (
                <p className="text-danger">
                  Provisioning failed after {grant.provisioningAttempts} attempt
                  {grant.provisioningAttempts === 1 ? "" : "s"}: {grant.provisioningError}. It is retried.
                </p>
              )}
              {grant.connection && (
                <details className="rounded-lg border border-line bg-subtle/50 px-4 py-2">
                  <summary className="cursor-pointer font-medium text-foreground">How to connect</summary>
                  <dl
                    aria-label={`Connection to ${grant.outputPort.portDisplayName}`}
                    className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-1 font-mono text-[13px]"
                  >
                    <dt className="font-sans text-muted">Host</dt>
                    <dd>
                      {grant.connection.host}:{grant.connection.port}
                    </dd>
                    <dt className="font-sans text-muted">Database</dt>
                    <dd>{grant.connection.database}</dd>
                    <dt className="font-sans text-muted">Table</dt>
                    <dd>
                      {grant.connection.schema}.{grant.connection.table}
                    </dd>
                    <dt className="font-sans text-muted">Role</dt>
                    <dd>{grant.connection.role}</dd>
                    <dt className="font-sans text-muted">Password</dt>
                    <dd className="break-all">{grant.connection.password}</dd>
                  </dl>
                </details>
              )}
              {grant.status === "active" && (
                <HeldGrantControls
                  grant={{ id: grant.id, version: grant.version, label: grantLabel(grant) }}
                  canRenew={!grant.pendingRenewalId}
                />
              )}
              {grant.pendingRenewalId && (
                <p className="text-muted">A renewal is waiting for the owners&apos; decision.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Active grants on the actor's teams' ports, with revocation. */
export function GivenGrantsSection({ grants, title }: { grants: GrantDto[]; title: string }) {
  return (
    <Section id="given-heading" title={title} count={grants.length}>
      {grants.length === 0 ? (
        <EmptyState title="No active grants" description="Teams you grant access to your ports appear here." />
      ) : (
        <ul className={cn(cardClasses, "divide-y divide-line")} aria-label={title}>
          {grants.map((grant) => (
            <li key={grant.id} id={`grant-${grant.id}`} className="space-y-2 px-5 py-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <span>
                  <span className="font-medium text-foreground">{grant.consumerTeam.displayName}</span>{" "}
                  <span className="text-muted">on</span> <PortLink port={grant.outputPort} />
                </span>
                <ProvisioningBadge grant={grant} />
              </div>
              <p className="text-muted">
                <span className="font-mono">{grant.accessLevel}</span>, {date(grant.startsAt)} to {date(grant.endsAt)}
              </p>
              <RevokeGrantForm grant={{ id: grant.id, version: grant.version, label: grantLabel(grant) }} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
