import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";
import type { ProductChange } from "@/lib/products/changes";

/** Changes between two states of a product, breaking ones marked. */
export function ChangeTable({ changes, caption }: { changes: ProductChange[]; caption: string }) {
  if (changes.length === 0) return <p className="text-sm text-muted">No differences.</p>;
  return (
    <div className={cn(cardClasses, "overflow-x-auto")}>
      <table className="w-full min-w-[640px] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line text-xs text-muted">
            <th scope="col" className="py-2 pr-3 pl-4 font-medium">
              What
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Change
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Before
            </th>
            <th scope="col" className="py-2 pr-4 pl-3 font-medium">
              After
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {changes.map((change, index) => (
            <tr key={index} className="align-top">
              <td className="py-2 pr-3 pl-4 text-foreground">
                {change.where}{" "}
                {change.breaking && (
                  <Badge tone="red" className="ml-1">
                    Breaking
                  </Badge>
                )}
              </td>
              <td className="px-3 py-2 text-muted">{change.kind}</td>
              <td className="px-3 py-2 break-words whitespace-pre-wrap text-muted">{change.before ?? ""}</td>
              <td className="py-2 pr-4 pl-3 break-words whitespace-pre-wrap text-foreground">{change.after ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
