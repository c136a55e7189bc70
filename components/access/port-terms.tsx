import { CLASSIFICATION_TONES } from "@/components/catalog/labels";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ProseText } from "@/components/ui/prose-text";
import { cardClasses } from "@/components/ui/styles";
import type { RequestFormDto } from "@/lib/access/queries";

/** What a consumer must know before asking: the port's classification, PII, limitations and usage terms. */
export function PortTerms({ form }: { form: RequestFormDto }) {
  const { port, product } = form;
  return (
    <aside aria-labelledby="terms-heading" className={cn(cardClasses, "space-y-4 px-5 py-4 text-sm")}>
      <h2 id="terms-heading" className="font-semibold text-foreground">
        Terms of this port
      </h2>
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-2">
        <dt className="text-muted">Classification</dt>
        <dd>
          {port.classification ? (
            <Badge tone={CLASSIFICATION_TONES[port.classification]}>{port.classification}</Badge>
          ) : (
            <span className="text-faint">Not classified</span>
          )}
        </dd>
        <dt className="text-muted">Personal data</dt>
        <dd className="text-foreground">
          {port.piiFields.length === 0 ? (
            "None"
          ) : (
            <>
              {port.piiFields.length} field{port.piiFields.length === 1 ? "" : "s"}:{" "}
              <span className="font-mono text-xs">{port.piiFields.join(", ")}</span>
            </>
          )}
        </dd>
        <dt className="text-muted">Longest grant</dt>
        <dd className="text-foreground">{port.maxGrantDays} days</dd>
        <dt className="text-muted">Approval</dt>
        <dd className="text-foreground">{port.autoApprove ? "Automatic" : "By the owning team"}</dd>
      </dl>
      <section aria-labelledby="limitations-heading" className="space-y-1">
        <h3 id="limitations-heading" className="text-xs font-medium tracking-wide text-muted uppercase">
          Limitations
        </h3>
        <p className="leading-6 text-foreground">
          {product.limitations ? <ProseText>{product.limitations}</ProseText> : "None stated."}
        </p>
      </section>
      <section aria-labelledby="usage-heading" className="space-y-1">
        <h3 id="usage-heading" className="text-xs font-medium tracking-wide text-muted uppercase">
          Usage terms
        </h3>
        <p className="leading-6 text-foreground">
          {product.usage ? <ProseText>{product.usage}</ProseText> : "None stated."}
        </p>
      </section>
    </aside>
  );
}
