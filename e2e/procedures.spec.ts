import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// Issue: procedures and the pain diary. A physician records an L4-L5 bilateral lidocaine MBB; a nurse
// keys in the diary with the keyboard alone; the physician reads a positive block under the Medicare
// LCD rule set (peak relief 87.5%) and signs the interpretation. Nurses cannot sign; managers cannot
// see the procedure; the admin manages rule sets.

/** Signs in over the API (its own cookie jar) and returns the CSRF token for writes. */
async function apiSignIn(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/api/v1/auth/login', {
    data: { username, password: E2E_DEMO_PASSWORD },
  });
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** A patient with a lumbar, bilateral episode, set up over the API (the patients UI is its own journey). */
async function lumbarEpisode(request: APIRequestContext): Promise<string> {
  const csrf = await apiSignIn(request, 'physician');
  const headers = { 'X-CSRF-Token': csrf };
  const patient = await request.post('/api/v1/patients', {
    headers,
    data: {
      mrn: `PROC-${Date.now() % 1e9}`,
      givenName: 'Rita',
      familyName: 'Runner',
      birthDate: '1980-04-02',
      sex: 'female',
    },
  });
  expect(patient.status()).toBe(201);
  const { id: patientId } = (await patient.json()) as { id: string };
  const episode = await request.post(`/api/v1/patients/${patientId}/episodes`, {
    headers,
    data: {
      region: 'lumbar',
      side: 'bilateral',
      onsetDate: '2026-01-10',
      indexPain: 'Low back pain, worse running',
    },
  });
  expect(episode.status()).toBe(201);
  return ((await episode.json()) as { id: string }).id;
}

/** Local date and time inputs for a moment `hoursAgo` in the past. */
function localInputs(hoursAgo: number): { date: string; time: string } {
  const at = new Date(Date.now() - hoursAgo * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}

async function pageFor(browser: Browser, role: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, role);
  return page;
}

test('a physician records a bilateral MBB, a nurse keys in the diary, the physician reads it positive and signs', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  // Chart.js under the strict CSP: any refused style or script would show up as a console error.
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const episodeId = await lumbarEpisode(request);
  let procedureUrl = '';

  await test.step('the physician records the MBB through the form', async () => {
    await signIn(page, 'physician');
    await page.goto(`/episodes/${episodeId}/procedures`);
    await expect(page.getByText('No procedures yet')).toBeVisible();
    await page.getByRole('link', { name: 'Record procedure' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Record procedure' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Saving an empty level list shows the schema's message under the levels.
    await page.getByRole('button', { name: 'Save procedure' }).click();
    await expect(page.getByText('Choose at least one level')).toBeVisible();

    const performed = localInputs(7); // so the 7 h diary point is due now (and 6 h is overdue)
    await page.getByLabel('Performed on').fill(performed.date);
    await page.getByLabel('Performed at (time)').fill(performed.time);
    await page.getByRole('option', { name: 'L4-L5' }).click();
    await expect(page.getByRole('combobox', { name: 'Side' })).toContainText('Bilateral');
    await page.getByRole('combobox', { name: 'Agent' }).click();
    await page.getByRole('option', { name: 'Lidocaine' }).click();
    await page.getByLabel('Concentration (%)').fill('2');
    await page.getByLabel('Volume (mL)').fill('0.5');
    await page.getByRole('button', { name: 'Save procedure' }).click();

    await expect(page).toHaveURL(/\/procedures\/\d+$/);
    procedureUrl = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1 })).toContainText('MBB #1');
  });

  await test.step('a nurse enters baseline 8, then 1 at 30 min, 2 at 2 h and 7 at 6 h with the keyboard', async () => {
    const nurse = await pageFor(browser, 'nurse');
    await nurse.goto(`${procedureUrl}/diary`);
    const status = nurse.getByRole('status').filter({ hasText: /Saved/ });
    // Issue 14: the screen opens on the point due now (7 h), score picker focused; the overdue
    // baseline is one pick away.
    await expect(nurse.getByText('Pain at 7 h (NRS 0-10)')).toBeVisible();
    await expectNoAxeViolations(nurse);
    await expect(nurse.getByRole('radio', { name: /0, no pain/ })).toBeFocused();
    await nurse.getByRole('button', { name: /^Baseline\b/ }).focus();
    await nurse.keyboard.press('Enter');
    await expect(nurse.getByText('Pain at baseline (NRS 0-10)')).toBeVisible();
    await nurse.keyboard.type('8');
    await nurse.keyboard.press('Enter');
    await expect(nurse.locator('.announcement')).toHaveText('Saved 8 at baseline');

    for (const [point, score] of [
      ['30 min', '1'],
      ['2 h', '2'],
      ['6 h', '7'],
    ] as const) {
      await nurse.getByRole('button', { name: new RegExp(`^${point}\\b`) }).focus();
      await nurse.keyboard.press('Enter');
      await expect(nurse.getByText(`Pain at ${point} (NRS 0-10)`)).toBeVisible();
      await nurse.keyboard.type(score);
      await nurse.keyboard.press('Enter');
      await expect(nurse.locator('.announcement')).toHaveText(`Saved ${score} at ${point}`);
    }
    await expect(status).toBeVisible();
    await expect(
      nurse.getByRole('table', { name: 'Entered pain scores' }).getByRole('row'),
    ).toHaveCount(5);

    // The nurse sees the verdict but no Sign button, and the server refuses a signature from her.
    await nurse.goto(procedureUrl);
    await expect(nurse.locator('app-verdict-card')).toContainText('Positive');
    await expect(
      nurse.getByRole('button', { name: /^Sign (interpretation|new version)/ }),
    ).toHaveCount(0);
    const me = (await (await nurse.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
    const refused = await nurse.request.post(`/api/v1${procedureUrl}/interpretation`, {
      headers: { 'X-CSRF-Token': me.csrfToken },
      data: { text: 'Positive block.' },
    });
    expect(refused.status()).toBe(403);
    await nurse.context().close();
  });

  await test.step('the physician reads a positive block under Medicare LCD, 87.5% peak relief, and signs', async () => {
    await page.goto(procedureUrl);
    const verdict = page.locator('app-verdict-card');
    await expect(verdict).toContainText('Positive');
    await expect(verdict).toContainText('Medicare LCD');
    await expect(verdict).toContainText('87.5%');
    await expect(page.getByRole('img', { name: /NRS by hours since the block/ })).toBeVisible();
    await expectNoAxeViolations(page);

    await page
      .getByLabel('Interpretation')
      .fill('Positive diagnostic MBB (87.5% relief); plan the second block.');
    await page.getByRole('button', { name: 'Sign interpretation' }).click();
    // Issue 14: signing asks first.
    await page.getByRole('dialog').getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(page.getByText(/Version 1, signed by/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign new version' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  await test.step('a practice manager gets the forbidden page for the procedure', async () => {
    const manager = await pageFor(browser, 'manager');
    await manager.goto(procedureUrl);
    await expect(manager.getByRole('heading', { level: 1 })).toContainText(/access/i);
    await manager.context().close();
  });
});

test('the admin sees the rule sets, with Medicare LCD as the default', async ({ page }) => {
  await signIn(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Rule sets' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rule sets' })).toBeVisible();
  const medicare = page.getByRole('row').filter({ hasText: 'Medicare LCD v1' });
  await expect(medicare).toContainText('Default');
  await expect(medicare).toContainText('≥ 80%');
  await expectNoAxeViolations(page);
  // Issue 14: a built-in rule set's settings and source can be read, not changed.
  await medicare.getByRole('button', { name: 'View settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings of Medicare LCD v1' });
  await expect(dialog.getByLabel('Positive threshold (%)')).toBeDisabled();
  await expect(dialog).toContainText('Source:');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
