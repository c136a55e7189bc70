import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateDomainForm } from "@/components/domains/create-domain-form";
import { PageHeader } from "@/components/ui/page-header";
import { can, requireActor } from "@/lib/authz";
import { listDomainOptions } from "@/lib/domains/queries";
import { listTeamOptions } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "New domain" };

export default async function NewDomainPage() {
  const actor = await requireActor();
  // Platform admins only; for anyone else the page does not exist.
  if (!can(actor, "domain.create", null)) notFound();
  const [teams, domains] = await Promise.all([listTeamOptions(), listDomainOptions()]);
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/domains" className="underline-offset-4 hover:underline">
            Domains
          </Link>
        }
        title="New domain"
        description="A business domain, owned by a team. Its owners can then add sub-domains and source systems on its page."
      />
      <CreateDomainForm teams={teams} domains={domains} />
    </div>
  );
}
