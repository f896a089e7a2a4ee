import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// Issue 14: every screen as a clinic expects it. The nurse finds a patient by the digits of the MRN,
// lands on each page's heading, is asked before Escape loses a typed form, and records a diary score
// at its real time; the admin confirms a role change and cannot deactivate herself. axe at both widths.

const TABLET = { width: 820, height: 1180 };
const LAPTOP = { width: 1280, height: 800 };

async function apiAs(request: APIRequestContext, username: string) {
  const login = await request.post('/api/v1/auth/login', {
    data: { username, password: E2E_DEMO_PASSWORD },
  });
  expect(login.ok()).toBeTruthy();
  const headers = { 'X-CSRF-Token': ((await login.json()) as { csrfToken: string }).csrfToken };
  return async (url: string, data: unknown): Promise<{ id: string }> => {
    const res = await request.post(url, { headers, data });
    expect(res.status(), `${url}: ${await res.text()}`).toBe(201);
    return (await res.json()) as { id: string };
  };
}

/** axe on the current page at the laptop and the tablet size. */
async function expectAccessibleAtBothWidths(page: Page): Promise<void> {
  for (const size of [LAPTOP, TABLET]) {
    await page.setViewportSize(size);
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize(LAPTOP);
}

test('a nurse finds a patient by MRN digits, keeps typed input on Escape and gives a score its real time', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const post = await apiAs(request, 'physician');
  const digits = String(Date.now() % 1e7).padStart(7, '0');
  const patient = await post('/api/v1/patients', {
    mrn: `UX-${digits}`,
    givenName: 'Ursula',
    familyName: 'Xavier',
    birthDate: '1975-06-01',
    sex: 'female',
  });
  const episode = await post(`/api/v1/patients/${patient.id}/episodes`, {
    region: 'lumbar',
    side: 'left',
    onsetDate: '2026-01-10',
    indexPain: 'Low back pain',
  });
  const procedure = await post(`/api/v1/episodes/${episode.id}/procedures`, {
    kind: 'mbb',
    intent: 'diagnostic',
    performedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    levels: ['L4-L5'],
    side: 'left',
    anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
    steroid: null,
    guidance: 'fluoroscopy',
    sedation: 'none',
    complications: [],
    overrideReason: 'UX journey: first block without the usual work-up.',
  });

  await page.setViewportSize(LAPTOP);
  await signIn(page, 'nurse');

  await test.step('search finds the patient by the MRN digits alone; focus lands on each page heading', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Patients' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeFocused();
    await page.getByLabel('Search by name or MRN').fill(digits.slice(2));
    await expect(page.getByRole('link', { name: /Xavier/ }).first()).toBeVisible();
    await expectAccessibleAtBothWidths(page);
  });

  await test.step('Escape on a typed registration asks first, and Cancel keeps the input', async () => {
    await page
      .getByRole('button', { name: /Register patient/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    // The dialog focuses its first field as it opens: typing before then lands there.
    await expect(dialog.getByLabel('MRN')).toBeFocused();
    await dialog.getByLabel('Given name').fill('Half-typed');
    await dialog.getByLabel('Birth date').fill('31021990');
    await page.keyboard.press('Escape');
    const confirm = page.getByRole('dialog', { name: 'Discard what you typed?' });
    await expect(confirm).toBeVisible();
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.first().getByLabel('Given name')).toHaveValue('Half-typed');
    await dialog
      .first()
      .getByRole('button', { name: /Register patient/ })
      .click();
    await expect(dialog.first().getByText(/Birth date must be/)).toBeVisible();
    await page.keyboard.press('Escape');
    await page
      .getByRole('dialog', { name: 'Discard what you typed?' })
      .getByRole('button', { name: 'Discard' })
      .click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  await test.step('the diary keeps Save in view and takes a score at its real time', async () => {
    await page.goto(`/procedures/${procedure.id}/diary`);
    await expect(page.getByText(/Pain at 3 h \(NRS 0-10\)/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save score' })).toBeInViewport();
    await page.getByRole('checkbox', { name: 'Taken at another time' }).check();
    const takenAt = page.getByLabel('Taken at', { exact: true });
    await expect(takenAt).toHaveValue(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    const at = new Date(Date.now() - 100 * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await takenAt.fill(
      `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()} ${pad(at.getHours())}:${pad(at.getMinutes())}`,
    );
    await page.getByRole('radio', { name: /^4\b/ }).click();
    await page.getByRole('button', { name: 'Save score' }).click();
    await expect(page.locator('.announcement')).toHaveText(/^Saved 4 at /);
    await expectAccessibleAtBothWidths(page);
  });
});

test('an admin confirms a role change with what it gives and takes, and cannot deactivate herself', async ({
  page,
  request,
}) => {
  const post = await apiAs(request, 'admin');
  const username = `uxnurse${Date.now() % 1e6}`;
  await post('/api/v1/users', {
    username,
    name: 'Una Example',
    role: 'nurse',
    password: 'a-long-enough-password-1',
  });
  await page.setViewportSize(LAPTOP);
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await page.getByLabel('Search by username or name').fill(username);
  await expect(page.getByRole('cell', { name: username, exact: true })).toBeVisible();
  await expectAccessibleAtBothWidths(page);

  await page.getByRole('row').filter({ hasText: username }).getByRole('combobox').click();
  await page.getByRole('option', { name: 'Practice manager' }).click();
  const confirm = page.getByRole('dialog', { name: 'Make Una Example Practice manager?' });
  await expect(confirm).toContainText('will no longer be able to see patient records');
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Make Practice manager' }).click();
  await expect(page.getByText('Una Example is now Practice manager.')).toBeVisible();

  await page.getByLabel('Search by username or name').fill('admin');
  await page.getByRole('button', { name: 'Actions for admin' }).click();
  await expect(page.getByRole('menuitem', { name: 'Reset password' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Deactivate' })).toHaveCount(0);
});
