import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Page, UserView } from '@domain';
import { SessionStore } from '../../../core/session-store.ts';
import {
  problemResponse,
  sessionFor,
  settle,
  specProviders,
} from '../../../testing/test-fixtures.ts';
import { ADMIN_USERS_ROUTES } from '../admin-users.routes.ts';
import { USER_CONFLICT_MESSAGE } from './user-list-page.ts';

function user(overrides: Partial<UserView>): UserView {
  return {
    id: '1',
    username: 'nurse1',
    name: 'Nora Nurse',
    role: 'nurse',
    active: true,
    locked: false,
    failedLogins: 0,
    lastLoginAt: null,
    createdAt: '2026-01-01T08:00:00Z',
    version: 3,
    ...overrides,
  };
}

const NORA = user({});
const PAUL = user({
  id: '2',
  username: 'phys1',
  name: 'Paul Physician',
  role: 'physician',
  locked: true,
});
/** The signed-in admin (sessionFor gives the user id 7). */
const ME = user({ id: '7', username: 'admin1', name: 'Test admin', role: 'admin' });

describe('UserListPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let rootLoader: HarnessLoader;

  const isUserList = (req: { url: string; method: string }) =>
    req.method === 'GET' && req.url === '/api/v1/users';

  function answerList(users: UserView[], request?: TestRequest): void {
    const page: Page<UserView> = { items: users, total: users.length, page: 1, pageSize: 25 };
    (request ?? http.expectOne(isUserList)).flush(page);
  }

  async function openPage(users: UserView[] = [NORA, PAUL]): Promise<void> {
    harness = await RouterTestingHarness.create('/admin/users');
    await settle(harness.fixture);
    const list = http.expectOne(isUserList);
    expect(list.request.params.get('page')).toBe('1');
    expect(list.request.params.get('pageSize')).toBe('25');
    answerList(users, list);
    await settle(harness.fixture);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    rootLoader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  }

  async function openCreateDialog(): Promise<MatDialogHarness> {
    await (await loader.getHarness(MatButtonHarness.with({ text: /New user/ }))).click();
    return rootLoader.getHarness(MatDialogHarness);
  }

  const actionsFor = (username: string) =>
    loader.getHarness(MatMenuHarness.with({ selector: `[aria-label="Actions for ${username}"]` }));

  const dialogField = (dialog: MatDialogHarness, label: string) =>
    dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));

  async function fillCreateForm(dialog: MatDialogHarness): Promise<void> {
    const type = async (label: string, value: string) =>
      (await (await dialogField(dialog, label)).getControl(MatInputHarness))!.setValue(value);
    await type('Username', 'nurse2');
    await type('Full name', 'Nina Nurse');
    await type('Password', 'a-long-enough-password');
    await type('Repeat password', 'a-long-enough-password');
    const role = await dialog.getHarness(MatSelectHarness);
    await role.open();
    await role.clickOptions({ text: 'Nurse' });
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: specProviders([{ path: 'admin/users', children: ADMIN_USERS_ROUTES }]),
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists users from the server with their status', async () => {
    await openPage();
    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getCellTextByColumnName();

    expect(rows['username'].text).toEqual(['nurse1', 'phys1']);
    expect(rows['name'].text).toEqual(['Nora Nurse', 'Paul Physician']);
    expect(rows['status'].text[0]).toContain('Active');
    expect(rows['status'].text[1]).toContain('Locked');
    expect(rows['lastLogin'].text[0]).toBe('Never');
  });

  it('says so when there are no users to show', async () => {
    await openPage([]);
    expect(harness.routeNativeElement?.textContent).toContain('No users yet');
  });

  it('explains a failed load and offers to try again', async () => {
    harness = await RouterTestingHarness.create('/admin/users');
    await settle(harness.fixture);
    http
      .expectOne(isUserList)
      .flush({ status: 500, title: 'Server error' }, problemResponse(500, 'Server Error'));
    await settle(harness.fixture);

    expect(harness.routeNativeElement?.textContent).toContain('The user list could not be loaded');
    const retry = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(
      MatButtonHarness.with({ text: 'Try again' }),
    );
    await retry.click();
    answerList([NORA]);
    await settle(harness.fixture);
    expect(harness.routeNativeElement?.textContent).toContain('Nora Nurse');
  });

  it('searches on the server after the user stops typing', async () => {
    await openPage();
    const search = await loader.getHarness(MatInputHarness.with({ selector: '[type="search"]' }));
    await search.setValue('paul');
    http.expectNone(isUserList);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(harness.fixture);

    const req = http.expectOne(isUserList);
    expect(req.request.params.get('q')).toBe('paul');
    expect(req.request.params.get('page')).toBe('1');
    answerList([PAUL], req);
  });

  it('shows the create schema’s messages under each field of an empty "New user" form', async () => {
    await openPage();
    const dialog = await openCreateDialog();
    await (await dialog.getHarness(MatButtonHarness.with({ text: /Create user/ }))).click();

    expect(await (await dialogField(dialog, 'Username')).getTextErrors()).toEqual([
      'Username must be at least 3 characters',
    ]);
    expect(await (await dialogField(dialog, 'Full name')).getTextErrors()).toEqual([
      'Full name is required',
    ]);
    expect(await (await dialogField(dialog, 'Password')).getTextErrors()).toEqual([
      'Password must be at least 12 characters',
    ]);
    expect((await (await dialogField(dialog, 'Role')).getTextErrors())[0]).toContain(
      'Choose a role',
    );
    http.expectNone('/api/v1/users');
  });

  it('says when the two passwords differ', async () => {
    await openPage();
    const dialog = await openCreateDialog();
    await fillCreateForm(dialog);
    const repeat = await (await dialogField(dialog, 'Repeat password')).getControl(MatInputHarness);
    await repeat!.setValue('something-else-entirely');
    await (await dialog.getHarness(MatButtonHarness.with({ text: /Create user/ }))).click();

    expect(await (await dialogField(dialog, 'Repeat password')).getTextErrors()).toEqual([
      'The two passwords do not match',
    ]);
    http.expectNone('/api/v1/users');
  });

  it('shows a taken username under the username field', async () => {
    await openPage();
    const dialog = await openCreateDialog();
    await fillCreateForm(dialog);
    await (await dialog.getHarness(MatButtonHarness.with({ text: /Create user/ }))).click();

    const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/users');
    expect(req.request.body).toEqual({
      username: 'nurse2',
      name: 'Nina Nurse',
      role: 'nurse',
      password: 'a-long-enough-password',
    });
    req.flush(
      {
        status: 409,
        title: 'Conflict',
        code: 'username-taken',
        detail: 'That username is already taken.',
        errors: [{ path: 'username', message: 'That username is already taken.' }],
      },
      problemResponse(409, 'Conflict'),
    );
    await settle(harness.fixture);

    expect(await (await dialogField(dialog, 'Username')).getTextErrors()).toEqual([
      'That username is already taken.',
    ]);
    expect(await rootLoader.getAllHarnesses(MatDialogHarness)).toHaveSize(1);
  });

  it('creates a user, closes the dialog and reloads the list', async () => {
    await openPage();
    const dialog = await openCreateDialog();
    await fillCreateForm(dialog);
    await (await dialog.getHarness(MatButtonHarness.with({ text: /Create user/ }))).click();
    http
      .expectOne((r) => r.method === 'POST' && r.url === '/api/v1/users')
      .flush(user({ id: '3', username: 'nurse2', name: 'Nina Nurse' }), {
        status: 201,
        statusText: 'Created',
      });
    await settle(harness.fixture);
    answerList([NORA, PAUL, user({ id: '3', username: 'nurse2', name: 'Nina Nurse' })]);
    await settle(harness.fixture);

    expect(await rootLoader.getAllHarnesses(MatDialogHarness)).toHaveSize(0);
    expect(harness.routeNativeElement?.textContent).toContain('Nina Nurse');
  });

  it('saves a role change with the version and explains a version conflict', async () => {
    await openPage();
    const [roleOfNora] = await loader.getAllHarnesses(MatSelectHarness);
    await roleOfNora.open();
    await roleOfNora.clickOptions({ text: 'Physician' });
    // Issue 14: a role change is confirmed first, saying what the user gains.
    const confirm = await rootLoader.getHarness(MatDialogHarness);
    expect(await confirm.getTitleText()).toBe('Make Nora Nurse Physician?');
    expect(await confirm.getText()).toContain('will be able to record procedures');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Make Physician' }))).click();
    await settle(harness.fixture);

    const patch = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/users/1');
    expect(patch.request.body).toEqual({ role: 'physician', version: 3 });
    patch.flush(
      {
        status: 409,
        title: 'Version conflict',
        code: 'version-conflict',
        current: { ...NORA, name: 'Nora N. Nurse', version: 4 },
      },
      problemResponse(409, 'Conflict'),
    );
    await settle(harness.fixture);
    answerList([{ ...NORA, name: 'Nora N. Nurse', version: 4 }, PAUL]);
    await settle(harness.fixture);

    const snackBar = await rootLoader.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe(USER_CONFLICT_MESSAGE);
    expect(harness.routeNativeElement?.textContent).toContain('Nora N. Nurse');
  });

  it('cancelling a role change saves nothing and puts the select back', async () => {
    await openPage();
    const [roleOfNora] = await loader.getAllHarnesses(MatSelectHarness);
    await roleOfNora.open();
    await roleOfNora.clickOptions({ text: 'Practice manager' });
    const confirm = await rootLoader.getHarness(MatDialogHarness);
    expect(await confirm.getText()).toContain('will no longer be able to see patient records');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await settle(harness.fixture);
    http.expectNone((r) => r.method === 'PATCH');
    expect(await roleOfNora.getValueText()).toBe('Nurse');
  });

  it('offers no deactivation or role change on the admin’s own row', async () => {
    const restored = TestBed.inject(SessionStore).restore();
    http.expectOne('/api/v1/auth/me').flush(sessionFor('admin'));
    await restored;
    await openPage([NORA, PAUL, ME]);
    await (await actionsFor('admin1')).open();
    const items = await (await actionsFor('admin1')).getItems();
    expect(await Promise.all(items.map((i) => i.getText()))).not.toContain(
      jasmine.stringContaining('Deactivate'),
    );
    const selects = await loader.getAllHarnesses(MatSelectHarness);
    expect(await selects[2]!.isDisabled()).toBeTrue();
    expect(await selects[0]!.isDisabled()).toBeFalse();
  });

  it('asks before deactivating, then saves active: false with the version', async () => {
    await openPage();
    await (await actionsFor('nurse1')).clickItem({ text: /Deactivate/ });

    const confirm = await rootLoader.getHarness(MatDialogHarness);
    expect(await confirm.getTitleText()).toBe('Deactivate Nora Nurse?');
    http.expectNone((r) => r.method === 'PATCH');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Deactivate' }))).click();
    await settle(harness.fixture);

    const patch = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/users/1');
    expect(patch.request.body).toEqual({ active: false, version: 3 });
    patch.flush({ ...NORA, active: false, version: 4 });
    await settle(harness.fixture);

    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['status'].text[0]).toContain('Inactive');
  });

  it('offers Unlock only for a locked user', async () => {
    await openPage();
    const itemsOf = async (username: string) => {
      const menu = await actionsFor(username);
      await menu.open();
      const texts = await Promise.all((await menu.getItems()).map((item) => item.getText()));
      await menu.close();
      return texts;
    };
    const noraItems = await itemsOf('nurse1');
    const paulItems = await itemsOf('phys1');

    expect(noraItems.some((text) => text.includes('Unlock'))).toBeFalse();
    expect(paulItems.some((text) => text.includes('Unlock'))).toBeTrue();
  });

  it('resets a password with the version, after checking the two entries', async () => {
    await openPage();
    await (await actionsFor('nurse1')).clickItem({ text: /Reset password/ });
    const dialog = await rootLoader.getHarness(MatDialogHarness);
    const type = async (label: string, value: string) =>
      (await (await dialogField(dialog, label)).getControl(MatInputHarness))!.setValue(value);
    await type('New password', 'another-long-password');
    await type('Repeat new password', 'another-long-password');
    await (await dialog.getHarness(MatButtonHarness.with({ text: /Set password/ }))).click();

    const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/users/1/password');
    expect(req.request.body).toEqual({ version: 3, password: 'another-long-password' });
    req.flush({ ...NORA, version: 4 });
    await settle(harness.fixture);

    expect(await rootLoader.getAllHarnesses(MatDialogHarness)).toHaveSize(0);
    expect(await (await rootLoader.getHarness(MatSnackBarHarness)).getMessage()).toBe(
      'New password set for Nora Nurse.',
    );
  });
});
