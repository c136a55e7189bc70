import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { PageHeader } from "@/components/ui/page-header";
import { can, requireActor } from "@/lib/authz";

export const metadata: Metadata = { title: "New team" };

export default async function NewTeamPage() {
  const actor = await requireActor();
  // Platform admins only; for anyone else the page does not exist.
  if (!can(actor, "team.create", null)) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/domains" className="underline-offset-4 hover:underline">
            Domains
          </Link>
        }
        title="New team"
        description="A team owns domains and data products. Its first owner adds the other members on the team's page."
      />
      <CreateTeamForm />
    </div>
  );
}
