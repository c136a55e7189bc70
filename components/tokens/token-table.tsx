import { Badge } from "@/components/ui/badge";
import { formatDate, formatDateTime } from "@/components/ui/time";
import type { ApiTokenDto } from "@/lib/tokens/schemas";
import { RevokeTokenButton } from "./revoke-token-button";

const STATE_LABELS = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

/** The user's tokens: name, prefix, dates, state, and a revoke button for the active ones. */
export function TokenTable({ tokens }: { tokens: ApiTokenDto[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface shadow-card">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your personal API tokens</caption>
        <thead className="border-b border-line text-xs text-muted">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Name
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Token
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Created
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Expires
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Last used
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              State
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row" className="px-4 py-3 font-medium text-foreground">
                {token.name}
              </th>
              <td className="px-4 py-3 font-mono text-xs text-muted">{token.prefix}…</td>
              <td className="px-4 py-3 text-muted">{formatDate(new Date(token.createdAt))}</td>
              <td className="px-4 py-3 text-muted">
                {token.expiresAt ? formatDate(new Date(token.expiresAt)) : "Never"}
              </td>
              <td className="px-4 py-3 text-muted">
                {token.lastUsedAt ? formatDateTime(new Date(token.lastUsedAt)) : "Never"}
              </td>
              <td className="px-4 py-3">
                <Badge tone={token.state === "active" ? "green" : "muted"} dot>
                  {STATE_LABELS[token.state]}
                </Badge>
              </td>
              <td className="px-4 py-3 text-right">
                {token.state === "active" && <RevokeTokenButton tokenId={token.id} name={token.name} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
