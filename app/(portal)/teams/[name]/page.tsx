import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductPreview } from "@/components/catalog/product-preview";
import { CardList, Muted, Section } from "@/components/ui/section";
import { TeamMembersManager } from "@/components/teams/team-members-manager";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { NotFoundError } from "@/lib/errors";
import { productPath } from "@/lib/products/schemas";
import { getTeamDetail } from "@/lib/teams/queries";
import { decodeSegment } from "@/lib/url-segment";

interface Params {
  params: Promise<{ name: string }>;
}

async function loadTeam(params: Params["params"]) {
  const { name } = await params;
  try {
    return await getTeamDetail(decodeSegment(name));
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof URIError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const team = await loadTeam(params);
  return { title: team.displayName };
}

const link = "font-medium text-foreground underline-offset-4 hover:underline";

export default async function TeamPage({ params }: Params) {
  const team = await loadTeam(params);
  return (
    <div className="space-y-8">
      <PageHeader eyebrow="Team" title={team.displayName} description={team.description || undefined} />

      <Section id="members-heading" title="Members" count={team.members.length}>
        {team.members.length === 0 ? (
          <Muted>No members.</Muted>
        ) : (
          <CardList label="Members">
            {team.members.map((member) => (
              <li
                key={member.email}
                className="flex flex-wrap items-baseline justify-between gap-4 px-5 py-2.5 text-sm"
              >
                <span>
                  <span className="font-medium text-foreground">{member.name}</span>{" "}
                  <span className="text-muted">{member.email}</span>
                </span>
                <Badge tone={member.role === "owner" ? "brand" : "neutral"}>{member.role}</Badge>
              </li>
            ))}
          </CardList>
        )}
      </Section>

      {team.manageable && (
        <Section id="manage-members-heading" title="Manage members">
          <TeamMembersManager team={team.name} version={team.version} members={team.members} />
        </Section>
      )}

      {team.manageable && (
        <Section id="webhooks-heading" title="Webhooks">
          <Muted>
            Send the team&apos;s events to other systems as signed CloudEvents:{" "}
            <Link href={`/teams/${encodeURIComponent(team.name)}/webhooks`} className={link}>
              Manage webhooks
            </Link>
          </Muted>
        </Section>
      )}

      <Section id="domains-heading" title="Domains owned" count={team.domains.length}>
        {team.domains.length === 0 ? (
          <Muted>This team owns no domains.</Muted>
        ) : (
          <CardList label="Domains owned">
            {team.domains.map((domain) => (
              <li key={domain.name} className="px-5 py-2.5 text-sm">
                <Link href={`/domains/${encodeURIComponent(domain.name)}`} className={link}>
                  {domain.displayName}
                </Link>
              </li>
            ))}
          </CardList>
        )}
      </Section>

      <Section id="products-heading" title="Data products owned" count={team.productCount}>
        {team.products.length === 0 ? (
          <Muted>This team owns no data products.</Muted>
        ) : (
          <ProductPreview
            products={team.products}
            total={team.productCount}
            filter={{ team: [team.name] }}
            owner={team.displayName}
          />
        )}
      </Section>

      <Section id="grants-heading" title="Active grants" count={team.grants.length}>
        {team.grants.length === 0 ? (
          <Muted>This team holds no active grants.</Muted>
        ) : (
          <CardList label="Active grants">
            {team.grants.map((grant) => (
              <li key={grant.id} className="flex flex-wrap items-baseline justify-between gap-4 px-5 py-2.5 text-sm">
                <span>
                  <Link href={productPath(grant.product.domain, grant.product.name)} className={link}>
                    {grant.product.displayName}
                  </Link>{" "}
                  <span className="text-muted">· port {grant.port.displayName}</span>
                </span>
                <span className="text-muted">
                  {grant.accessLevel} · until <Time date={grant.endsAt} />
                </span>
              </li>
            ))}
          </CardList>
        )}
      </Section>
    </div>
  );
}
