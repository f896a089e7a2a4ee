import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// Issue 12, booking from the patient page: the physician books an MBB for tomorrow in the dialog (a
// past day is refused, the payer-rule dry run shows before saving, a confirmation after), moves it with
// a reason (the history shows), and the next day the nurse finds it on the worklist, records the
// baseline, and the physician records it as performed from the booking. Then 200 rows on the worklist.

const DAY_MS = 86_400_000;
const daysFromNow = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);
/** DD/MM/YYYY, as the date fields take it. */
const typed = (iso: string) => iso.split('-').reverse().join('/');

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
    /** A POST that answers 200 (an action on an existing record). */
    act: async (url: string, data: unknown): Promise<void> => {
      const res = await request.post(url, { headers, data });
      expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
    },
    clock: async (offsetDays: number) =>
      expect(
        (await request.put('/api/v1/test/clock', { headers, data: { offsetDays } })).ok(),
      ).toBeTruthy(),
  };
}

async function lumbarPatient(request: APIRequestContext, familyName: string) {
  const api = await apiAs(request, 'physician');
  const patient = await api.post('/api/v1/patients', {
    mrn: `BK-${Date.now() % 1e9}`,
    givenName: 'Bea',
    familyName,
    birthDate: '1968-02-03',
    sex: 'female',
  });
  const episode = await api.post(`/api/v1/patients/${patient.id}/episodes`, {
    region: 'lumbar',
    side: 'left',
    onsetDate: daysFromNow(-200),
    indexPain: 'Axial low back pain',
  });
  return { api, patientId: patient.id, episodeId: episode.id };
}

const section = (page: Page, heading: string) =>
  page.getByRole('region', { name: new RegExp(`^${heading.replace(/[()]/g, '\\$&')}`) });

test.afterEach(async ({ request }) => (await apiAs(request, 'nurse')).clock(0));

test('the physician books an MBB for tomorrow from the patient page; the next day the nurse takes the baseline and it is recorded', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const { patientId } = await lumbarPatient(request, 'Dialog');
  await signIn(page, 'physician');
  await page.goto(`/patients/${patientId}`);
  const bookings = page.getByRole('region', { name: 'Booked procedures' });

  await test.step('a past day is refused in the dialog; the dry run shows the payer rules before saving', async () => {
    await bookings.getByRole('button', { name: 'Book a procedure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Book a procedure' });
    await dialog.getByRole('combobox', { name: 'Levels' }).click();
    await page.getByRole('option', { name: 'L4-L5' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByLabel('Date').fill(typed(daysFromNow(-1)));
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    await expect(dialog).toContainText('A procedure cannot be booked for a day in the past');
    await dialog.getByLabel('Date').fill(typed(daysFromNow(1)));
    await dialog.getByRole('button', { name: 'Check payer rules' }).click();
    await expect(dialog.getByRole('region', { name: 'Payer-rule dry run' })).toContainText(
      /conservative care/i,
    );
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '.tmp/booking-dialog.png' });
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    const done = page.getByRole('dialog', { name: 'Procedure booked' });
    await expect(done.getByRole('status')).toContainText(
      'Medial branch block L4-L5 (left, diagnostic)',
    );
    await expect(done).toContainText('To resolve before the day');
    await done.getByRole('button', { name: 'Done' }).click();
    await expect(bookings.getByRole('article')).toContainText('MBB L4-L5');
  });

  await test.step('rescheduled with a reason and back: the history keeps both moves', async () => {
    const booking = bookings.getByRole('article').first();
    await booking.getByRole('button', { name: 'Reschedule' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('New date').fill(typed(daysFromNow(2)));
    await dialog.getByRole('button', { name: 'Reschedule' }).click();
    await expect(dialog).toContainText('Reason is required');
    await dialog.getByLabel('Reason').fill('Patient asked for a later day');
    await dialog.getByRole('button', { name: 'Reschedule' }).click();
    await expect(dialog).toBeHidden();
    await booking.getByRole('button', { name: 'Reschedule' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('New date').fill(typed(daysFromNow(1)));
    await dialog.getByLabel('Reason').fill('Slot freed up after all');
    await dialog.getByRole('button', { name: 'Reschedule' }).click();
    await expect(dialog).toBeHidden();
    await booking.getByText('History (3)').click();
    await expect(booking).toContainText('Patient asked for a later day');
    await expect(booking).toContainText('Slot freed up after all');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '.tmp/booking-panel.png', fullPage: true });
  });

  await test.step('the next day the nurse has it due today and records the baseline', async () => {
    await (await apiAs(request, 'nurse')).clock(1);
    const nurse = await (await browser.newContext()).newPage();
    await signIn(nurse, 'nurse');
    await expect(nurse).toHaveURL(/\/worklist$/);
    const row = section(nurse, 'Due today').getByRole('row', {
      name: /Dialog, Bea: MBB L4-L5: baseline score due/,
    });
    await row.click();
    await nurse.getByRole('radio', { name: '6', exact: true }).click();
    await nurse.getByRole('button', { name: 'Save baseline' }).click();
    await expect(nurse).toHaveURL(/\/worklist\?done=/);
  });

  await test.step('the physician records it as performed from the booking on the patient page', async () => {
    await page.reload();
    await bookings.getByRole('link', { name: 'Record as performed' }).click();
    await expect(page.getByRole('option', { name: 'L4-L5' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.getByRole('combobox', { name: 'Agent' }).click();
    await page.getByRole('option', { name: 'Lidocaine' }).click();
    await page.getByLabel('Concentration (%)').fill('2');
    await page.getByLabel('Volume (mL)').fill('0.5');
    await page.getByRole('button', { name: 'Save procedure' }).click();
    const reason = page.getByLabel('Reason for going ahead');
    await expect(page.locator('body')).toContainText(/MBB #1|Reason for going ahead/);
    if (await reason.isVisible()) {
      await reason.fill('Booked days ahead; checks reviewed');
      await page.getByRole('button', { name: 'Save procedure' }).click();
    }
    await expect(page).toHaveURL(/\/procedures\/\d+$/);
    await page.goto(`/patients/${patientId}`);
    await expect(bookings.getByRole('article').first()).toContainText('Performed');
    await expect(bookings.getByRole('link', { name: 'Open the recorded procedure' })).toBeVisible();
  });
});

test('200 rows on the worklist: server pages of 25, readable at tablet width', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const { api, episodeId } = await lumbarPatient(request, 'Many');
  const booked: { id: string; version: number }[] = [];
  for (let i = 0; i < 200; i++)
    booked.push(
      (await api.post(`/api/v1/episodes/${episodeId}/planned-procedures`, {
        kind: 'mbb',
        intent: 'diagnostic',
        plannedDate: daysFromNow(i % 8),
        levels: ['L4-L5'],
        side: 'left',
      })) as { id: string; version: number },
    );
  // The journeys share one server: cancel the 200 afterwards (kept, with a reason), so later
  // journeys read a worklist of their own rows.
  test.info().annotations.push({ type: 'cleanup', description: 'cancels its 200 bookings' });
  try {
    await page.setViewportSize({ width: 820, height: 1180 });
    await signIn(page, 'nurse');
    const started = Date.now();
    await page.reload();
    const upcoming = section(page, 'Upcoming (7 days)');
    // 175 bookings upcoming, and whatever earlier journeys left there (a block's day-1 call).
    await expect(upcoming.getByRole('heading')).toContainText(/17[5-9]/);
    await expect(upcoming.getByRole('row')).toHaveCount(26); // header + one page of 25
    const loadMs = Date.now() - started;
    await expect(section(page, 'Due today').getByRole('row')).toHaveCount(26);
    await upcoming.getByRole('button', { name: 'Next page' }).click();
    await expect(upcoming.getByText(/26 – 50 of 17[5-9]/)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '.tmp/worklist-200-tablet.png', fullPage: false });
    console.log(`worklist with 200 rows: reload to first page in ${loadMs} ms`);
  } finally {
    for (const b of booked)
      await api.act(`/api/v1/planned-procedures/${b.id}/cancel`, {
        version: b.version,
        reason: 'e2e: paging rows, no longer needed',
      });
  }
});
