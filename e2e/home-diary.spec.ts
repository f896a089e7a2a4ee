import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// Issue 15: after an MBB the nurse hands over a diary link; the patient, at home with no login, opens
// it on a phone (360 x 740) in Spanish and rates three time points; the nurse sees the scores on the
// procedure page and the assessment reads them.

async function apiAs(request: APIRequestContext, username: string) {
  const login = await request.post('/api/v1/auth/login', {
    data: { username, password: E2E_DEMO_PASSWORD },
  });
  expect(login.ok()).toBeTruthy();
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (url: string, data: unknown): Promise<string> => {
    const response = await request.post(url, { headers: { 'X-CSRF-Token': csrfToken }, data });
    expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
}

/** A left L4-L5 lidocaine MBB done 3 h 5 min ago with its baseline of 8 during activity. */
async function mbbWithBaseline(request: APIRequestContext): Promise<string> {
  const post = await apiAs(request, 'physician');
  const patientId = await post('/api/v1/patients', {
    mrn: `HD-${Date.now() % 1e9}`,
    givenName: 'Lucía',
    familyName: 'Home',
    birthDate: '1980-03-03',
    sex: 'female',
  });
  const episodeId = await post(`/api/v1/patients/${patientId}/episodes`, {
    region: 'lumbar',
    side: 'left',
    onsetDate: '2026-01-01',
    indexPain: 'Low back',
  });
  const id = await post(`/api/v1/episodes/${episodeId}/procedures`, {
    kind: 'mbb',
    intent: 'diagnostic',
    performedAt: new Date(Date.now() - 185 * 60_000).toISOString(),
    levels: ['L4-L5'],
    side: 'left',
    anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
    guidance: 'fluoroscopy',
    sedation: 'none',
    overrideReason: 'e2e: no conservative care recorded',
  });
  await post(`/api/v1/procedures/${id}/pain-scores`, {
    minutesAfter: -5,
    score: 8,
    context: 'activity',
  });
  return id;
}

test('the nurse hands over a diary link; the patient rates three time points in Spanish on a phone; the nurse sees them', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const procedureId = await mbbWithBaseline(request);
  let url = '';

  await test.step('the nurse creates the link on the procedure page: the sheet has the address and a QR code', async () => {
    await signIn(page, 'nurse');
    await page.goto(`/procedures/${procedureId}`);
    await page.getByRole('button', { name: 'Create diary link' }).click();
    const sheet = page.locator('.handover-sheet');
    await expect(sheet.getByRole('heading', { name: 'Pain diary for Lucía' })).toBeVisible();
    await expect(sheet.getByRole('img', { name: /^QR:/ })).toBeVisible();
    url = (await sheet.locator('.url').textContent())!.trim();
    expect(url).toMatch(/\/diary\/[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(sheet.getByRole('heading', { name: 'Diario del dolor de Lucía' })).toBeVisible();
    await expect(sheet).toContainText('no tome analgésicos');
    await expectNoAxeViolations(page);
    mkdirSync('.tmp/e2e-results', { recursive: true });
    await sheet.screenshot({ path: '.tmp/e2e-results/handover-sheet-es.png' });
  });

  const phone = await (
    await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'es-ES' })
  ).newPage();

  await test.step('with no session, the patient opens it in Spanish (from the browser) on the point due now', async () => {
    await phone.goto(url);
    await expect(phone.getByText('Hola, Lucía')).toBeVisible();
    await expect(
      phone.getByRole('heading', { name: /Ahora: 3 h después del procedimiento/ }),
    ).toBeVisible();
    await expect(phone.getByText(/Próximo a las/)).toBeVisible();
    await expectNoAxeViolations(phone);
    await phone.screenshot({ path: '.tmp/e2e-results/home-diary-es-360.png', fullPage: false });
    expect(await phone.evaluate(() => document.cookie)).toBe('');
  });

  await test.step('three time points: 3 h, then 15 min and 30 min from the list', async () => {
    const rate = async (score: number, relief?: number) => {
      await phone.getByRole('button', { name: new RegExp(`^${score} de 10`) }).click();
      if (relief !== undefined)
        await phone.getByRole('button', { name: `${relief}% mejor` }).click();
      await phone.getByRole('button', { name: 'Guardar' }).click();
      await expect(phone.getByText('Guardado. Gracias.')).toBeVisible();
    };
    await rate(6, 30);
    const row = (label: string) =>
      phone
        .locator('.points li')
        .filter({ has: phone.locator('.label').getByText(label, { exact: true }) });
    await row('15 min').getByRole('button').click();
    await expect(phone.getByRole('heading', { name: /Ahora: 15 min/ })).toBeVisible();
    await rate(2, 70);
    await row('30 min').getByRole('button').click();
    await rate(1, 90);
    await expect(row('30 min')).toContainText('Hecho');
    // The same time point again is refused with a clear message, and nothing is stored.
    const again = await phone.request.post(`/api/v1/diary/${url.split('/').at(-1)}/pain-scores`, {
      data: { minutesAfter: 30, score: 4, context: 'activity' },
    });
    expect(again.status()).toBe(409);
  });

  await test.step('the page in English at 360 x 740, for the record', async () => {
    await phone.getByRole('button', { name: 'English' }).click();
    await expect(phone.getByRole('heading', { name: 'Your pain diary' })).toBeVisible();
    await expectNoAxeViolations(phone);
    await phone.screenshot({ path: '.tmp/e2e-results/home-diary-en-360.png', fullPage: false });
  });

  await test.step('the nurse sees the three scores on the procedure page, and the assessment reads them', async () => {
    // No reload: the procedure page polls every 30 s while it is open.
    const patientRows = page
      .locator('app-pain-score-table')
      .getByRole('row')
      .filter({ hasText: 'Patient (home diary)' });
    await expect(patientRows).toHaveCount(3, { timeout: 40_000 });
    const assessment = await page.request.get(`/api/v1/procedures/${procedureId}/assessment`);
    const body = (await assessment.json()) as {
      baseline: number;
      peakReliefPercent: number;
      reportedPeakReliefPercent: number;
    };
    expect(body.baseline).toBe(8);
    expect(body.peakReliefPercent).toBe(87.5);
    expect(body.reportedPeakReliefPercent).toBe(90);
  });

  await test.step('bad input stores nothing; a revoked link and a guessed one get a friendly page on the phone', async () => {
    const token = url.split('/').at(-1)!;
    // The page offers only 0-10 buttons and past time points; a tampered request is refused all the same.
    for (const data of [
      { minutesAfter: 60, score: 11, context: 'activity' },
      { minutesAfter: 60, score: -1, context: 'activity' },
      { minutesAfter: 60, score: 'seven', context: 'activity' },
      { minutesAfter: 240, score: 3, context: 'activity' },
    ]) {
      const refused = await phone.request.post(`/api/v1/diary/${token}/pain-scores`, { data });
      expect(refused.status(), JSON.stringify(data)).toBe(400);
    }
    await page.getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByText('The diary link is revoked.')).toBeVisible();
    await phone.goto(url);
    await phone.getByRole('button', { name: 'Español' }).click();
    await expect(phone.getByText('La clínica ha retirado este enlace.')).toBeVisible();
    await expect(phone.getByRole('button', { name: 'Guardar' })).toHaveCount(0);
    await expectNoAxeViolations(phone);
    await phone.goto(url.replace(token, 'x'.repeat(43)));
    await expect(phone.getByText('Este enlace no es válido.')).toBeVisible();
    const patientRows = page
      .locator('app-pain-score-table')
      .getByRole('row')
      .filter({ hasText: 'Patient (home diary)' });
    await expect(patientRows).toHaveCount(3);
  });
});
