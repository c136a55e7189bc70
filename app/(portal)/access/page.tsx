import type { Metadata } from "next";
import { GivenGrantsSection, HeldGrantsSection, InboxSection, RequestsSection } from "@/components/access/access-lists";
import { PageHeader } from "@/components/ui/page-header";
import { getAccessOverview, getAccessRequest, getGrant } from "@/lib/access/queries";
import { requireActor, type Actor } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Access" };

interface Props {
  searchParams: Promise<{ submitted?: string; decided?: string; revoked?: string }>;
}

/** What the last action on this page did, told after its redirect (null when the id is not one the actor sees). */
async function outcomeOf(actor: Actor, params: { submitted?: string; decided?: string; revoked?: string }) {
  try {
    if (params.submitted) {
      const request = await getAccessRequest(actor, params.submitted);
      return request.status === "approved"
        ? `Access to ${request.outputPort.portDisplayName} was granted at once.`
        : `Your request for ${request.outputPort.portDisplayName} was sent to ${request.outputPort.owningTeam.displayName}.`;
    }
    if (params.decided) {
      const request = await getAccessRequest(actor, params.decided);
      const whose = `the request of ${request.consumerTeam.displayName} for ${request.outputPort.portDisplayName}`;
      return request.status === "approved"
        ? `You approved ${whose}: the team has access until ${request.endsAt.slice(0, 10)}.`
        : `You ${request.status === "rejected" ? "rejected" : "closed"} ${whose}.`;
    }
    if (params.revoked) {
      const grant = await getGrant(actor, params.revoked);
      return `You revoked the access of ${grant.consumerTeam.displayName} to ${grant.outputPort.portDisplayName}; its privileges are being removed.`;
    }
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  return null;
}

export default async function AccessPage({ searchParams }: Props) {
  const actor = await requireActor();
  const [overview, outcome] = await Promise.all([
    getAccessOverview(actor),
    searchParams.then((params) => outcomeOf(actor, params)),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Access"
        description="Requests for access to output ports and the grants they gave: decide on requests for your team's ports, follow your own, and see how to connect."
      />
      {outcome && (
        <p role="status" className="rounded-lg border border-line bg-brand-soft px-4 py-3 text-sm text-foreground">
          {outcome}
        </p>
      )}
      {overview.decides && <InboxSection inbox={overview.inbox} />}
      <RequestsSection requests={overview.requests} actorEmail={actor.email} />
      <HeldGrantsSection grants={overview.heldGrants} />
      {overview.decides && (
        <GivenGrantsSection
          grants={overview.givenGrants}
          title={actor.role === "admin" ? "Active grants on all ports" : "Grants on your ports"}
        />
      )}
    </div>
  );
}
