import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { ArrowRightIcon, ServerIcon, ShareIcon, UsersIcon } from "@/components/ui/icons";
import { ProseText } from "@/components/ui/prose-text";
import { Time } from "@/components/ui/time";
import { cardClasses } from "@/components/ui/styles";
import { productPath, type ConsumerDto, type GrantHolderDto, type InputPortDto } from "@/lib/products/schemas";
import { StatusBadge } from "./badges";
import { domainTone } from "./labels";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";

function Card({
  title,
  icon,
  count,
  children,
}: {
  title: string;
  icon: ReactNode;
  count: number;
  children: ReactNode;
}) {
  const id = `lineage-${title.toLowerCase().replace(/\s+/g, "-")}`;
  return (
    <section aria-labelledby={id} className={cn(cardClasses, "flex flex-col")}>
      <h2
        id={id}
        className="flex items-center gap-2 border-b border-line px-5 py-3 text-sm font-semibold text-foreground"
      >
        <span className="text-muted">{icon}</span>
        {title}
        <span className="ml-auto rounded-full bg-subtle px-2 py-0.5 text-xs font-medium text-muted tabular-nums">
          {count}
        </span>
      </h2>
      <div className="flex-1 px-5 py-3">{children}</div>
    </section>
  );
}

function DomainSquare({ domainName }: { domainName: string }) {
  return <span aria-hidden className={cn("mt-1.5 size-2.5 shrink-0 rounded-sm", domainTone(domainName).dot)} />;
}

interface LinkedProduct {
  ref: string;
  domainName: string;
  name: string;
  displayName: string;
  status: LifecycleStatus;
}

/** One upstream or downstream product: a link to it, its status when not active, and the lines the caller gives. */
function ProductEntry({ product, children }: { product: LinkedProduct; children: ReactNode }) {
  return (
    <li className="flex gap-3 py-2.5">
      <DomainSquare domainName={product.domainName} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={productPath(product.domainName, product.name)}
            className="font-medium text-foreground underline-offset-4 hover:underline"
          >
            {product.displayName}
          </Link>
          {product.status !== "active" && <StatusBadge status={product.status} />}
        </div>
        {children}
      </div>
    </li>
  );
}

/** What the product reads: upstream products' output ports and source systems. */
export function InputsCard({ inputs }: { inputs: InputPortDto[] }) {
  return (
    <Card title="Inputs" icon={<ArrowRightIcon />} count={inputs.length}>
      {inputs.length === 0 ? (
        <p className="py-2 text-sm text-faint">This product declares no inputs.</p>
      ) : (
        <ul className="divide-y divide-line">
          {inputs.map((input) =>
            input.kind === "product" ? (
              <ProductEntry key={input.id} product={input.product}>
                <p className="text-xs text-muted">
                  <span className="font-mono">{input.product.ref}</span> · port{" "}
                  <span className="font-mono text-foreground/80">{input.port.name}</span>
                </p>
                {input.description && (
                  <p className="mt-1 text-sm text-muted">
                    <ProseText>{input.description}</ProseText>
                  </p>
                )}
              </ProductEntry>
            ) : (
              <li key={input.id} className="flex gap-3 py-2.5">
                <ServerIcon className="mt-0.5 size-4 shrink-0 text-muted" />
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-foreground">{input.sourceSystem.displayName}</p>
                  <p className="text-xs text-muted">
                    Source system · {input.sourceSystem.kind} ·{" "}
                    <Link
                      href={`/domains/${encodeURIComponent(input.sourceSystem.domainName)}`}
                      className="font-mono underline-offset-4 hover:text-foreground hover:underline"
                    >
                      {input.sourceSystem.domainName}
                    </Link>
                  </p>
                  {input.description && (
                    <p className="mt-1 text-sm text-muted">
                      <ProseText>{input.description}</ProseText>
                    </p>
                  )}
                </div>
              </li>
            ),
          )}
        </ul>
      )}
    </Card>
  );
}

/** Who uses the product: downstream products (that the actor may see) and teams holding active grants. */
export function ConsumersCard({
  consumers,
  grantHolders,
}: {
  consumers: ConsumerDto[];
  grantHolders: GrantHolderDto[];
}) {
  return (
    <Card title="Consumers" icon={<ShareIcon />} count={consumers.length + grantHolders.length}>
      {consumers.length === 0 && grantHolders.length === 0 ? (
        <p className="py-2 text-sm text-faint">No product or team consumes this product yet.</p>
      ) : (
        <div className="space-y-4">
          {consumers.length > 0 && (
            <div>
              <h3 className="pt-1 text-xs font-medium tracking-wide text-muted uppercase">Downstream products</h3>
              <ul className="divide-y divide-line">
                {consumers.map((consumer) => (
                  <ProductEntry key={consumer.product.ref} product={consumer.product}>
                    <p className="text-xs text-muted">
                      <span className="font-mono">{consumer.product.ref}</span> ·{" "}
                      {consumer.product.owningTeam.displayName} · reads{" "}
                      <span className="font-mono text-foreground/80">{consumer.ports.join(", ")}</span>
                    </p>
                  </ProductEntry>
                ))}
              </ul>
            </div>
          )}
          {grantHolders.length > 0 && (
            <div>
              <h3 className="pt-1 text-xs font-medium tracking-wide text-muted uppercase">Teams with access</h3>
              <ul className="divide-y divide-line">
                {grantHolders.map((grant) => (
                  <li key={`${grant.team.name}:${grant.port}`} className="flex gap-3 py-2.5">
                    <UsersIcon className="mt-0.5 size-4 shrink-0 text-muted" />
                    <div className="min-w-0 flex-1">
                      <p className="font-medium text-foreground">{grant.team.displayName}</p>
                      <p className="text-xs text-muted">
                        {grant.accessLevel} on <span className="font-mono text-foreground/80">{grant.port}</span> ·
                        until <Time date={grant.endsAt} />
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
