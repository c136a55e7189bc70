import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ApiReference } from "./api-reference";

export const metadata: Metadata = { title: "API documentation" };

export default function ApiDocsPage() {
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow="Developers"
        title="REST API v1"
        description={
          <>
            Register and read data products from scripts and CI pipelines. Create a personal token at{" "}
            <Link href="/settings/tokens" className="font-medium text-brand underline-offset-2 hover:underline">
              API tokens
            </Link>{" "}
            and send it as <code className="font-mono">Authorization: Bearer hxm_…</code>. The machine-readable
            description is at{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-brand underline-offset-2 hover:underline">
              /api/v1/openapi.json
            </a>
            .
          </>
        }
      />
      <ApiReference url="/api/v1/openapi.json" />
    </div>
  );
}
