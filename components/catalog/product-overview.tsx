import Link from "next/link";
import type { ReactNode } from "react";
import { Tag } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { AlertIcon, ChevronRightIcon } from "@/components/ui/icons";
import { cardClasses } from "@/components/ui/styles";
import { ProseText } from "@/components/ui/prose-text";
import { Time } from "@/components/ui/time";
import type { ProductDetailDto } from "@/lib/products/schemas";
import { ArchetypeBadge, DomainLabel, StatusBadge } from "./badges";
import { ARCHETYPE_HINTS, ARCHETYPE_LABELS, domainTone } from "./labels";

/** Breadcrumb, title, status and the deprecation notice of a product. */
export function ProductHeader({ product }: { product: ProductDetailDto }) {
  const tone = domainTone(product.domain.parent?.name ?? product.domain.name);
  return (
    <header className="space-y-5">
      <nav aria-label="Breadcrumb">
        <ol className="flex flex-wrap items-center gap-1.5 text-sm text-muted">
          <li>
            <Link href="/products" className="rounded hover:text-foreground">
              Data products
            </Link>
          </li>
          {product.domain.parent && (
            <li className="flex items-center gap-1.5">
              <ChevronRightIcon className="size-3.5 text-faint" />
              <Link
                href={`/domains/${encodeURIComponent(product.domain.parent.name)}`}
                className="rounded hover:text-foreground"
              >
                {product.domain.parent.displayName}
              </Link>
            </li>
          )}
          <li className="flex items-center gap-1.5">
            <ChevronRightIcon className="size-3.5 text-faint" />
            <Link
              href={`/domains/${encodeURIComponent(product.domain.name)}`}
              className="rounded hover:text-foreground"
            >
              {product.domain.displayName}
            </Link>
          </li>
          <li className="flex min-w-0 items-center gap-1.5">
            <ChevronRightIcon className="size-3.5 text-faint" />
            <span aria-current="page" className="truncate text-foreground">
              {product.displayName}
            </span>
          </li>
        </ol>
      </nav>

      <div className="flex items-start gap-4">
        <span
          aria-hidden
          className={cn("grid size-12 shrink-0 place-items-center rounded-xl text-lg font-semibold", tone.soft)}
        >
          {product.displayName.slice(0, 1).toUpperCase()}
        </span>
        <div className="min-w-0 flex-1 space-y-1.5">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <h1 className="text-2xl font-semibold tracking-tight text-foreground">{product.displayName}</h1>
            <StatusBadge status={product.status} />
            <ArchetypeBadge archetype={product.archetype} />
          </div>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
            <span className="font-mono text-foreground/80">{product.ref}</span>
            <span aria-hidden className="text-faint">
              ·
            </span>
            <span>v{product.version}</span>
            <span aria-hidden className="text-faint">
              ·
            </span>
            <Link
              href={`/teams/${encodeURIComponent(product.owningTeam.name)}`}
              className="rounded underline-offset-4 hover:text-foreground hover:underline"
            >
              {product.owningTeam.displayName}
            </Link>
            <span aria-hidden className="text-faint">
              ·
            </span>
            <span>
              Updated <Time date={product.updatedAt} format="relative" />
            </span>
          </p>
        </div>
      </div>

      {product.status === "deprecated" && (
        <div
          role="note"
          className="flex gap-3 rounded-xl border border-amber-500/30 bg-warning-soft px-4 py-3 text-sm text-foreground"
        >
          <AlertIcon className="mt-0.5 size-4 shrink-0 text-warning" />
          <div className="space-y-1">
            <p className="font-semibold">
              Deprecated
              {product.sunsetAt && (
                <>
                  {" "}
                  · sunset on <Time date={product.sunsetAt} />
                </>
              )}
            </p>
            <p className="text-muted">
              <ProseText>
                {product.deprecationNote ||
                  "The owning team plans to retire this product. Move consumers to its successor."}
              </ProseText>
            </p>
          </div>
        </div>
      )}
    </header>
  );
}

function Prose({ title, children }: { title: string; children: string }) {
  return (
    <section className="space-y-1.5">
      <h3 className="text-sm font-semibold text-foreground">{title}</h3>
      {children ? (
        <p className="text-sm leading-6 whitespace-pre-line text-muted">
          <ProseText>{children}</ProseText>
        </p>
      ) : (
        <p className="text-sm text-faint">Not written yet.</p>
      )}
    </section>
  );
}

/** Description, purpose, limitations and usage, as the owners wrote them. */
export function ProductAbout({ product }: { product: ProductDetailDto }) {
  return (
    <section aria-labelledby="about-heading" className={cn(cardClasses, "px-5 py-5")}>
      <h2 id="about-heading" className="sr-only">
        About this product
      </h2>
      <div className="space-y-6">
        <Prose title="Description">{product.description}</Prose>
        <Prose title="Purpose">{product.purpose}</Prose>
        <Prose title="Limitations">{product.limitations}</Prose>
        <Prose title="Usage">{product.usage}</Prose>
      </div>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-4 py-2.5">
      <dt className="shrink-0 text-muted">{label}</dt>
      <dd className="min-w-0 text-right text-foreground">{children}</dd>
    </div>
  );
}

/** The product's facts: ownership, domain, archetype, versions, dates, tags. */
export function ProductFacts({ product }: { product: ProductDetailDto }) {
  return (
    <section aria-labelledby="details-heading" className={cn(cardClasses, "px-5 py-3")}>
      <h2 id="details-heading" className="py-1.5 text-sm font-semibold text-foreground">
        Details
      </h2>
      <dl className="divide-y divide-line text-sm">
        <Row label="Owning team">
          <Link
            href={`/teams/${encodeURIComponent(product.owningTeam.name)}`}
            className="underline-offset-4 hover:underline"
          >
            {product.owningTeam.displayName}
          </Link>
        </Row>
        <Row label="Domain">
          <DomainLabel
            name={product.domain.name}
            displayName={product.domain.displayName}
            parent={product.domain.parent}
          />
        </Row>
        <Row label="Archetype">
          <span title={ARCHETYPE_HINTS[product.archetype]}>{ARCHETYPE_LABELS[product.archetype]}</span>
        </Row>
        <Row label="Status">
          <StatusBadge status={product.status} />
        </Row>
        {product.sunsetAt && (
          <Row label="Sunset">
            <Time date={product.sunsetAt} />
          </Row>
        )}
        <Row label="Version">
          <span className="font-mono text-[13px]">{product.version}</span>
        </Row>
        <Row label="Revision">
          <span className="tabular-nums">{product.revision}</span>
        </Row>
        <Row label="Created">
          <Time date={product.createdAt} />
        </Row>
        <Row label="Updated">
          <Time date={product.updatedAt} format="datetime" />
        </Row>
        <div className="py-2.5">
          <dt className="mb-2 text-muted">Tags</dt>
          <dd>
            {product.tags.length === 0 ? (
              <span className="text-faint">No tags</span>
            ) : (
              <ul className="flex flex-wrap gap-1.5">
                {product.tags.map((tag) => (
                  <li key={tag}>
                    <Tag>{tag}</Tag>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
