import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PortTerms } from "@/components/access/port-terms";
import { RequestAccessForm } from "@/components/access/request-access-form";
import { PageHeader } from "@/components/ui/page-header";
import { getRequestForm } from "@/lib/access/queries";
import { requireActor } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import { productPath } from "@/lib/products/schemas";
import { decodeSegment } from "@/lib/url-segment";

export const metadata: Metadata = { title: "Request access" };

interface Params {
  params: Promise<{ domain: string; name: string; port: string }>;
}

export default async function RequestAccessPage({ params }: Params) {
  const actor = await requireActor();
  const segments = await params;
  const domain = decodeSegment(segments.domain);
  const name = decodeSegment(segments.name);
  let form;
  try {
    form = await getRequestForm(actor, { domain, name }, decodeSegment(segments.port));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const takesRequests = form.product.status === "active" || form.product.status === "deprecated";
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href={productPath(domain, name)} className="underline-offset-4 hover:underline">
            {form.product.displayName}
          </Link>
        }
        title={`Request access to ${form.port.displayName}`}
        description="The owning team decides on your request; you will be notified. Read the terms first."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        {takesRequests ? (
          actor.teams.length > 0 ? (
            <RequestAccessForm form={form} />
          ) : (
            <p role="alert" className="text-sm text-danger">
              You belong to no team: access is granted to teams. Ask a team owner to add you to their team.
            </p>
          )
        ) : (
          <p role="alert" className="text-sm text-danger">
            {form.product.displayName} is {form.product.status}: it takes no access requests.
          </p>
        )}
        <PortTerms form={form} />
      </div>
    </div>
  );
}
