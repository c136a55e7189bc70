import type { Metadata } from "next";
import Link from "next/link";
import { MarkAllReadButton } from "@/components/notifications/mark-read-buttons";
import { NotificationList } from "@/components/notifications/notification-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/styles";
import { requireActor } from "@/lib/authz";
import { listNotifications } from "@/lib/notifications/queries";
import { NotificationPageInput } from "@/lib/notifications/schemas";

export const metadata: Metadata = { title: "Notifications" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function NotificationsPage({ searchParams }: Props) {
  const actor = await requireActor();
  const { after } = await searchParams;
  const parsed = NotificationPageInput.safeParse({ after: typeof after === "string" ? after : undefined });
  const page = await listNotifications(actor, parsed.success ? parsed.data : {});
  const firstPage = !parsed.success || !parsed.data.after;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow="Inbox"
        title="Notifications"
        description={
          page.unreadCount === 0
            ? "Everything is read."
            : `${page.unreadCount} unread. New access requests, decisions, expiry reminders and revocations.`
        }
        actions={<MarkAllReadButton disabled={page.unreadCount === 0} />}
      />
      {page.items.length === 0 ? (
        <EmptyState
          title={firstPage ? "No notifications yet" : "No older notifications"}
          description="Hexmesh tells you here about access requests for your team's products and decisions on yours."
        />
      ) : (
        <NotificationList items={page.items} />
      )}
      <nav aria-label="Pages of notifications" className="flex justify-between gap-3">
        {firstPage ? (
          <span />
        ) : (
          <Link href="/notifications" className={buttonClasses("secondary", "md")}>
            Newest
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={`/notifications?after=${encodeURIComponent(page.nextCursor)}`}
            className={buttonClasses("secondary", "md")}
          >
            Older
          </Link>
        )}
      </nav>
    </div>
  );
}
