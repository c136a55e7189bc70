import { expect, type Locator, type Page } from "@playwright/test";

/** The bell in the header: its unread count (in its accessible name) and the panel it opens. */
export class NotificationBell {
  readonly button: Locator;
  readonly panel: Locator;
  readonly list: Locator;
  readonly markAllButton: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole("button", { name: /^Notifications, / });
    this.panel = page.getByRole("region", { name: "Notifications" });
    this.list = this.panel.getByRole("list", { name: "Latest notifications" });
    this.markAllButton = this.panel.getByRole("button", { name: "Mark all as read" });
  }

  /** The unread count the bell announces ("Notifications, 3 unread"; 0 for "none unread"). */
  async unreadCount(): Promise<number> {
    const label = (await this.button.getAttribute("aria-label")) ?? "";
    const match = /Notifications, (\d+) unread/.exec(label);
    return match ? Number(match[1]) : 0;
  }

  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.button.click();
    await expect(this.panel).toBeVisible();
  }
}

/** /notifications: the full list. */
export class NotificationsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly markAllButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Notifications" });
    this.list = page.getByRole("main").getByRole("list", { name: "Notifications" });
    this.markAllButton = page.getByRole("main").getByRole("button", { name: "Mark all as read" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/notifications");
    await expect(this.heading).toBeVisible();
  }

  markReadButton(title: string): Locator {
    return this.list.getByRole("button", { name: `Mark as read: ${title}` });
  }
}
