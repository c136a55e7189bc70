import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { QueryProvider } from "@/components/ui/query-provider";
import { can, requireActor } from "@/lib/authz";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-brand px-4 py-2.5 text-sm font-medium text-brand-foreground shadow-pop focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <AppHeader
        showAdmin={can(actor, "user.list", null)}
        user={{
          name: actor.name,
          email: actor.email,
          role: actor.role,
          teams: actor.teams.map((team) => ({ name: team.name, displayName: team.displayName, role: team.role })),
        }}
      />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 outline-none sm:px-6 lg:px-8">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </>
  );
}
