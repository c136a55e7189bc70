import type { Metadata } from "next";
import { DomainTree } from "@/components/domains/domain-tree";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listDomainTree } from "@/lib/domains/queries";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage() {
  const domains = await listDomainTree();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Domains"
        description="The business domains of the mesh, with their sub-domains, owning teams, data products and source systems."
      />
      {domains.length === 0 ? (
        <EmptyState title="No domains yet" description="When domains are created, they appear here." />
      ) : (
        <DomainTree domains={domains} />
      )}
    </div>
  );
}
