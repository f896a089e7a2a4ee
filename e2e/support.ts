import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config.ts';

/** Signs in through the login page as one of the demo users (username = role). */
export async function signIn(
  page: Page,
  username: string,
  password = E2E_DEMO_PASSWORD,
): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /sign out/i })).toBeVisible();
}

/** Fails on any violation axe finds on the current page: its default rules, best practices included (issue 14). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Dialogs and menus fade in: axe would read their mid-transition colours as low contrast. Endless
  // animations (progress bars, spinners) never finish, so only finite ones are waited for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}
