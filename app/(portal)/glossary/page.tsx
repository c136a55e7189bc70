import type { Metadata } from "next";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { cardClasses } from "@/components/ui/styles";
import { listPolysemes } from "@/lib/glossary/queries";

export const metadata: Metadata = { title: "Glossary" };

export default async function GlossaryPage() {
  const polysemes = await listPolysemes();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Glossary"
        description="Polysemes: concepts shared across domains. Fields carrying the same polyseme can be used to join data products."
      />
      {polysemes.length === 0 ? (
        <EmptyState title="No polysemes yet" />
      ) : (
        <div className={cn(cardClasses, "overflow-x-auto")}>
          <table className="w-full min-w-[720px] text-left text-sm">
            <caption className="sr-only">Polysemes</caption>
            <thead>
              <tr className="border-b border-line text-xs font-medium text-muted">
                <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
                  Polyseme
                </th>
                <th scope="col" className="px-3 py-2.5 font-medium">
                  Definition
                </th>
                <th scope="col" className="w-44 px-3 py-2.5 font-medium">
                  Owning team
                </th>
                <th scope="col" className="w-24 py-2.5 pr-5 pl-3 text-right font-medium">
                  Products
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {polysemes.map((polyseme) => (
                <tr key={polyseme.name} className="align-top">
                  <td className="py-3 pr-3 pl-5">
                    <Link
                      href={`/glossary/${encodeURIComponent(polyseme.name)}`}
                      className="font-medium text-foreground underline-offset-4 hover:underline"
                    >
                      {polyseme.displayName}
                    </Link>
                  </td>
                  <td className="px-3 py-3 text-muted">{polyseme.definition}</td>
                  <td className="px-3 py-3">
                    <Link
                      href={`/teams/${encodeURIComponent(polyseme.ownerTeam.name)}`}
                      className="underline-offset-4 hover:underline"
                    >
                      {polyseme.ownerTeam.displayName}
                    </Link>
                  </td>
                  <td className="py-3 pr-5 pl-3 text-right tabular-nums">{polyseme.productCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
