import type { Metadata } from "next";
import Link from "next/link";
import { DomainTree } from "@/components/domains/domain-tree";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/styles";
import { can, requireActor } from "@/lib/authz";
import { listDomainTree } from "@/lib/domains/queries";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage() {
  const [actor, domains] = await Promise.all([requireActor(), listDomainTree()]);
  const createsTeams = can(actor, "team.create", null);
  const createsDomains = can(actor, "domain.create", null);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Domains"
        description="The business domains of the mesh, with their sub-domains, owning teams, data products and source systems."
        actions={
          (createsTeams || createsDomains) && (
            <>
              {createsTeams && (
                <Link href="/teams/new" className={buttonClasses("secondary", "md")}>
                  New team
                </Link>
              )}
              {createsDomains && (
                <Link href="/domains/new" className={buttonClasses("primary", "md")}>
                  New domain
                </Link>
              )}
            </>
          )
        }
      />
      {domains.length === 0 ? (
        <EmptyState title="No domains yet" description="When domains are created, they appear here." />
      ) : (
        <DomainTree domains={domains} />
      )}
    </div>
  );
}
