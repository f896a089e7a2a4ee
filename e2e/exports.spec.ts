import { readFile } from 'node:fs/promises';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// Issue 16: a physician downloads the patient's FHIR record and the pain scores as CSV from the
// patient page; an admin runs the practice export and downloads a file when it is done.

async function patientWithADiary(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'physician', password: E2E_DEMO_PASSWORD },
  });
  expect(login.ok()).toBeTruthy();
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const post = async (url: string, data: unknown): Promise<string> => {
    const response = await request.post(url, { headers: { 'X-CSRF-Token': csrfToken }, data });
    expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const patientId = await post('/api/v1/patients', {
    mrn: `EXP-${Date.now()}`,
    givenName: 'Ines',
    familyName: 'Export',
    birthDate: '1984-04-04',
    sex: 'female',
  });
  const episodeId = await post(`/api/v1/patients/${patientId}/episodes`, {
    region: 'lumbar',
    side: 'left',
    onsetDate: '2025-06-01',
    indexPain: 'Left low back',
  });
  const procedureId = await post(`/api/v1/episodes/${episodeId}/procedures`, {
    kind: 'mbb',
    intent: 'diagnostic',
    performedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    levels: ['L4-L5'],
    side: 'left',
    anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
    guidance: 'fluoroscopy',
    sedation: 'none',
    overrideReason: 'Journey test: checks are not the point here',
  });
  for (const [minutesAfter, score] of [
    [-5, 8],
    [30, 2],
  ])
    await post(`/api/v1/procedures/${procedureId}/pain-scores`, {
      minutesAfter,
      score,
      context: 'activity',
    });
  return patientId;
}

test('a physician downloads the FHIR record and the pain scores CSV from the patient page', async ({
  page,
  request,
}) => {
  const patientId = await patientWithADiary(request);
  await signIn(page, 'physician');
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole('heading', { name: 'Ines Export' })).toBeVisible();
  await expectNoAxeViolations(page);

  const [fhir] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /FHIR R4 Bundle/ }).click(),
  ]);
  expect(fhir.suggestedFilename()).toBe(`patient-${patientId}.fhir.json`);
  const bundle = JSON.parse(await readFile((await fhir.path())!, 'utf8')) as {
    resourceType: string;
    type: string;
    entry: { resource: { resourceType: string } }[];
  };
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.type).toBe('collection');
  expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(
    expect.arrayContaining(['Patient', 'Condition', 'EpisodeOfCare', 'Procedure', 'Observation']),
  );

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /pain scores as CSV/ }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`patient-${patientId}-pain-scores.csv`);
  const lines = (await readFile((await csv.path())!, 'utf8')).trim().split('\r\n');
  expect(lines[0]).toBe(
    'procedureId,procedure,performedAt,scoreId,minutesAfter,describesAt,enteredAt,context,side,score,reportedReliefPercent,status',
  );
  expect(lines.length).toBe(3);
});

test('an admin runs the practice export and downloads the Patient file', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Practice export' }).click();
  await expect(page.getByRole('heading', { name: 'Practice export', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Start export' }).click();
  const patients = page.getByRole('link', { name: /Download Patient, \d+ resources/ }).first();
  await expect(patients).toBeVisible({ timeout: 15_000 });
  await expectNoAxeViolations(page);
  const [file] = await Promise.all([page.waitForEvent('download'), patients.click()]);
  expect(file.suggestedFilename()).toBe('Patient.ndjson');
  const lines = (await readFile((await file.path())!, 'utf8')).trim().split('\n');
  expect(
    lines.every((l) => (JSON.parse(l) as { resourceType: string }).resourceType === 'Patient'),
  ).toBe(true);
});
