import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionStore } from '../../../core/session-store.ts';
import {
  problemResponse,
  sessionFor,
  settle,
  specProviders,
} from '../../../testing/test-fixtures.ts';
import { LOGIN_ROUTES } from '../login.routes.ts';

@Component({ selector: 'app-login-spec-stub', template: 'signed in' })
class StubPage {}

describe('LoginPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let router: Router;

  async function openLogin(
    options: { demoMode?: boolean; returnUrl?: string } = {},
  ): Promise<void> {
    harness = await RouterTestingHarness.create();
    router = TestBed.inject(Router);
    const navigation = router.navigateByUrl('/login', { state: { returnUrl: options.returnUrl } });
    await navigation;
    http
      .expectOne('/api/v1/config')
      .flush({ demoMode: options.demoMode ?? false, idleTimeoutMinutes: 15 });
    await settle(harness.fixture);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  }

  const field = (label: string) =>
    loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const input = (id: string) => loader.getHarness(MatInputHarness.with({ selector: `#${id}` }));
  const signInButton = () => loader.getHarness(MatButtonHarness.with({ text: /Sign in/ }));
  const alertText = () =>
    (harness.routeNativeElement?.querySelector('[role="alert"]')?.textContent ?? '').trim();

  async function submit(username: string, password: string): Promise<void> {
    await (await input('login-username')).setValue(username);
    await (await input('login-password')).setValue(password);
    await (await signInButton()).click();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: specProviders([
        { path: 'login', children: LOGIN_ROUTES },
        { path: '', component: StubPage },
        { path: 'admin/users', component: StubPage },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('shows each field’s message from the login schema when submitted empty', async () => {
    await openLogin();
    await (await signInButton()).click();

    expect(await (await field('Username')).getTextErrors()).toEqual(['Username is required']);
    expect(await (await field('Password')).getTextErrors()).toEqual(['Password is required']);
    http.expectNone('/api/v1/auth/login');
  });

  it('says "Wrong username or password" on a 401 and stays on the page', async () => {
    await openLogin();
    await submit('nurse1', 'not-the-password');
    http.expectOne('/api/v1/auth/login').flush(
      {
        status: 401,
        title: 'Sign-in failed',
        detail: 'Wrong username or password.',
        code: 'bad-credentials',
      },
      problemResponse(401, 'Unauthorized'),
    );
    await settle(harness.fixture);

    expect(alertText()).toBe('Wrong username or password.');
    expect(router.url).toBe('/login');
  });

  it('tells how long to wait after too many attempts (Retry-After)', async () => {
    await openLogin();
    await submit('nurse1', 'guess');
    http
      .expectOne('/api/v1/auth/login')
      .flush(
        { status: 429, title: 'Too many attempts', code: 'throttled' },
        problemResponse(429, 'Too Many Requests', { 'Retry-After': '30' }),
      );
    await settle(harness.fixture);

    expect(alertText()).toBe('Too many attempts. Try again in 30 seconds.');
  });

  it('shows the server’s words for a locked account', async () => {
    await openLogin();
    await submit('nurse1', 'right-password');
    const detail =
      'This account is locked after repeated failed sign-ins. Ask an administrator to unlock it.';
    http
      .expectOne('/api/v1/auth/login')
      .flush(
        { status: 403, title: 'Account locked', code: 'account-locked', detail },
        problemResponse(403, 'Forbidden'),
      );
    await settle(harness.fixture);

    expect(alertText()).toBe(detail);
  });

  it('disables the button while signing in, then goes home', async () => {
    await openLogin();
    await submit('nurse1', 'right-password');
    expect(await (await signInButton()).isDisabled()).toBeTrue();

    const req = http.expectOne('/api/v1/auth/login');
    expect(req.request.body).toEqual({ username: 'nurse1', password: 'right-password' });
    req.flush(sessionFor('nurse'));
    await settle(harness.fixture);

    expect(router.url).toBe('/');
  });

  it('goes back to the page the user wanted after signing in', async () => {
    await openLogin({ returnUrl: '/admin/users' });
    await submit('admin1', 'right-password');
    http.expectOne('/api/v1/auth/login').flush(sessionFor('admin'));
    await settle(harness.fixture);

    expect(router.url).toBe('/admin/users');
  });

  it('shows why the user was signed out', async () => {
    TestBed.inject(SessionStore).endLocally(
      'You were signed out after 15 minutes without activity.',
    );
    await openLogin();

    expect(harness.routeNativeElement?.textContent).toContain(
      'You were signed out after 15 minutes without activity.',
    );
  });

  it('shows the demo banner when the server is in demo mode', async () => {
    await openLogin({ demoMode: true });

    const banner = harness.routeNativeElement?.querySelector('app-demo-banner [role="status"]');
    expect(banner?.textContent).toContain('Demo mode — sample data, not for patient care');
  });

  it('focuses the username field', async () => {
    await openLogin();
    expect(await (await input('login-username')).isFocused()).toBeTrue();
  });
});
