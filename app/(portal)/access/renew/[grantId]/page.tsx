import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RenewGrantButton } from "@/components/access/access-controls";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { getGrant } from "@/lib/access/queries";
import { requireActor } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Renew access" };

interface Props {
  params: Promise<{ grantId: string }>;
}

/** The page the expiry reminder links to: one click asks the owners for a renewal. */
export default async function RenewGrantPage({ params }: Props) {
  const actor = await requireActor();
  const { grantId } = await params;
  let grant;
  try {
    grant = await getGrant(actor, grantId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const label = `${grant.outputPort.portDisplayName} of ${grant.outputPort.productDisplayName}`;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/access" className="underline-offset-4 hover:underline">
            Access
          </Link>
        }
        title={`Renew access to ${label}`}
        description={`${grant.consumerTeam.displayName} has ${grant.accessLevel} access until the date below. A renewal asks the owning team for the same access from then on, for the same length, within the port's maximum.`}
      />
      <p className="text-sm text-foreground">
        Status: {grant.status}; ends <Time date={new Date(grant.endsAt)} />.
      </p>
      {grant.status === "active" ? (
        <RenewGrantButton grantId={grant.id} label={label} />
      ) : (
        <p className="text-sm text-muted">
          This grant has ended; request access anew from the{" "}
          <Link href={`/products/${grant.outputPort.product}`} className="text-foreground underline">
            product page
          </Link>
          .
        </p>
      )}
    </div>
  );
}
