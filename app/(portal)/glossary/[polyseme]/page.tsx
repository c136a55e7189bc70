import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Pagination } from "@/components/ui/pagination";
import { CardList, Muted, Section } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/errors";
import { getPolysemeDetail } from "@/lib/glossary/queries";
import { polysemeHref, polysemeInput } from "@/lib/glossary/schemas";
import { productPath } from "@/lib/products/schemas";
import { decodeSegment } from "@/lib/url-segment";

interface Params {
  params: Promise<{ polyseme: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The polyseme at the page the URL asks for, or the 404 page. */
async function loadPolyseme({ params, searchParams }: Params) {
  const [{ polyseme }, search] = await Promise.all([params, searchParams]);
  try {
    const { domain, after, before } = polysemeInput(search);
    return await getPolysemeDetail(decodeSegment(polyseme), domain, after, before);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof URIError) notFound();
    throw error;
  }
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const polyseme = await loadPolyseme(props);
  return { title: `${polyseme.displayName} · Glossary` };
}

const link = "font-medium text-foreground underline-offset-4 hover:underline";

export default async function PolysemePage(props: Params) {
  const polyseme = await loadPolyseme(props);
  const domain = polyseme.domains.find((candidate) => candidate.selected);
  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow={
          <Link href="/glossary" className="underline-offset-4 hover:underline">
            Glossary
          </Link>
        }
        title={polyseme.displayName}
        description={polyseme.definition}
        actions={
          <p className="text-sm text-muted">
            Owned by{" "}
            <Link href={`/teams/${encodeURIComponent(polyseme.ownerTeam.name)}`} className={link}>
              {polyseme.ownerTeam.displayName}
            </Link>
          </p>
        }
      />

      {polyseme.domains.length === 0 ? (
        <Muted>No field of a data product you can see carries this polyseme yet.</Muted>
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
          <Section id="domains-heading" title="Domains involved" count={polyseme.domains.length}>
            <nav aria-label="Show the products of one domain">
              <ul className="space-y-0.5 text-sm">
                {[
                  { name: "", displayName: "All domains", productCount: polyseme.productCount, selected: !domain },
                  ...polyseme.domains,
                ].map((candidate) => (
                  <li key={candidate.name}>
                    <Link
                      href={polysemeHref(polyseme.name, candidate.name)}
                      aria-current={candidate.selected ? "page" : undefined}
                      className={cn(
                        "flex items-baseline justify-between gap-3 rounded-md px-2 py-1.5 text-foreground/90 hover:bg-subtle",
                        candidate.selected && "bg-brand-soft font-medium text-brand-strong hover:bg-brand-soft",
                      )}
                    >
                      <span className="min-w-0 truncate">{candidate.displayName}</span>
                      <span className="text-xs text-muted tabular-nums">
                        {candidate.productCount.toLocaleString("en")}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </Section>

          <Section
            id="fields-heading"
            title={domain ? `Products of ${domain.displayName} joinable through it` : "Products joinable through it"}
            count={domain ? domain.productCount : polyseme.productCount}
          >
            {domain && (
              <Muted>
                <Link href={`/domains/${encodeURIComponent(domain.name)}`} className={link}>
                  Open the {domain.displayName} domain
                </Link>
              </Muted>
            )}
            {polyseme.products.length === 0 ? (
              <Muted>
                No products here: the domain asked for carries none of it, or the list has changed since.{" "}
                <Link href={polysemeHref(polyseme.name)} className={link}>
                  Start again from all domains
                </Link>
              </Muted>
            ) : (
              <CardList label="Products carrying this polyseme">
                {polyseme.products.map((product) => (
                  <li key={product.ref} className="px-5 py-3 text-sm">
                    <Link href={productPath(product.domain.name, product.name)} className={link}>
                      {product.displayName}
                    </Link>{" "}
                    <span className="font-mono text-xs text-faint">{product.ref}</span>
                    <ul
                      aria-label={`Fields of ${product.displayName}`}
                      className="mt-1.5 space-y-0.5 text-[13px] text-muted"
                    >
                      {product.fields.map((field) => (
                        <li key={`${field.port.name}/${field.name}`}>
                          port {field.port.displayName} ·{" "}
                          <span className="font-mono text-foreground">{field.name}</span> ·{" "}
                          <span className="font-mono">{field.type}</span>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </CardList>
            )}
            <Pagination
              label="Pages of products"
              previousHref={
                polyseme.previousCursor
                  ? polysemeHref(polyseme.name, domain?.name, { before: polyseme.previousCursor })
                  : null
              }
              nextHref={
                polyseme.nextCursor ? polysemeHref(polyseme.name, domain?.name, { after: polyseme.nextCursor }) : null
              }
            />
          </Section>
        </div>
      )}
    </div>
  );
}
