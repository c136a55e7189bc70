import type { Metadata } from "next";
import { MeshExplorer } from "@/components/graph/mesh-explorer";
import { MeshMetrics } from "@/components/graph/mesh-metrics";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/authz";
import { getMeshMetrics, listGraphDomains } from "@/lib/graph/queries";
import { PRODUCT_GRAPH_THRESHOLD } from "@/lib/graph/schemas";

export const metadata: Metadata = { title: "Mesh" };

export default async function MeshPage() {
  const actor = await requireActor();
  const [metrics, domains] = await Promise.all([getMeshMetrics(actor), listGraphDomains()]);
  const small = metrics.products <= PRODUCT_GRAPH_THRESHOLD;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Mesh"
        description="How the data products you can see feed each other: each hexagon is a product, coloured by domain; an arrow runs from an upstream product to the product consuming one of its output ports."
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_16rem]">
        <MeshExplorer initialView={small ? "products" : "domains"} wholeMeshAllowed={small} domains={domains} />
        <MeshMetrics metrics={metrics} />
      </div>
    </div>
  );
}
