import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";
import type { MeshMetricsDto } from "@/lib/graph/schemas";

function Metric({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-baseline justify-between gap-3">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** Mesh metrics over the products the viewer may see. */
export function MeshMetrics({ metrics }: { metrics: MeshMetricsDto }) {
  const format = new Intl.NumberFormat("en");
  return (
    <section aria-labelledby="mesh-metrics" className={cn(cardClasses, "space-y-4 p-4")}>
      <h2 id="mesh-metrics" className="text-sm font-semibold">
        Mesh metrics
      </h2>
      <dl className="space-y-2">
        <Metric label="Data products" value={format.format(metrics.products)} />
        <Metric label="Consumption edges" value={format.format(metrics.consumptionEdges)} />
        <Metric
          label="Cross-domain edges"
          value={metrics.crossDomainShare === null ? "–" : `${metrics.crossDomainShare}%`}
        />
        <Metric label="Products without consumers" value={format.format(metrics.productsWithoutConsumers)} />
      </dl>
      <div>
        <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">Most consumed</h3>
        {metrics.mostConsumed.length === 0 ? (
          <p className="mt-2 text-sm text-muted">No product has consumers yet.</p>
        ) : (
          <ol className="mt-2 space-y-1.5 text-sm">
            {metrics.mostConsumed.map((product) => (
              <li key={product.ref} className="flex items-baseline justify-between gap-2">
                <Link href={`/products/${product.ref}`} className="truncate hover:underline">
                  {product.displayName}
                </Link>
                <span className="shrink-0 text-muted tabular-nums">
                  {product.consumers} {product.consumers === 1 ? "consumer" : "consumers"}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
