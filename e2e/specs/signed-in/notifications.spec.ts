// Notifications in the app (issue 5 item 5): the bell's unread count, its panel, marking read, /notifications.
// Runs as governance@hexmesh.local, whom the access-request flows of other specs do not notify.
import { query, queryOne, uniqueSuffix } from "../../db";
import { expect, test } from "../../fixtures";
import { NotificationBell, NotificationsPage } from "../../pages/notifications-pages";
import { PERSONAS } from "../../personas";

const EMAIL = PERSONAS.governance.email;

/** Notifications of the test's own for the persona, newest last. */
async function notify(titles: string[]): Promise<void> {
  for (const [index, title] of titles.entries()) {
    await query(
      `insert into notifications (id, user_id, kind, title, body, link, created_at)
       select gen_random_uuid(), u.id, 'test.e2e', $2, 'Made by the end-to-end tests.', '/access',
              now() + ($3::int * interval '1 millisecond')
         from users u where u.email = $1`,
      [EMAIL, title, index],
    );
  }
}

const unreadInDb = async () =>
  Number(
    (
      await queryOne<{ count: string }>(
        `select count(*) from notifications n join users u on u.id = n.user_id where u.email = $1 and n.read_at is null`,
        [EMAIL],
      )
    ).count,
  );

const readAtOf = (title: string) =>
  queryOne<{ read_at: Date | null }>("select read_at from notifications where title = $1", [title]);

test.describe("the notification bell", () => {
  test(
    "shows the unread count, lists the latest, closes with Escape and marks all read",
    { tag: "@as-governance" },
    async ({ page }) => {
      // Runs as governance@hexmesh.local.
      const suffix = uniqueSuffix();
      const titles = [`Older notice ${suffix}`, `Newest notice ${suffix}`];
      await notify(titles);
      const bell = new NotificationBell(page);

      await page.goto("/");
      const expected = await unreadInDb();
      expect(expected).toBeGreaterThanOrEqual(2);
      await expect(bell.button).toHaveAccessibleName(`Notifications, ${expected} unread`);

      // Keyboard: Enter opens, Escape closes and gives focus back to the bell.
      await bell.button.focus();
      await page.keyboard.press("Enter");
      await expect(bell.panel).toBeVisible();
      await expect(bell.button).toHaveAttribute("aria-expanded", "true");
      await expect(bell.list.getByRole("listitem").first()).toContainText(titles[1]);
      await expect(bell.list).toContainText(titles[0]);
      await page.keyboard.press("Escape");
      await expect(bell.panel).toBeHidden();
      await expect(bell.button).toBeFocused();

      await bell.open();
      await bell.markAllButton.click();
      await expect(bell.button).toHaveAccessibleName("Notifications, none unread");
      expect((await readAtOf(titles[0])).read_at).not.toBeNull();
      expect((await readAtOf(titles[1])).read_at).not.toBeNull();
    },
  );

  test(
    "opening a notification marks it read; /notifications lists all and marks one read",
    { tag: "@as-governance" },
    async ({ page }) => {
      // Runs as governance@hexmesh.local.
      const suffix = uniqueSuffix();
      const [first, second] = [`Notice to open ${suffix}`, `Notice for the page ${suffix}`];
      await notify([first, second]);
      const bell = new NotificationBell(page);

      await page.goto("/");
      await bell.open();
      await bell.list.getByRole("link", { name: new RegExp(first) }).click();
      await expect(page).toHaveURL(/\/access$/);
      await expect.poll(async () => (await readAtOf(first)).read_at).not.toBeNull();
      expect((await readAtOf(second)).read_at).toBeNull();

      const inbox = new NotificationsPage(page);
      await inbox.goto();
      await expect(inbox.list).toContainText(second);
      await expect(inbox.list).toContainText(first);
      await expect(inbox.markReadButton(first)).toHaveCount(0);
      // `second` is unread: wait for the bell to show it (its count arrives after the page), then take the count.
      await expect.poll(() => bell.unreadCount()).toBeGreaterThan(0);
      const before = await bell.unreadCount();
      await inbox.markReadButton(second).click();
      await expect(inbox.markReadButton(second)).toHaveCount(0);
      await expect.poll(async () => (await readAtOf(second)).read_at).not.toBeNull();
      // The page tells the bell at once.
      await expect.poll(() => bell.unreadCount()).toBeLessThan(before);
    },
  );
});
