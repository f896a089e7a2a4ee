import { type APIRequestContext, expect, test } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// Issue 13: the manager's dashboard (aggregate only, no way to a patient) and the physician's outcomes
// (filter to lumbar MBBs, open a patient's block from the waterfall). Two blocks are set up over the
// API: a positive lumbar MBB and a cervical one, so the lumbar filter leaves exactly one bar.

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function blocks(request: APIRequestContext): Promise<{ lumbarProcedure: string }> {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'physician', password: E2E_DEMO_PASSWORD },
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const post = async (url: string, data: unknown): Promise<string> => {
    const response = await request.post(url, { headers: { 'X-CSRF-Token': csrfToken }, data });
    expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const ids: Record<string, string> = {};
  for (const [region, level, score] of [
    ['lumbar', 'L4-L5', 1],
    ['cervical', 'C3-C4', 5],
  ] as const) {
    const patient = await post('/api/v1/patients', {
      mrn: `OUT-${region.slice(0, 1)}${Date.now() % 1e8}`,
      givenName: 'Olive',
      familyName: `Outcome ${region}`,
      birthDate: '1970-02-02',
      sex: 'female',
    });
    const episode = await post(`/api/v1/patients/${patient}/episodes`, {
      region,
      side: 'left',
      onsetDate: daysAgo(300),
      indexPain: 'Axial pain',
      baselineNrsRest: 4,
      baselineNrsActivity: 8,
    });
    await post(`/api/v1/episodes/${episode}/therapies`, {
      kind: 'physical-therapy',
      startDate: daysAgo(280),
      endDate: daysAgo(150),
      response: 'partial',
    });
    const procedure = await post(`/api/v1/episodes/${episode}/procedures`, {
      kind: 'mbb',
      intent: 'diagnostic',
      performedAt: `${daysAgo(20)}T12:00:00.000Z`,
      levels: [level],
      side: 'left',
      anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
      guidance: 'fluoroscopy',
      sedation: 'none',
      overrideReason: 'e2e set-up',
    });
    for (const [minutesAfter, s] of [
      [0, 8],
      [30, score],
      [60, score + 1],
    ])
      await post(`/api/v1/procedures/${procedure}/pain-scores`, {
        minutesAfter,
        score: s,
        context: 'activity',
      });
    ids[region] = procedure;
  }
  return { lumbarProcedure: ids['lumbar']! };
}

let lumbarProcedure = '';
test.beforeAll(async ({ request }) => {
  ({ lumbarProcedure } = await blocks(request));
});

test('the manager lands on the dashboard and cannot reach a patient page', async ({ page }) => {
  await signIn(page, 'manager');
  // Signing in lands the manager on the dashboard (no click on the nav).
  await expect(page).toHaveURL(/\/practice-dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Practice dashboard' })).toBeVisible();
  await expect(page.getByText('Positive-block rate')).toBeVisible();
  // When the figures were read, day first with a 24-hour time (report-cache.ts may serve a large
  // practice's figures a little old, and says so).
  await expect(
    page.getByText(/^Figures as of \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/),
  ).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Procedures per month by kind' })).toBeVisible();
  await expect(page.getByText('Outcome lumbar')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto(`/procedures/${lumbarProcedure}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/access/i);
  await expect(page.getByText('Outcome lumbar')).toHaveCount(0);
  await page.goto('/outcomes');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/access/i);
});

test('a physician filters outcomes to lumbar MBBs and opens the patient from the waterfall', async ({
  page,
}) => {
  await signIn(page, 'physician');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Outcomes' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outcomes' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Region' }).click();
  await page.getByRole('option', { name: 'lumbar' }).click();
  await page.getByRole('button', { name: 'Show' }).click();
  const waterfall = page.getByRole('figure', { name: 'Peak relief per diagnostic block' });
  await waterfall.getByText(/Data table/).click();
  // Only lumbar blocks are listed: the cervical one is filtered out.
  const row = waterfall
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: lumbarProcedure, exact: true }) });
  await expect(row.getByRole('cell', { name: 'Positive' })).toBeVisible();
  await expect(waterfall.getByRole('cell', { name: /^C3-C4$/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/procedures/${lumbarProcedure}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Medial branch block');
  await expect(page.getByText('L4-L5').first()).toBeVisible();
});

test('an outcomes range in the wrong order shows the message under the field', async ({ page }) => {
  await signIn(page, 'physician');
  await page.goto('/outcomes');
  // Typed day first, like every date in the app.
  await page.getByRole('textbox', { name: 'From' }).fill('01/05/2026');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('01/01/2026');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('To must be on or after From')).toBeVisible();
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('31/02/2026');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText(/To/).and(page.locator('mat-error'))).toBeVisible();
});

test('a dashboard range with nothing in it shows an empty state, not empty charts', async ({
  page,
}) => {
  await signIn(page, 'manager');
  await page.getByRole('textbox', { name: 'From' }).fill('01/01/2001');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('31/01/2001');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing in this range' })).toBeVisible();
  await expect(page.locator('canvas')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
