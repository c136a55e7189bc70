import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import type { NotificationDto } from "@/lib/notifications/schemas";
import { MarkReadButton } from "./mark-read-buttons";

/** The full list of /notifications: unread ones marked, each with its link and a "Mark as read" button. */
export function NotificationList({ items }: { items: NotificationDto[] }) {
  return (
    <ul aria-label="Notifications" className={cn(cardClasses, "divide-y divide-line")}>
      {items.map((item) => {
        const read = item.readAt !== null;
        return (
          <li
            key={item.id}
            className={cn("flex flex-wrap items-start gap-4 px-5 py-3.5 text-sm", !read && "bg-brand-soft/30")}
          >
            <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", read ? "bg-line" : "bg-brand")} />
            <div className="min-w-0 flex-1 space-y-0.5">
              <p className={cn("text-foreground", !read && "font-semibold")}>
                {!read && <span className="sr-only">Unread: </span>}
                {item.link ? (
                  <Link href={item.link} className="underline-offset-4 hover:underline">
                    {item.title}
                  </Link>
                ) : (
                  item.title
                )}
              </p>
              {item.body && <p className="text-muted">{item.body}</p>}
              <p className="text-xs text-faint">
                <Time date={item.createdAt} format="datetime" />
              </p>
            </div>
            {!read && <MarkReadButton id={item.id} title={item.title} />}
          </li>
        );
      })}
    </ul>
  );
}
