import type { Metadata } from "next";
import { ProductForm } from "@/components/products/form/product-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/authz";
import { getRegistrationOptions } from "@/lib/products/registration";

export const metadata: Metadata = { title: "Register a data product" };

export default async function NewProductPage() {
  const actor = await requireActor();
  const options = await getRegistrationOptions(actor);
  const header = (
    <PageHeader
      title="Register a data product"
      description="Describe the product, its output ports with their schemas and SLOs, and what it consumes. It is saved as a draft of your team; publish it from its page when it is complete."
    />
  );
  if (options.domains.length === 0 || options.teams.length === 0) {
    return (
      <div className="space-y-6">
        {header}
        <EmptyState
          title="You cannot register products yet"
          description="Products belong to a team and live in a domain that team owns. Ask a team owner to add you to their team, or a platform admin to give your team a domain."
          action={{ href: "/domains", label: "See the domains and their teams" }}
        />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {header}
      <ProductForm
        productRef={null}
        revision={null}
        status={null}
        options={options}
        initial={{
          name: "",
          displayName: "",
          domain: options.domains[0].name,
          owningTeam: options.teams[0].name,
          archetype: "source_aligned",
          description: "",
          purpose: "",
          limitations: "",
          usage: "",
          tags: [],
          version: "0.1.0",
          outputPorts: [],
          inputPorts: [],
        }}
      />
    </div>
  );
}
