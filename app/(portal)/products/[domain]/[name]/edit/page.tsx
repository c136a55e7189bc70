import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductForm } from "@/components/products/form/product-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/authz";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getProductForEdit, getRegistrationOptions } from "@/lib/products/registration";
import { productPath } from "@/lib/products/schemas";
import { decodeSegment } from "@/lib/url-segment";

export const metadata: Metadata = { title: "Edit data product" };

export default async function EditProductPage({ params }: { params: Promise<{ domain: string; name: string }> }) {
  const { domain, name } = await params;
  const actor = await requireActor();
  let product;
  try {
    product = await getProductForEdit(actor, decodeSegment(domain), decodeSegment(name));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) {
      return (
        <EmptyState
          title="You cannot edit this product"
          description={error.message}
          action={{ href: productPath(domain, name), label: "Back to the product" }}
        />
      );
    }
    throw error;
  }
  const options = await getRegistrationOptions(actor);
  // The product's own domain and team stay choosable even when the editor's teams do not own them.
  if (!options.domains.some((option) => option.name === product.values.domain)) {
    options.domains.unshift({ name: product.values.domain, displayName: product.values.domain, sourceSystems: [] });
  }
  if (!options.teams.some((option) => option.name === product.values.owningTeam)) {
    options.teams.unshift({ name: product.values.owningTeam, displayName: product.values.owningTeam });
  }
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href={productPath(domain, name)} className="hover:underline">
            {product.ref}
          </Link>
        }
        title={`Edit ${product.values.displayName}`}
        description={`Revision ${product.revision}, ${product.status}. Saving keeps a new version; breaking changes to a published port need a new major contract version.`}
      />
      <ProductForm
        productRef={product.ref}
        revision={product.revision}
        status={product.status}
        initial={product.values}
        options={options}
      />
    </div>
  );
}
