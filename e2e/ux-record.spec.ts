import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// Issue 14, the rest: the physician zooms "Around blocks" into each block's hours and days, reads the
// reference lines in a key, prints the report with a running header; the admin reads rule-set
// citations in full and filters the audit log by MRN digits and username, where a manager's refused
// look at a patient shows; the nurse opens a diary straight from search results. axe at both widths.

const TABLET = { width: 820, height: 1180 };
const LAPTOP = { width: 1280, height: 800 };

async function expectAccessibleAtBothWidths(page: Page): Promise<void> {
  for (const size of [LAPTOP, TABLET]) {
    await page.setViewportSize(size);
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize(LAPTOP);
}

/** The demo patient with two blocks (DEMO-1001), found the way staff find one. */
async function demoPatientId(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'physician', password: E2E_DEMO_PASSWORD },
  });
  const headers = { 'X-CSRF-Token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const found = await request.post('/api/v1/patients/search', {
    headers,
    data: { q: 'DEMO-1001', page: 1, pageSize: 5 },
  });
  const items = ((await found.json()) as { items: { id: string }[] }).items;
  expect(items.length).toBe(1);
  return items[0]!.id;
}

test('a physician zooms into each block, reads the key, and prints the report with its running header', async ({
  page,
  request,
}) => {
  const id = await demoPatientId(request);
  await signIn(page, 'physician');
  await page.goto(`/patients/${id}`);
  await page.getByRole('button', { name: 'Around blocks' }).click();
  // One panel per block, each on its own time-after-block axis, each with its values as a table.
  const panels = page
    .getByRole('figure')
    .filter({ hasText: 'in the hours and days after the block' });
  expect(await panels.count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('list', { name: 'Reference lines' })).toContainText('Baseline');
  await expectAccessibleAtBothWidths(page);

  await page.getByRole('link', { name: 'Documentation report' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Facet joint intervention documentation',
  );
  // Each block's diary chart is in the report, and the print margins carry the patient.
  expect(await page.locator('app-relief-chart canvas').count()).toBeGreaterThanOrEqual(2);
  const margins = await page.evaluate(() =>
    document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'),
  );
  expect(margins).toContain('MRN DEMO-1001');
  expect(margins).toContain('counter(pages)');
  await expectAccessibleAtBothWidths(page);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});

test('an admin reads rule-set citations in full and finds a refused look at a patient by MRN digits', async ({
  page,
  browser,
  request,
}) => {
  const id = await demoPatientId(request);
  // A manager opens a patient URL: refused, and the refusal is audited.
  const manager = await browser.newPage();
  await signIn(manager, 'manager');
  await manager.goto(`/patients/${id}`);
  await manager.close();

  await signIn(page, 'admin');
  await page.goto('/admin/rule-sets');
  await page
    .getByRole('button', { name: /View settings/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'References cited' })).toContainText('[6] CGS');
  await expectAccessibleAtBothWidths(page);
  await page.keyboard.press('Escape');

  await page.goto('/admin/audit');
  await page.getByLabel('Patient (MRN or name)').fill('1001');
  await page.getByLabel('Username').fill('manager');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(
    page.getByRole('cell', { name: 'Refused access to patient data' }).first(),
  ).toBeVisible();
  await expectAccessibleAtBothWidths(page);
});

test('a nurse opens a patient\u2019s diary straight from the search results', async ({ page }) => {
  await signIn(page, 'nurse');
  await page.goto('/patients');
  await page
    .getByRole('searchbox')
    .or(page.getByLabel(/Search/))
    .first()
    .fill('1001');
  const link = page.getByRole('link', { name: /Pain diary of/ }).first();
  await expect(link).toBeVisible();
  await expectAccessibleAtBothWidths(page);
  await link.click();
  await expect(page).toHaveURL(/\/procedures\/\d+\/diary$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});
