import { LoginRequestSchema, UserCreateSchema, UserUpdateSchema } from '../index.ts';
import { AuditQuerySchema } from './audit.ts';

/** The first message for each path, as a form would show it. */
function messages(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('shared schemas: the messages a nurse reads', () => {
  it('login needs both fields', () => {
    expect(messages(LoginRequestSchema.safeParse({}))).toEqual({
      username: 'Username is required',
      password: 'Password is required',
    });
    expect(messages(LoginRequestSchema.safeParse({ username: '', password: 'x' }))).toEqual({
      username: 'Username is required',
    });
  });

  const usernames: [string, string | undefined][] = [
    ['ab', 'Username must be at least 3 characters'],
    ['abc', undefined],
    ['Nora', 'Username may use lower-case letters, digits, dot, dash and underscore only'],
    ["o'neil", 'Username may use lower-case letters, digits, dot, dash and underscore only'],
    ['n.nightingale-2_x', undefined],
    ['a'.repeat(65), 'Username must be at most 64 characters'],
  ];
  for (const [username, message] of usernames) {
    it(`username "${username.slice(0, 12)}" -> ${message ?? 'valid'}`, () => {
      const result = UserCreateSchema.safeParse({
        username,
        name: 'N',
        role: 'nurse',
        password: 'twelve chars',
      });
      expect(messages(result)['username'] as string | undefined).toEqual(message);
    });
  }

  it('password: 11 characters refused, 12 accepted, 257 refused', () => {
    const pw = (password: string) =>
      messages(UserCreateSchema.safeParse({ username: 'abc', name: 'N', role: 'nurse', password }))[
        'password'
      ];
    expect(pw('x'.repeat(11))).toBe('Password must be at least 12 characters');
    expect(pw('x'.repeat(12))).toBeUndefined();
    expect(pw('x'.repeat(257))).toBe('Password must be at most 256 characters');
  });

  it('an update needs a whole-number version of at least 1', () => {
    expect(messages(UserUpdateSchema.safeParse({ version: 0 }))['version']).toBe(
      'Version must be at least 1',
    );
    expect(messages(UserUpdateSchema.safeParse({ version: 1.5 }))['version']).toBe(
      'Version must be a whole number',
    );
    expect(UserUpdateSchema.safeParse({ version: 3, role: 'physician' }).success).toBeTrue();
  });

  it('audit query dates must be calendar dates in order; same day is allowed', () => {
    expect(messages(AuditQuerySchema.safeParse({ from: '2026-13-01' }))['from']).toBe(
      'Date must be a calendar date (YYYY-MM-DD)',
    );
    expect(
      messages(AuditQuerySchema.safeParse({ from: '2026-02-02', to: '2026-02-01' }))['to'],
    ).toBe('The "to" date must be on or after the "from" date');
    expect(AuditQuerySchema.safeParse({ from: '2026-02-01', to: '2026-02-01' }).success).toBeTrue();
  });
});
