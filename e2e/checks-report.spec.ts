import { writeFileSync } from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// Issue: payer-rule checks with evidence, the pain timeline and the documentation report. A patient
// with 200 days of pain, 3 months of physical therapy and an ODI has two positive MBBs 14 days apart:
// the patient page says "Eligible for RFA" and the report prints on one to three pages. Two RFAs later,
// a third within 12 months fails the frequency check before it is saved; the physician overrides it
// with a reason, and the checks panel shows the three RFA sessions as evidence.

const DAY_MS = 86_400_000;
/** A calendar date `n` days ago (UTC, as the server reads dates). */
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);

/** Writes over the API as the physician, with the CSRF token the login returned. */
async function physicianApi(request: APIRequestContext) {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'physician', password: E2E_DEMO_PASSWORD },
  });
  expect(login.ok()).toBeTruthy();
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (url: string, data: unknown): Promise<string> => {
    const response = await request.post(url, { headers: { 'X-CSRF-Token': csrfToken }, data });
    expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
}

const procedure = (
  kind: 'mbb' | 'rfa',
  daysBefore: number,
  agent: 'lidocaine' | 'bupivacaine',
  concentrationPercent: number,
) => ({
  kind,
  intent: kind === 'mbb' ? 'diagnostic' : 'therapeutic',
  performedAt: `${daysAgo(daysBefore)}T12:00:00.000Z`,
  levels: ['L4-L5'],
  side: 'bilateral',
  anesthetic: { agent, concentrationPercent, volumeMl: 0.5 },
  guidance: 'fluoroscopy',
  sedation: 'none',
});

/** The patient of the story, set up over the API; returns the patient and episode ids. */
async function patientWithTwoPositiveBlocks(
  request: APIRequestContext,
): Promise<{ patientId: string; episodeId: string }> {
  const post = await physicianApi(request);
  const patientId = await post('/api/v1/patients', {
    mrn: `CHK-${Date.now() % 1e9}`,
    givenName: 'Carmen',
    familyName: 'Checks',
    birthDate: '1975-06-30',
    sex: 'female',
  });
  const episodeId = await post(`/api/v1/patients/${patientId}/episodes`, {
    region: 'lumbar',
    side: 'bilateral',
    onsetDate: daysAgo(200),
    indexPain: 'Axial low back pain, worse standing',
    baselineNrsRest: 4,
    baselineNrsActivity: 8,
  });
  await post(`/api/v1/episodes/${episodeId}/therapies`, {
    kind: 'physical-therapy',
    startDate: daysAgo(190),
    endDate: daysAgo(100),
    response: 'partial',
  });
  const sections = Object.fromEntries(
    [
      'pain-intensity',
      'personal-care',
      'lifting',
      'walking',
      'sitting',
      'standing',
      'sleeping',
      'sex-life',
      'social-life',
      'travelling',
    ].map((s) => [s, 2]),
  );
  await post(`/api/v1/episodes/${episodeId}/function-scores`, {
    instrument: 'odi',
    takenOn: daysAgo(195),
    sections,
  });
  for (const [daysBefore, agent, concentration] of [
    [30, 'lidocaine', 2],
    [16, 'bupivacaine', 0.5],
  ] as const) {
    const id = await post(
      `/api/v1/episodes/${episodeId}/procedures`,
      procedure('mbb', daysBefore, agent, concentration),
    );
    for (const [minutesAfter, score] of [
      [0, 8],
      [30, 1],
      [120, 1],
    ]) {
      await post(`/api/v1/procedures/${id}/pain-scores`, {
        minutesAfter,
        score,
        context: 'activity',
      });
    }
  }
  return { patientId, episodeId };
}

test('checks with evidence, the printed report, and a third RFA overridden with a reason', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // The time axis and annotations under the strict CSP: any refused style or script is a console error.
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const { patientId, episodeId } = await patientWithTwoPositiveBlocks(request);
  await signIn(page, 'physician');

  await test.step('the patient page says the patient is eligible for RFA, with checks and the pain timeline', async () => {
    await page.goto(`/patients/${patientId}`);
    const nextStep = page.locator('app-next-step-callout');
    await expect(nextStep).toContainText('Eligible for RFA');
    await expect(nextStep).toContainText('MBB #1 87.5%');
    await expect(page.getByText('Checked against Medicare LCD, version 1')).toBeVisible();
    const initialRfa = page.locator('[data-check="initial-rfa"]');
    await expect(initialRfa).toContainText('Met');
    await initialRfa.getByRole('button', { name: /Evidence: Initial RFA/ }).click();
    await expect(
      initialRfa.getByRole('link', { name: /MBB #2 on .*peak relief 87.5%/ }),
    ).toBeVisible();
    await expect(page.getByRole('img', { name: /Pain timeline/ })).toBeVisible();
    await expect(
      page.locator('app-care-timeline').getByRole('link', { name: 'MBB #1' }),
    ).toBeVisible();
    // Issue 14: dates read day first in the field too.
    await expect(page.getByLabel('From')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
    await page.getByRole('radio', { name: 'Around blocks' }).click();
    await expect(page.getByRole('radio', { name: 'Around blocks' })).toBeChecked();
    // Issue 14: around blocks is one panel per block, on its own time-after-block axis.
    await expect(
      page.getByRole('figure').filter({ hasText: 'in the hours and days after the block' }),
    ).toHaveCount(2);
    await expectNoAxeViolations(page);
    expect(consoleErrors).toEqual([]);
  });

  await test.step('the documentation report prints on one to three pages with both blocks and their diaries', async () => {
    await page.getByRole('link', { name: 'Documentation report' }).click();
    await expect(page).toHaveURL(new RegExp(`/episodes/${episodeId}/report$`));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Facet joint intervention documentation' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await expect(page.getByRole('button', { name: /sign out/i })).toBeHidden();
    const main = page.locator('app-documentation-report-page');
    await expect(main).toContainText('MBB #1');
    await expect(main).toContainText('MBB #2');
    for (const label of ['MBB #1', 'MBB #2']) {
      const diary = page.getByRole('table', { name: `${label} pain diary` });
      await expect(diary.getByRole('row')).toHaveCount(4);
      await expect(diary.getByRole('row').nth(1)).toContainText(
        /Baseline\s*With activity\s*Both\s*8/,
      );
      await expect(diary.getByRole('row').nth(2)).toContainText(
        /30 min\s*With activity\s*Both\s*1\s*87.5%/,
      );
      await expect(diary.getByRole('row').nth(3)).toContainText(
        /2 h\s*With activity\s*Both\s*1\s*87.5%/,
      );
    }
    await expect(main).toContainText('Next step: Eligible for RFA');

    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(test.info().outputPath('documentation-report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('two RFAs are recorded; a third within 12 months fails the frequency check before saving', async () => {
    const post = await physicianApi(request);
    await post(`/api/v1/episodes/${episodeId}/procedures`, procedure('rfa', 10, 'lidocaine', 2));
    await post(`/api/v1/episodes/${episodeId}/procedures`, procedure('rfa', 5, 'lidocaine', 2));

    await page.goto(`/patients/${patientId}`);
    await page.getByRole('link', { name: 'Record procedure' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Record procedure' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Radiofrequency ablation' }).click();
    await page.getByRole('combobox', { name: 'Intent' }).click();
    await page.getByRole('option', { name: 'Therapeutic' }).click();
    await page.getByRole('option', { name: 'L4-L5' }).click();
    await page.getByRole('combobox', { name: 'Agent' }).click();
    await page.getByRole('option', { name: 'Lidocaine' }).click();
    await page.getByLabel('Concentration (%)').fill('2');
    await page.getByLabel('Volume (mL)').fill('0.5');
    await page.getByRole('button', { name: 'Save procedure' }).click();

    const failing = page.locator('section.checks');
    await expect(
      failing.getByRole('heading', { name: /payer-rule checks? would fail/ }),
    ).toBeVisible();
    const frequency = failing.locator('[data-check="frequency"]');
    await expect(frequency).toContainText('Not met');
    await expect(frequency).toContainText('3 RFA sessions in the 12 months');
    await expect(frequency.getByRole('listitem')).toHaveText([
      /^\s*RFA #1 on /,
      /^\s*RFA #2 on /,
      /^\s*RFA #3 \(planned\) on /,
    ]);
    await expect(
      page.getByText('Give a reason for going ahead although these checks fail'),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/procedures\/new$/);
    await expectNoAxeViolations(page);

    await page
      .getByLabel('Reason for going ahead')
      .fill('Recurrent pain after a fall; documented exception');
    await page.getByRole('button', { name: 'Save procedure' }).click();
    await expect(page).toHaveURL(/\/procedures\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('RFA #3');
  });

  await test.step('the checks panel shows the frequency check not met, with the three RFA sessions', async () => {
    await page.goto(`/patients/${patientId}`);
    const frequency = page.locator('app-payer-check-list [data-check="frequency"]');
    await expect(frequency).toContainText('Not met');
    await expect(frequency).toContainText('3 RFA sessions');
    await frequency.getByRole('button', { name: /Evidence: Frequency/ }).click();
    await expect(frequency.getByRole('link')).toHaveText([
      /^\s*RFA #1 on /,
      /^\s*RFA #2 on /,
      /^\s*RFA #3 on /,
    ]);
  });
});
