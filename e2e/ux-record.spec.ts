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

const DAY_MS = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);
/** The story's MRN: its digits find the patient in search and in the audit log. */
const MRN = `UXR-${String(Date.now() % 1e6).padStart(6, '0')}`;
let patientId: string | null = null;

/** A patient with two blocks and their diaries, set up once over the API as the physician. */
async function patientWithTwoBlocks(request: APIRequestContext): Promise<string> {
  if (patientId) return patientId;
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'physician', password: E2E_DEMO_PASSWORD },
  });
  const headers = { 'X-CSRF-Token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const post = async (url: string, data: unknown): Promise<string> => {
    const res = await request.post(url, { headers, data });
    expect(res.status(), `${url}: ${await res.text()}`).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const id = await post('/api/v1/patients', {
    mrn: MRN,
    givenName: 'Rhea',
    familyName: 'Record',
    birthDate: '1977-08-09',
    sex: 'female',
  });
  const episodeId = await post(`/api/v1/patients/${id}/episodes`, {
    region: 'lumbar',
    side: 'bilateral',
    onsetDate: daysAgo(200),
    indexPain: 'Axial low back pain',
    baselineNrsRest: 4,
    baselineNrsActivity: 8,
  });
  for (const daysBefore of [30, 16]) {
    const procedureId = await post(`/api/v1/episodes/${episodeId}/procedures`, {
      kind: 'mbb',
      intent: 'diagnostic',
      performedAt: `${daysAgo(daysBefore)}T12:00:00.000Z`,
      levels: ['L4-L5'],
      side: 'bilateral',
      anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
      guidance: 'fluoroscopy',
      sedation: 'none',
      overrideReason: 'e2e: payer checks are not under test here',
    });
    for (const [minutesAfter, score] of [
      [0, 8],
      [30, 1],
      [480, 2],
      [1440, 5],
    ] as const) {
      await post(`/api/v1/procedures/${procedureId}/pain-scores`, {
        minutesAfter,
        score,
        context: 'activity',
      });
    }
  }
  patientId = id;
  return id;
}

test('a physician zooms into each block, reads the key, and prints the report with its running header', async ({
  page,
  request,
}) => {
  const id = await patientWithTwoBlocks(request);
  await signIn(page, 'physician');
  await page.goto(`/patients/${id}`);
  await page.getByRole('radio', { name: 'Around blocks' }).click();
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
  expect(margins).toContain(`MRN ${MRN}`);
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
  const id = await patientWithTwoBlocks(request);
  // A manager opens a patient URL: refused, and the refusal is audited.
  const manager = await browser.newPage();
  await signIn(manager, 'manager');
  // The client refuses at once, and asks the server, which refuses too and audits the look.
  const refused = manager.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/patients/${id}`) && r.status() === 403,
  );
  await manager.goto(`/patients/${id}`);
  await refused;
  await expect(manager.getByRole('heading', { level: 1 })).toBeVisible();
  await manager.close();

  await signIn(page, 'admin');
  await page.goto('/admin/rule-sets');
  await page
    .getByRole('button', { name: /View settings/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'References cited' })).toContainText(
    '[23] ASIPP guidance.',
  );
  await expectAccessibleAtBothWidths(page);
  await page.keyboard.press('Escape');

  await page.goto('/admin/audit');
  await page.getByLabel('Patient (MRN or name)').fill(MRN.slice(4));
  await page.getByLabel('Username').fill('manager');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(
    page.getByRole('cell', { name: 'Refused access to patient data' }).first(),
  ).toBeVisible();
  await expectAccessibleAtBothWidths(page);
});

test('a nurse opens a patient\u2019s diary straight from the search results', async ({
  page,
  request,
}) => {
  await patientWithTwoBlocks(request);
  await signIn(page, 'nurse');
  await page.goto('/patients');
  await page
    .getByRole('searchbox')
    .or(page.getByLabel(/Search/))
    .first()
    .fill(MRN.slice(4));
  const link = page.getByRole('link', { name: /Open diary of/ }).first();
  await expect(link).toBeVisible();
  await expectAccessibleAtBothWidths(page);
  await link.click();
  await expect(page).toHaveURL(/\/procedures\/\d+\/diary$/);
  // Focus leaves the toolbar for the page: the diary hands it on to its score picker once loaded
  // (the next key typed is the score), so either the heading or the picker holds it.
  await expect(page.locator('main :focus')).toHaveCount(1);
});
