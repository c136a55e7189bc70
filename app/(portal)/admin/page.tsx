import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UserTable } from "@/components/admin/user-table";
import { ROLE_LABELS } from "@/components/shell/labels";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { buttonClasses, inputClasses } from "@/components/ui/styles";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { adminUsersHref, adminUsersInput, GLOBAL_ROLES } from "@/lib/users/schemas";
import { listUsersForAdmin } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const input = adminUsersInput(await searchParams);
  let list;
  try {
    list = await listUsersForAdmin(input);
  } catch (error) {
    // Only platform admins know this page exists.
    if (error instanceof NotFoundError) notFound();
    if (error instanceof InvalidInputError) {
      return (
        <EmptyState
          title="This search link is not valid"
          description={Object.values(error.fieldErrors).flat().join(" ") || error.message}
          action={{ href: "/admin", label: "All users" }}
        />
      );
    }
    throw error;
  }
  const q = input.q?.trim() ?? "";
  const { users, summary } = list;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow="Admin"
        title="Users"
        description="Everyone who can sign in to Hexmesh. Change a user's global role, or disable them: their sessions end at once and they cannot sign in until enabled again. Every change is audited."
      />
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-muted" aria-label="Users by role">
        <li>
          <span className="font-semibold text-foreground tabular-nums">{summary.total}</span> users
        </li>
        {GLOBAL_ROLES.map((role) => (
          <li key={role}>
            <span className="font-semibold text-foreground tabular-nums">{summary.byRole[role]}</span>{" "}
            {ROLE_LABELS[role].toLowerCase()}
            {summary.byRole[role] === 1 || role === "governance" ? "" : "s"}
          </li>
        ))}
        <li>
          <span className="font-semibold text-foreground tabular-nums">{summary.disabled}</span> disabled
        </li>
      </ul>
      <Form action="/admin" role="search" aria-label="Users" className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor="admin-q" className="text-sm font-medium text-foreground">
            Search users
          </label>
          <input
            id="admin-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
            autoComplete="off"
            placeholder="Name or email"
            className={`${inputClasses} mt-1 h-10`}
          />
        </div>
        <button type="submit" className={buttonClasses("primary", "lg")}>
          Search
        </button>
        {q && (
          <Link href="/admin" className={buttonClasses("ghost", "lg")}>
            Clear
          </Link>
        )}
      </Form>
      {users.length > 0 ? (
        <>
          <UserTable users={users} />
          <Pagination
            label="User pages"
            previousHref={list.previousCursor ? adminUsersHref(q, { before: list.previousCursor }) : null}
            nextHref={list.nextCursor ? adminUsersHref(q, { after: list.nextCursor }) : null}
          />
        </>
      ) : (
        <EmptyState
          title={q ? `No users match “${q}”` : "No users on this page"}
          description={q ? "Search by part of a name or an email address." : "Users may have changed since."}
          action={{ href: "/admin", label: "All users" }}
        />
      )}
    </div>
  );
}
