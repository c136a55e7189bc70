import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { cardClasses } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { RefreshWhilePending } from "@/components/webhooks/refresh-while-pending";
import { WebhookControls } from "@/components/webhooks/webhook-controls";
import { requireActor } from "@/lib/authz";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { decodeSegment } from "@/lib/url-segment";
import { listTeamWebhooks } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhooks" };

interface Params {
  params: Promise<{ name: string }>;
}

export default async function TeamWebhooksPage({ params }: Params) {
  const { name } = await params;
  const actor = await requireActor();
  const teamPath = `/teams/${encodeURIComponent(name)}`;
  let result;
  try {
    result = await listTeamWebhooks(actor, decodeSegment(name));
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof URIError) notFound();
    if (error instanceof ForbiddenError) {
      return (
        <EmptyState
          title="You cannot manage this team's webhooks"
          description="Only the team's owners and platform admins manage its webhooks."
          action={{ href: teamPath, label: "Back to the team" }}
        />
      );
    }
    throw error;
  }
  const { team, webhooks } = result;
  // Refreshed until every queued delivery had its first attempt (retries come minutes or hours later).
  const pending = webhooks.some((webhook) =>
    webhook.deliveries.some((delivery) => delivery.status === "pending" && delivery.attempts === 0),
  );
  return (
    <div className="space-y-8">
      <RefreshWhilePending pending={pending} />
      <PageHeader
        eyebrow={
          <Link href={teamPath} className="hover:underline">
            Team {team.displayName}
          </Link>
        }
        title="Webhooks"
        description="Hexmesh POSTs the team's events (access requests, decisions, grants) to these URLs as CloudEvents 1.0, signed with HMAC-SHA256 (Standard Webhooks), retrying failures with exponential backoff."
      />

      <section aria-labelledby="new-webhook-heading" className="space-y-3">
        <h2 id="new-webhook-heading" className="text-lg font-semibold tracking-tight text-foreground">
          New webhook
        </h2>
        <CreateWebhookForm team={team.name} />
      </section>

      <section aria-labelledby="webhooks-heading" className="space-y-3">
        <div className="flex items-baseline gap-2">
          <h2 id="webhooks-heading" className="text-lg font-semibold tracking-tight text-foreground">
            Webhooks of the team
          </h2>
          <span className="text-sm text-muted tabular-nums">{webhooks.length}</span>
        </div>
        {webhooks.length === 0 ? (
          <EmptyState title="No webhooks yet" description="Add one above to receive the team's events." />
        ) : (
          <ul aria-label="Webhooks" className="space-y-4">
            {webhooks.map((webhook) => (
              <li key={webhook.id} aria-label={webhook.url} className={`${cardClasses} space-y-4 p-5`}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0 space-y-1">
                    <p className="font-mono text-sm break-all text-foreground">{webhook.url}</p>
                    {webhook.description && <p className="text-sm text-muted">{webhook.description}</p>}
                    <p className="text-xs text-faint">
                      Added by {webhook.createdBy} on <Time date={webhook.createdAt} />
                    </p>
                  </div>
                  <Badge tone={webhook.enabled ? "green" : "muted"} dot>
                    {webhook.enabled ? "Enabled" : "Disabled"}
                  </Badge>
                </div>
                <WebhookControls
                  team={team.name}
                  webhookId={webhook.id}
                  version={webhook.version}
                  enabled={webhook.enabled}
                  url={webhook.url}
                />
                <div className="space-y-2">
                  <h3 className="text-sm font-semibold text-foreground">Delivery log</h3>
                  <DeliveryLog deliveries={webhook.deliveries} caption={`Latest deliveries to ${webhook.url}`} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
