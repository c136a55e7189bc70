import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductPreview } from "@/components/catalog/product-preview";
import { DomainManager } from "@/components/domains/domain-manager";
import { CardList, Muted, Section } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/styles";
import { getDomainDetail } from "@/lib/domains/queries";
import type { DomainDependencyDto } from "@/lib/domains/schemas";
import { NotFoundError } from "@/lib/errors";
import { decodeSegment } from "@/lib/url-segment";

interface Params {
  params: Promise<{ name: string }>;
}

async function loadDomain(params: Params["params"]) {
  const { name } = await params;
  try {
    return await getDomainDetail(decodeSegment(name));
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof URIError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const domain = await loadDomain(params);
  return { title: domain.displayName };
}

const link = "font-medium text-foreground underline-offset-4 hover:underline";

function Dependencies({ label, items }: { label: string; items: DomainDependencyDto[] }) {
  if (items.length === 0) return <Muted>None.</Muted>;
  return (
    <CardList label={label}>
      {items.map((item) => (
        <li key={item.name} className="flex items-baseline justify-between gap-4 px-5 py-2.5 text-sm">
          <Link href={`/domains/${encodeURIComponent(item.name)}`} className={link}>
            {item.displayName}
          </Link>
          <span className="text-muted tabular-nums">
            {item.edges} {item.edges === 1 ? "consumption" : "consumptions"}
          </span>
        </li>
      ))}
    </CardList>
  );
}

export default async function DomainPage({ params }: Params) {
  const domain = await loadDomain(params);
  // The mesh graph of a domain draws its own products (not its sub-domains'), with their neighbours.
  const ownProducts = domain.productCount - domain.subDomains.reduce((sum, sub) => sum + sub.productCount, 0);
  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb">
            <ol className="flex flex-wrap gap-1">
              <li>
                <Link href="/domains" className="underline-offset-4 hover:underline">
                  Domains
                </Link>
              </li>
              {domain.breadcrumb.map((ancestor) => (
                <li key={ancestor.name}>
                  <span aria-hidden>/ </span>
                  <Link
                    href={`/domains/${encodeURIComponent(ancestor.name)}`}
                    className="underline-offset-4 hover:underline"
                  >
                    {ancestor.displayName}
                  </Link>
                </li>
              ))}
            </ol>
          </nav>
        }
        title={domain.displayName}
        description={domain.description || undefined}
        actions={
          <>
            <p className="text-sm text-muted">
              Owned by{" "}
              <Link href={`/teams/${encodeURIComponent(domain.owningTeam.name)}`} className={link}>
                {domain.owningTeam.displayName}
              </Link>
            </p>
            {ownProducts > 0 && (
              <Link
                href={`/mesh?domain=${encodeURIComponent(domain.name)}`}
                className={buttonClasses("secondary", "sm")}
              >
                Show on the mesh graph
              </Link>
            )}
          </>
        }
      />

      {domain.subDomains.length > 0 && (
        <Section id="subdomains-heading" title="Sub-domains" count={domain.subDomains.length}>
          <CardList label="Sub-domains">
            {domain.subDomains.map((sub) => (
              <li key={sub.name} className="flex items-baseline justify-between gap-4 px-5 py-2.5 text-sm">
                <Link href={`/domains/${encodeURIComponent(sub.name)}`} className={link}>
                  {sub.displayName}
                </Link>
                <span className="text-muted tabular-nums">
                  {sub.productCount} {sub.productCount === 1 ? "product" : "products"}
                </span>
              </li>
            ))}
          </CardList>
        </Section>
      )}

      <Section id="products-heading" title="Data products" count={domain.productCount}>
        {domain.products.length === 0 ? (
          <Muted>No data products.</Muted>
        ) : (
          <ProductPreview
            products={domain.products}
            total={domain.productCount}
            filter={{ domain: [domain.name] }}
            owner={domain.displayName}
          />
        )}
      </Section>

      <Section id="sources-heading" title="Source systems" count={domain.sourceSystems.length}>
        {domain.sourceSystems.length === 0 ? (
          <Muted>No source systems.</Muted>
        ) : (
          <CardList label="Source systems">
            {domain.sourceSystems.map((system) => (
              <li key={`${system.domainName}/${system.name}`} className="px-5 py-2.5 text-sm">
                <span className="font-medium text-foreground">{system.displayName}</span>{" "}
                <span className="text-xs text-muted">
                  {system.kind} · {system.domainName}
                </span>
                {system.description && <p className="text-[13px] text-muted">{system.description}</p>}
              </li>
            ))}
          </CardList>
        )}
      </Section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="consumes-heading" title="Consumes from">
          <Dependencies label="Domains this domain consumes from" items={domain.consumes} />
        </Section>
        <Section id="consumed-heading" title="Consumed by">
          <Dependencies label="Domains consuming this domain" items={domain.consumedBy} />
        </Section>
      </div>

      {domain.manageable && (
        <Section id="manage-heading" title="Manage this domain">
          <DomainManager
            domain={domain.name}
            displayName={domain.displayName}
            description={domain.description}
            version={domain.version}
          />
        </Section>
      )}
    </div>
  );
}
