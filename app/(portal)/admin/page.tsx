import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { roleSummary, UserTable } from "@/components/admin/user-table";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/errors";
import { listUsersForAdmin } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  let users;
  try {
    users = await listUsersForAdmin();
  } catch (error) {
    // Only platform admins know this page exists.
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const disabled = users.filter((user) => user.disabled).length;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow="Admin"
        title="Users"
        description="Everyone who can sign in to Hexmesh. Change a user's global role, or disable them: their sessions end at once and they cannot sign in until enabled again. Every change is audited."
      />
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-muted" aria-label="Users by role">
        <li>
          <span className="font-semibold text-foreground tabular-nums">{users.length}</span> users
        </li>
        {roleSummary(users).map((entry) => (
          <li key={entry.role}>
            <span className="font-semibold text-foreground tabular-nums">{entry.count}</span>{" "}
            {entry.label.toLowerCase()}
            {entry.count === 1 || entry.role === "governance" ? "" : "s"}
          </li>
        ))}
        <li>
          <span className="font-semibold text-foreground tabular-nums">{disabled}</span> disabled
        </li>
      </ul>
      <UserTable users={users} />
    </div>
  );
}
