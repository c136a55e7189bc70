// axe-core's check of a page against WCAG 2.1 levels A and AA, as the e2e tests assert it.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Fails with each violation (rule, what it asks, the first elements concerned) when the page has any. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const found = violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    elements: violation.nodes.slice(0, 3).map((node) => ({ html: node.html, why: node.failureSummary })),
  }));
  expect(found, JSON.stringify(found, null, 2)).toEqual([]);
}
