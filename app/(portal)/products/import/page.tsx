import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/components/descriptors/import-form";
import { PageHeader } from "@/components/ui/page-header";
import { listDomainOptions } from "@/lib/domains/queries";

export const metadata: Metadata = { title: "Import YAML" };

export default async function ImportProductPage() {
  const domains = await listDomainOptions();
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/products" className="hover:text-foreground">
            Data products
          </Link>
        }
        title="Import YAML"
        description="Register or update a data product from its ODPS descriptor (or a Data Contract Specification document). Check the preview of what will change, then apply. The same document can be sent by a CI pipeline through the REST API."
      />
      <ImportForm domains={domains} />
    </div>
  );
}
