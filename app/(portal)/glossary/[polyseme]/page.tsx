import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CardList, Muted, Section } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/errors";
import { getPolysemeDetail } from "@/lib/glossary/queries";
import { productPath } from "@/lib/products/schemas";
import { decodeSegment } from "@/lib/url-segment";

interface Params {
  params: Promise<{ polyseme: string }>;
}

async function loadPolyseme(params: Params["params"]) {
  const { polyseme } = await params;
  try {
    return await getPolysemeDetail(decodeSegment(polyseme));
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof URIError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const polyseme = await loadPolyseme(params);
  return { title: `${polyseme.displayName} · Glossary` };
}

const link = "font-medium text-foreground underline-offset-4 hover:underline";

export default async function PolysemePage({ params }: Params) {
  const polyseme = await loadPolyseme(params);
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

      <Section id="domains-heading" title="Domains involved" count={polyseme.domains.length}>
        {polyseme.domains.length === 0 ? (
          <Muted>No domain uses this polyseme yet.</Muted>
        ) : (
          <ul aria-label="Domains involved" className="flex flex-wrap gap-2 text-sm">
            {polyseme.domains.map((domain) => (
              <li key={domain.name}>
                <Link href={`/domains/${encodeURIComponent(domain.name)}`} className={link}>
                  {domain.displayName}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="fields-heading" title="Products joinable through it" count={polyseme.products.length}>
        {polyseme.products.length === 0 ? (
          <Muted>No fields carry this polyseme.</Muted>
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
                      port {field.port.displayName} · <span className="font-mono text-foreground">{field.name}</span> ·{" "}
                      <span className="font-mono">{field.type}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </CardList>
        )}
      </Section>
    </div>
  );
}
