import type { Metadata } from "next";
import Link from "next/link";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokenTable } from "@/components/tokens/token-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/authz";
import { listApiTokens } from "@/lib/tokens/queries";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const actor = await requireActor();
  const tokens = await listApiTokens(actor);
  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow="Settings"
        title="Personal API tokens"
        description={
          <>
            Tokens let scripts and CI pipelines call the{" "}
            <Link href="/api-docs" className="font-medium text-brand underline-offset-2 hover:underline">
              Hexmesh REST API
            </Link>{" "}
            as you, with your permissions. Send one as <code className="font-mono">Authorization: Bearer hxm_…</code>. A
            token is shown once; revoke it as soon as it is no longer needed.
          </>
        }
      />
      <section aria-labelledby="new-token-heading" className="space-y-3">
        <h2 id="new-token-heading" className="text-base font-semibold text-foreground">
          New token
        </h2>
        <CreateTokenForm />
      </section>
      <section aria-labelledby="tokens-heading" className="space-y-3">
        <h2 id="tokens-heading" className="text-base font-semibold text-foreground">
          Your tokens
        </h2>
        {tokens.length === 0 ? (
          <EmptyState title="No tokens yet" description="Create one above to call the API from a script." />
        ) : (
          <TokenTable tokens={tokens} />
        )}
      </section>
    </div>
  );
}
