import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { sessionFor, specProviders } from '../testing/test-fixtures.ts';
import { IdleLogoff } from './idle-logoff.ts';
import { SessionStore } from './session-store.ts';

describe('IdleLogoff', () => {
  let http: HttpTestingController;
  let idle: IdleLogoff;
  let session: InstanceType<typeof SessionStore>;
  let navigate: jasmine.Spy;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: specProviders() });
    http = TestBed.inject(HttpTestingController);
    idle = TestBed.inject(IdleLogoff);
    session = TestBed.inject(SessionStore);
    navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    const restored = session.restore();
    http.expectOne('/api/v1/auth/me').flush(sessionFor('nurse'));
    await restored;
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(2026, 0, 5, 9, 0));
  });

  afterEach(() => {
    idle.stop();
    jasmine.clock().uninstall();
    http.verify();
  });

  /** Lets the async sign-out run after the timer fired. */
  const flushMicrotasks = () => Promise.resolve().then(() => Promise.resolve());

  it('signs out after the timeout without input and says how long', async () => {
    idle.start(15);
    jasmine.clock().tick(15 * 60_000);
    await flushMicrotasks();
    http.expectOne('/api/v1/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await flushMicrotasks();
    await flushMicrotasks();

    expect(session.status()).toBe('signed-out');
    expect(session.signOutReason()).toBe('You were signed out after 15 minutes without activity.');
    expect(navigate).toHaveBeenCalledWith(['/login']);
  });

  it('keeps the session while the user is typing', async () => {
    idle.start(15);
    jasmine.clock().tick(14 * 60_000);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    http.expectOne('/api/v1/auth/me').flush(sessionFor('nurse')); // the heartbeat
    jasmine.clock().tick(2 * 60_000);
    await flushMicrotasks();

    http.expectNone('/api/v1/auth/logout');
    expect(session.status()).toBe('signed-in');
  });

  it('tells the server about input at most every 2 minutes, since the server only sees requests', () => {
    idle.start(15);
    jasmine.clock().tick(60_000);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    http.expectNone('/api/v1/auth/me'); // 1 minute after start: too soon
    jasmine.clock().tick(60_000);
    document.dispatchEvent(new PointerEvent('pointerdown'));
    http.expectOne('/api/v1/auth/me').flush(sessionFor('nurse'));
    jasmine.clock().tick(30_000);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    http.expectNone('/api/v1/auth/me');
  });

  it('does nothing once stopped', async () => {
    idle.start(15);
    idle.stop();
    jasmine.clock().tick(30 * 60_000);
    await flushMicrotasks();

    http.expectNone('/api/v1/auth/logout');
    expect(session.status()).toBe('signed-in');
  });
});
