import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsumersCard, InputsCard } from "@/components/catalog/lineage-cards";
import { OutputPortCard } from "@/components/catalog/output-port-card";
import { ProductAbout, ProductFacts, ProductHeader } from "@/components/catalog/product-overview";
import { SloSummary } from "@/components/catalog/slo-summary";
import { ProductNeighbourhood } from "@/components/graph/product-neighbourhood";
import { DescriptorDownloads } from "@/components/descriptors/descriptor-downloads";
import { LifecycleControls } from "@/components/products/lifecycle-controls";
import { buttonClasses } from "@/components/ui/styles";
import { requireActor } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import { nextStatuses } from "@/lib/products/input";
import { productPath } from "@/lib/products/schemas";
import { decodeSegment } from "@/lib/url-segment";
import { getProductDetail } from "@/lib/products/queries";

interface Params {
  params: Promise<{ domain: string; name: string }>;
}

/** The product, or the 404 page when it does not exist or the actor may not see it. */
async function loadProduct(params: Params["params"]) {
  const { domain, name } = await params;
  try {
    return await getProductDetail(decodeSegment(domain), decodeSegment(name));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const product = await loadProduct(params);
  return { title: product.displayName, description: product.description.slice(0, 200) || undefined };
}

export default async function ProductPage({ params }: Params) {
  const product = await loadProduct(params);
  const actor = await requireActor();
  const [domain, name] = product.ref.split("/");
  return (
    <div className="space-y-8">
      <ProductHeader product={product} />
      <nav aria-label="Product actions" className="flex flex-wrap items-start gap-3">
        {product.canEdit && (
          <Link href={`${productPath(domain, name)}/edit`} className={buttonClasses("secondary", "sm")}>
            Edit
          </Link>
        )}
        <Link href={`${productPath(domain, name)}/history`} className={buttonClasses("ghost", "sm")}>
          History
        </Link>
        {product.canEdit && (
          <LifecycleControls
            productRef={product.ref}
            revision={product.revision}
            status={product.status}
            next={nextStatuses(product.status)}
            isAdmin={actor.role === "admin"}
          />
        )}
        <DescriptorDownloads domain={domain} name={name} ports={product.outputPorts.map((port) => port.name)} />
      </nav>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <ProductAbout product={product} />
        <ProductFacts product={product} />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <InputsCard inputs={product.inputPorts} />
        <ConsumersCard consumers={product.consumers} grantHolders={product.grantHolders} />
      </div>
      <ProductNeighbourhood productRef={product.ref} />

      <section aria-labelledby="ports-heading" className="space-y-4">
        <div className="flex items-baseline gap-2">
          <h2 id="ports-heading" className="text-lg font-semibold tracking-tight text-foreground">
            Output ports
          </h2>
          <span className="text-sm text-muted tabular-nums">{product.outputPorts.length}</span>
        </div>
        {product.outputPorts.length === 0 ? (
          <p className="rounded-xl border border-dashed border-line-strong px-5 py-8 text-center text-sm text-muted">
            This product serves no output ports yet.
          </p>
        ) : (
          product.outputPorts.map((port) => (
            <OutputPortCard
              key={port.id}
              port={port}
              requestHref={
                product.status === "active" || product.status === "deprecated"
                  ? `${productPath(domain, name)}/ports/${port.name}/request-access`
                  : null
              }
            />
          ))
        )}
      </section>
      <SloSummary ports={product.outputPorts} />
    </div>
  );
}
