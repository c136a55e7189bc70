import Link from "next/link";
import {
  ArchetypePanel,
  DomainsPanel,
  LifecyclePanel,
  MeshStats,
  RecentChangesPanel,
} from "@/components/mesh/overview";
import { ArrowRightIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/styles";
import { requireActor } from "@/lib/authz";
import { getMeshOverview } from "@/lib/mesh/queries";

export default async function HomePage() {
  const [actor, overview] = await Promise.all([requireActor(), getMeshOverview()]);
  const firstName = actor.name.split(/\s+/)[0] || actor.name;
  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow={`Welcome back, ${firstName}`}
        title="Your data mesh"
        description="What the mesh holds right now: its domains, the data products you can see, and how they feed each other."
        actions={
          <Link href="/products" className={buttonClasses("primary")}>
            Browse data products <ArrowRightIcon />
          </Link>
        }
      />
      <MeshStats counts={overview.counts} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <LifecyclePanel byStatus={overview.byStatus} total={overview.counts.products} />
        <ArchetypePanel byArchetype={overview.byArchetype} total={overview.counts.products} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <DomainsPanel domains={overview.domains} />
        <RecentChangesPanel changes={overview.recentChanges} />
      </div>
    </div>
  );
}
