import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// Issue 12, the nurse's day. (1) An MBB booked for tomorrow is on the worklist the next day; the nurse
// records the baseline and the physician records the procedure from the booking. (2) After an RFA the
// 2-week follow-up is upcoming the day before and due on the day; the nurse records it, it leaves the
// list, and the physician sees the scores on the pain timeline.

const DAY_MS = 86_400_000;
const daysFromNow = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);

/** An API client signed in as a demo user, with the CSRF token for writes. */
async function apiAs(request: APIRequestContext, username: string) {
  const login = await request.post('/api/v1/auth/login', {
    data: { username, password: E2E_DEMO_PASSWORD },
  });
  expect(login.ok()).toBeTruthy();
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  return {
    post: async (url: string, data: unknown): Promise<{ id: string }> => {
      const res = await request.post(url, { headers, data });
      expect(res.status(), `${url}: ${await res.text()}`).toBe(201);
      return (await res.json()) as { id: string };
    },
    clock: async (offsetDays: number) =>
      expect(
        (await request.put('/api/v1/test/clock', { headers, data: { offsetDays } })).ok(),
      ).toBeTruthy(),
  };
}

/** A lumbar patient with 90 days of physical therapy and an ODI, so a first MBB meets the payer checks. */
async function patientReadyForBlocks(request: APIRequestContext, familyName: string) {
  const api = await apiAs(request, 'physician');
  const patient = await api.post('/api/v1/patients', {
    mrn: `WL-${Date.now() % 1e9}`,
    givenName: 'Wanda',
    familyName,
    birthDate: '1972-04-12',
    sex: 'female',
  });
  const episode = await api.post(`/api/v1/patients/${patient.id}/episodes`, {
    region: 'lumbar',
    side: 'bilateral',
    onsetDate: daysFromNow(-200),
    indexPain: 'Axial low back pain',
    baselineNrsRest: 4,
    baselineNrsActivity: 8,
  });
  await api.post(`/api/v1/episodes/${episode.id}/therapies`, {
    kind: 'physical-therapy',
    startDate: daysFromNow(-190),
    endDate: daysFromNow(-100),
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
  await api.post(`/api/v1/episodes/${episode.id}/function-scores`, {
    instrument: 'odi',
    takenOn: daysFromNow(-195),
    sections,
  });
  return { api, patientId: patient.id, episodeId: episode.id };
}

async function pageFor(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
}

/** The worklist section with this heading ("Overdue", "Due today", "Upcoming (7 days)"). */
const section = (page: Page, heading: string) =>
  page.getByRole('region', { name: new RegExp(`^${heading.replace(/[()]/g, '\\$&')}`) });

test.afterEach(async ({ request }) => (await apiAs(request, 'nurse')).clock(0));

test('an MBB booked for tomorrow: on the worklist the next day, baseline by the nurse, recorded from the booking', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { api, episodeId } = await patientReadyForBlocks(request, 'Booked');
  const booking = await api.post(`/api/v1/episodes/${episodeId}/planned-procedures`, {
    kind: 'mbb',
    intent: 'diagnostic',
    plannedDate: daysFromNow(1),
    levels: ['L4-L5'],
    side: 'bilateral',
  });

  await test.step('today it is upcoming; the nurse lands on the worklist', async () => {
    await signIn(page, 'nurse');
    await expect(page).toHaveURL(/\/worklist$/);
    await expect(
      section(page, 'Upcoming (7 days)').getByRole('row', { name: /Booked, Wanda: MBB L4-L5/ }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('the next day it is due today; Enter opens it, the baseline is saved, and the list comes back', async () => {
    await (await apiAs(request, 'nurse')).clock(1);
    await page.reload();
    const row = section(page, 'Due today').getByRole('row', {
      name: /Booked, Wanda: MBB L4-L5: baseline score due/,
    });
    await row.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/worklist/planned/${booking.id}$`));
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: '7', exact: true }).click();
    await page.getByRole('button', { name: 'Save baseline' }).click();
    await expect(page).toHaveURL(/\/worklist\?done=/);
    await expect(
      section(page, 'Due today').getByRole('row', {
        name: /Booked, Wanda: MBB L4-L5: baseline recorded/,
      }),
    ).toBeVisible();
  });

  await test.step('the physician records the procedure from the booking, prefilled', async () => {
    const doc = await pageFor(browser, 'physician');
    await doc.goto(`/worklist/planned/${booking.id}`);
    await doc.getByRole('link', { name: 'Record the procedure' }).click();
    await expect(doc.getByRole('combobox', { name: 'Side' })).toContainText('Bilateral');
    await expect(doc.getByRole('option', { name: 'L4-L5' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await doc.getByRole('combobox', { name: 'Agent' }).click();
    await doc.getByRole('option', { name: 'Lidocaine' }).click();
    await doc.getByLabel('Concentration (%)').fill('2');
    await doc.getByLabel('Volume (mL)').fill('0.5');
    await doc.getByRole('button', { name: 'Save procedure' }).click();
    const reason = doc.getByLabel('Reason for going ahead');
    await expect(doc.locator('body')).toContainText(/MBB #1|Reason for going ahead/);
    if (await reason.isVisible()) {
      await reason.fill('Booked days ahead; checks reviewed');
      await doc.getByRole('button', { name: 'Save procedure' }).click();
    }
    await expect(doc).toHaveURL(/\/procedures\/\d+$/);
    await expect(doc.getByRole('heading', { level: 1 })).toContainText('MBB #1');
    await page.reload();
    await expect(page.getByRole('row', { name: /Booked, Wanda: MBB L4-L5/ })).toHaveCount(0);
  });
});

test('after an RFA the 2-week follow-up is due on the right day, the nurse records it, the physician sees it on the timeline', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { api, patientId, episodeId } = await patientReadyForBlocks(request, 'Ablated');
  const rfa = await api.post(`/api/v1/episodes/${episodeId}/procedures`, {
    kind: 'rfa',
    intent: 'therapeutic',
    performedAt: new Date(Date.now() - 14 * DAY_MS).toISOString(),
    levels: ['L4-L5'],
    side: 'bilateral',
    anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
    guidance: 'fluoroscopy',
    sedation: 'none',
    overrideReason: 'Journey set-up',
  });
  await api.post(`/api/v1/procedures/${rfa.id}/pain-scores`, {
    minutesAfter: -10,
    score: 8,
    context: 'activity',
  });
  const nurseApi = await apiAs(request, 'nurse');

  await test.step('the day before, it is upcoming; on the day it is due today', async () => {
    await nurseApi.clock(-1);
    await signIn(page, 'nurse');
    await expect(
      section(page, 'Upcoming (7 days)').getByRole('row', {
        name: /Ablated, Wanda: 2 weeks call after RFA/,
      }),
    ).toBeVisible();
    await nurseApi.clock(0);
    await page.reload();
    await expect(
      section(page, 'Due today').getByRole('row', {
        name: /Ablated, Wanda: 2 weeks call after RFA/,
      }),
    ).toBeVisible();
  });

  await test.step('the nurse records the call; back on the list, it is gone', async () => {
    await section(page, 'Due today')
      .getByRole('row', { name: /Ablated, Wanda: 2 weeks call after RFA/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2 weeks call after RFA');
    await expectNoAxeViolations(page);
    await page
      .getByRole('radiogroup', { name: /Pain at rest/ })
      .getByRole('radio', { name: '2', exact: true })
      .click();
    await page
      .getByRole('radiogroup', { name: /Pain with activity/ })
      .getByRole('radio', { name: '3', exact: true })
      .click();
    await page.getByLabel("Patient's own relief (%)").fill('60');
    await page.getByRole('button', { name: 'Save follow-up' }).click();
    await expect(page).toHaveURL(/\/worklist\?done=/);
    await expect(
      page.getByRole('row', { name: /Ablated, Wanda: 2 weeks call after RFA/ }),
    ).toHaveCount(0);
  });

  await test.step('the physician sees the follow-up scores on the pain timeline', async () => {
    const doc = await browser.newPage();
    await signIn(doc, 'physician');
    await doc.goto(`/patients/${patientId}`);
    await expect(doc.getByRole('img', { name: /Pain timeline/ })).toBeVisible();
    // What the chart plots: the follow-up's two scores at 14 days, with the physician's session.
    const body = (await (
      await doc.request.get(`/api/v1/episodes/${episodeId}/pain-timeline`)
    ).json()) as { scores: { score: number; minutesAfter: number; context: string }[] };
    expect(
      body.scores
        .filter((s) => s.minutesAfter > 13 * 1440)
        .map((s) => [s.context, s.score])
        .sort(),
    ).toEqual([
      ['activity', 3],
      ['rest', 2],
    ]);
  });
});
