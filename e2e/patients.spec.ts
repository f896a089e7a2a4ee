import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.ts';

// Issue: patients and episodes. A nurse registers a runner, opens a lumbar episode, records three
// months of conservative care and an ODI, and moves the episode to diagnostic blocks; a physician
// then reads it all on the patient page.

/** A calendar date `days` before today (UTC), as the date inputs take it. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Axe on a settled page (mat-error fades in, and a half-faded message fails colour contrast); the
 * "saved" snack bar is dismissed first, as a user reading the page would.
 */
async function expectAccessible(page: Page): Promise<void> {
  const snackBar = page.locator('mat-snack-bar-container:not(.mat-snack-bar-container-exit)');
  if ((await snackBar.isVisible()) && !(await page.getByRole('dialog').isVisible())) {
    await snackBar.getByRole('button', { name: 'OK' }).click();
    await expect(page.locator('mat-snack-bar-container')).toHaveCount(0);
  }
  // expectNoAxeViolations waits for running animations itself. Awaiting every animation's
  // `finished` here failed the journey whenever one was cancelled (it rejects with AbortError).
  await expectNoAxeViolations(page);
}

const MRN = `E2E-${Date.now().toString(36).toUpperCase()}`;

async function addTherapy(
  page: Page,
  kind: string,
  start: string,
  end: string | null,
  response: string,
): Promise<void> {
  await page.getByRole('button', { name: 'Add therapy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add therapy' });
  await dialog.getByRole('combobox', { name: 'Therapy' }).click();
  await page.getByRole('option', { name: kind }).click();
  await dialog.getByLabel('Start date').fill(start);
  if (end) await dialog.getByLabel('End date').fill(end);
  await dialog.getByRole('combobox', { name: 'Response' }).click();
  await page.getByRole('option', { name: response }).click();
  await dialog.getByRole('button', { name: 'Add therapy' }).click();
  await expect(dialog).toBeHidden();
}

async function moveStage(page: Page, to: string): Promise<void> {
  await page.getByRole('button', { name: 'Move stage' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move stage' });
  await dialog.getByRole('radio', { name: new RegExp(`^${to}`) }).check();
  await dialog.getByRole('button', { name: 'Move stage' }).click();
  await expect(dialog).toBeHidden();
}

test('a nurse records a runner’s lumbar episode; a physician reads it on the patient page', async ({
  page,
  browser,
}) => {
  // The longest journey (two roles, a dozen screens): three times the default timeout on a busy machine.
  test.slow();
  await signIn(page, 'nurse');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Patients' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
  await expectAccessible(page);

  // Register: the schema's messages appear under the fields first.
  await page.getByRole('button', { name: 'Register patient' }).first().click();
  const form = page.getByRole('dialog', { name: 'Register patient' });
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(form.getByText('MRN is required')).toBeVisible();
  await expectAccessible(page);
  await form.getByLabel('MRN').fill(MRN);
  await form.getByLabel('Given name').fill('Renée');
  await form.getByLabel('Family name').fill('Marathon');
  await form.getByLabel('Birth date').fill('1984-05-20');
  await form.getByRole('combobox', { name: 'Sex' }).click();
  await page.getByRole('option', { name: 'Female' }).click();
  await form.getByRole('switch', { name: 'Runner' }).click();
  await form.getByLabel(/Usual weekly distance/).fill('40');
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(form).toBeHidden();

  // The patient page, then an episode.
  await expect(page.getByRole('heading', { level: 1, name: 'Renée Marathon' })).toBeVisible();
  await expect(page.getByText('No episode yet').first()).toBeVisible();
  await page.getByRole('button', { name: 'Open episode' }).click();
  const episode = page.getByRole('dialog', { name: 'Open episode' });
  await episode.getByRole('combobox', { name: 'Region' }).click();
  await page.getByRole('option', { name: 'Lumbar' }).click();
  await episode.getByRole('combobox', { name: 'Side' }).click();
  await page.getByRole('option', { name: 'bilateral' }).click();
  await episode.getByLabel('Onset date').fill(daysAgo(150));
  await expect(episode.getByText(/Pain for [45] months/)).toBeVisible();
  await episode.getByLabel('Index pain description').fill('Low back pain, worse on long runs');
  await episode.getByRole('checkbox', { name: 'Axial neck or low back pain' }).check();
  await episode.getByRole('checkbox', { name: 'Overuse (mileage increased too fast)' }).check();
  await episode
    .getByRole('radiogroup', { name: /at rest/ })
    .getByRole('radio', { name: '3' })
    .click();
  await episode
    .getByRole('radiogroup', { name: /with activity/ })
    .getByRole('radio', { name: '7' })
    .click();
  await expectAccessible(page);
  await episode.getByRole('button', { name: 'Open episode' }).click();
  await expect(episode).toBeHidden();
  await expect(page.getByRole('heading', { name: /Lumbar episode, bilateral/ })).toContainText(
    'Intake',
  );

  await moveStage(page, 'Conservative care');
  await expect(page.getByRole('heading', { name: /Lumbar episode/ })).toContainText(
    'Conservative care',
  );

  // Three therapies over three months.
  await addTherapy(page, 'Rest and recovery', daysAgo(95), daysAgo(80), 'Partial response');
  await addTherapy(page, 'Physical therapy', daysAgo(80), daysAgo(20), 'Partial response');
  await addTherapy(page, 'Mileage reduction', daysAgo(60), null, 'No response');
  await expect(page.locator('.care-sentence')).toHaveText(/^\s*96 days of conservative care/);

  // An ODI by section scores.
  await page.getByRole('button', { name: 'Record ODI' }).click();
  const odi = page.getByRole('dialog', { name: 'Record function score' });
  const scores: Record<string, string> = {
    'Pain intensity': '3',
    'Personal care': '1',
    Lifting: '2',
    Walking: '1',
    Sitting: '2',
    Standing: '2',
    Sleeping: '1',
    'Sex life': '1',
    'Social life': '2',
    Travelling: '2',
  };
  for (const [section, score] of Object.entries(scores)) {
    await odi
      .getByRole('radiogroup', { name: section, exact: true })
      .getByRole('radio', { name: score })
      .click();
  }
  await odi.getByRole('button', { name: 'Record score' }).click();
  await expect(odi).toBeHidden();
  await expect(page.getByText('ODI 34% · moderate').first()).toBeVisible();

  await moveStage(page, 'Diagnostic blocks');
  await expect(page.getByRole('heading', { name: /Lumbar episode/ })).toContainText(
    'Diagnostic blocks',
  );
  await expectAccessible(page);

  // The physician, in a browser of their own, finds the patient and reads the record.
  const physicianContext = await browser.newContext();
  const physician = await physicianContext.newPage();
  await signIn(physician, 'physician');
  await physician.goto('/patients');
  await physician.getByLabel('Search by name or MRN').fill('renee');
  const row = physician.getByRole('row').filter({ hasText: MRN });
  await expect(row).toContainText('Diagnostic blocks');
  await expect(row).toContainText('Runner');
  // Issue 11: the page opens with one call (patient, episodes and the newest episode's page).
  const calls: string[] = [];
  physician.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/')) calls.push(`${r.method()} ${path}`);
  });
  await row.getByRole('link', { name: 'Marathon, Renée' }).click();

  await expect(physician.getByRole('heading', { level: 1, name: 'Renée Marathon' })).toBeVisible();
  await expect(physician.getByText('40 km a week')).toBeVisible();
  await expect(physician.getByRole('heading', { name: 'Pain timeline' })).toBeVisible();
  expect(calls.filter((c) => !c.includes('/patients/search'))).toEqual([
    expect.stringMatching(/^GET \/api\/v1\/patients\/\d+\/page$/),
  ]);
  const timeline = physician.getByRole('list', { name: 'Timeline, newest first' });
  await expect(timeline.getByText('Stage: Intake → Conservative care')).toBeVisible();
  await expect(timeline.getByText('Stage: Conservative care → Diagnostic blocks')).toBeVisible();
  for (const therapy of ['Rest and recovery', 'Physical therapy', 'Mileage reduction']) {
    await expect(timeline.getByRole('heading', { name: therapy })).toBeVisible();
  }
  await expect(timeline.getByRole('heading', { name: 'ODI 34% · moderate' })).toBeVisible();
  // Who recorded each entry: the nurse (demo user Nora Nightingale).
  await expect(timeline.getByText(/Recorded by Nora Nightingale/)).toHaveCount(7);
  await expectAccessible(physician);
  await physicianContext.close();
});

test('a therapy entered in error stays on the timeline, struck through with the reason', async ({
  page,
}) => {
  await signIn(page, 'nurse');
  await page.goto('/patients');
  await page.getByRole('button', { name: 'Register patient' }).first().click();
  const form = page.getByRole('dialog', { name: 'Register patient' });
  // The dialog focuses its first field once open; typing before that sent later fields' text into it.
  await expect(form.getByLabel('MRN')).toBeFocused();
  await form.getByLabel('MRN').fill(`${MRN}-2`);
  await form.getByLabel('Given name').fill('Ed');
  await form.getByLabel('Family name').fill('Error');
  await form.getByLabel('Birth date').fill('1970-01-01');
  await form.getByRole('combobox', { name: 'Sex' }).click();
  await page.getByRole('option', { name: 'Male', exact: true }).click();
  await form.getByRole('button', { name: 'Register patient' }).click();
  await page.getByRole('button', { name: 'Open episode' }).click();
  const episode = page.getByRole('dialog', { name: 'Open episode' });
  await episode.getByRole('combobox', { name: 'Region' }).click();
  await page.getByRole('option', { name: 'Cervical' }).click();
  await episode.getByRole('combobox', { name: 'Side' }).click();
  await page.getByRole('option', { name: 'left' }).click();
  await episode.getByLabel('Onset date').fill(daysAgo(100));
  await episode.getByLabel('Index pain description').fill('Neck pain');
  await episode.getByRole('button', { name: 'Open episode' }).click();
  await addTherapy(page, 'Ice or heat', daysAgo(30), daysAgo(10), 'No response');

  await page.getByRole('button', { name: /Mark Ice or heat entered in error/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Mark as entered in error?' });
  await confirm.getByRole('button', { name: 'Mark entered in error' }).click();
  await expect(confirm.getByText('Reason is required')).toBeVisible();
  await confirm.getByLabel('Reason').fill('Recorded on the wrong patient');
  await confirm.getByRole('button', { name: 'Mark entered in error' }).click();
  await expect(confirm).toBeHidden();
  await expect(
    page.getByText(/Entered in error by .*: Recorded on the wrong patient/),
  ).toBeVisible();
  await expect(page.locator('.care-sentence')).toHaveText(/^\s*0 days of conservative care/);
});

test('managers see no Patients entry and cannot open the list', async ({ page }) => {
  await signIn(page, 'manager');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }),
  ).toHaveCount(0);
  await page.goto('/patients');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/access/i);
});
