import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.ts';

// Issue: foundation. Each role signs in to a shell that shows only its sections; the admin manages
// users and checks the audit trail; idle sessions end with a reason on the login page.

test('the login page shows demo mode, inline errors, and a clear message for a wrong password', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('status').filter({ hasText: 'Demo mode' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Username is required')).toBeVisible();
  await expect(page.getByText('Password is required')).toBeVisible();
  await page.getByLabel('Username').fill('nurse');
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Wrong username or password');
});

const sections: Record<string, string[]> = {
  // Issue 12 adds the worklist (nurse, physician) and the overdue digest (physician, admin).
  nurse: ['Home', 'Worklist', 'Patients'],
  physician: ['Home', 'Worklist', 'Patients', 'Overdue digest', 'Dashboard', 'Outcomes'],
  manager: ['Home', 'Dashboard'],
  // Issue 16 adds the practice export (admin).
  admin: ['Home', 'Overdue digest', 'Users', 'Audit log', 'Rule sets', 'Practice export'],
};

for (const [role, expected] of Object.entries(sections)) {
  test(`${role} sees only their sections and can sign out`, async ({ page }) => {
    await signIn(page, role);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveCount(expected.length);
    for (const name of expected)
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /sign out/i }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
  });
}

test('a nurse who opens an admin address gets the forbidden page, and an unknown address the 404 page', async ({
  page,
}) => {
  await signIn(page, 'nurse');
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/access/i);
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
  await expectNoAxeViolations(page);
});

test('the admin creates a nurse, who can then sign in; the audit trail records it and verifies intact', async ({
  page,
  browser,
}) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Username').fill('nina');
  await dialog.getByLabel('Full name').fill("Nina O'Neil");
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Nurse' }).click();
  await dialog.getByLabel('Password', { exact: true }).fill('nina-password-2026');
  await dialog.getByLabel('Repeat password').fill('nina-password-2026');
  await dialog.getByRole('button', { name: /create/i }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: "Nina O'Neil" })).toBeVisible();

  const other = await browser.newPage();
  await signIn(other, 'nina', 'nina-password-2026');
  // A nurse lands on the worklist (issue 12); the shell names her.
  await expect(other).toHaveURL(/\/worklist$/);
  await expect(other.getByText("Nina O'Neil")).toBeVisible();
  await other.close();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await expect(page.getByRole('cell', { name: 'Created user' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Check integrity' }).click();
  await expect(page.getByText(/Chain intact: \d+ events checked/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('after 15 minutes without input the session ends and the login page says why', async ({
  page,
}) => {
  await page.clock.install();
  await signIn(page, 'physician');
  await page.clock.fastForward('15:01');
  await expect(page).toHaveURL(/\/login$/);
  await expect(
    page.getByText('You were signed out after 15 minutes without activity.'),
  ).toBeVisible();
});
