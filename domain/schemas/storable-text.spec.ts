import * as z from 'zod';
import {
  dateField,
  dateTimeField,
  FunctionScoreCreateSchema,
  plainString,
  textField,
} from '../index.ts';
import { AuditQuerySchema } from './audit.ts';

/** The first message, or undefined when the value is accepted. */
function firstMessage(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('shared schemas refuse what PostgreSQL cannot store (issue 10, defect 5)', () => {
  const name = textField('Family name', 100);
  const texts: [string, string, string | undefined][] = [
    ['U+0000 alone', '\u0000', 'Family name cannot contain a null character (U+0000)'],
    ['U+0000 inside', 'Smi\u0000th', 'Family name cannot contain a null character (U+0000)'],
    ['lone high surrogate at the end', 'Smith\uD83D', 'Family name contains an invalid character'],
    ['lone low surrogate at the start', '\uDE00Smith', 'Family name contains an invalid character'],
    ['two high surrogates', '\uD83D\uD83D', 'Family name contains an invalid character'],
    ['a proper pair (emoji)', 'Smith \uD83D\uDE00', undefined],
    ['accents and CJK', 'Ñúñez 山田', undefined],
    ['other control characters (tab)', 'a\tb', undefined],
  ];
  for (const [what, value, message] of texts) {
    it(`text field: ${what} -> ${message ?? 'accepted'}`, () =>
      expect(firstMessage(name, value)).toEqual(message));
  }

  it('plain strings (search terms, keys) apply the same rule', () => {
    expect(firstMessage(plainString('Search', 100), 'a\u0000')).toBe(
      'Search cannot contain a null character (U+0000)',
    );
    expect(firstMessage(plainString('Search', 100), '\uDC00')).toBe(
      'Search contains an invalid character',
    );
    expect(firstMessage(plainString('Search', 100), 'smith')).toBeUndefined();
  });

  const dates: [string, string | undefined][] = [
    ['0000-01-01', 'Onset date must be in year 1 or later'],
    ['0000-12-31', 'Onset date must be in year 1 or later'],
    ['0001-01-01', undefined],
    ['2026-02-29', 'Onset date must be a date (YYYY-MM-DD)'],
    ['2024-02-29', undefined],
  ];
  for (const [value, message] of dates) {
    it(`date ${value} -> ${message ?? 'accepted'}`, () =>
      expect(firstMessage(dateField('Onset date'), value)).toEqual(message));
  }

  it('date-times and audit filters refuse year 0000 too', () => {
    expect(firstMessage(dateTimeField('Performed at'), '0000-01-01T10:00:00Z')).toBe(
      'Performed at must be in year 1 or later',
    );
    expect(firstMessage(dateTimeField('Performed at'), '2026-01-01T10:00:00Z')).toBeUndefined();
    expect(AuditQuerySchema.safeParse({ from: '0000-01-01' }).success).toBeFalse();
  });

  it('a function-score section out of range is a field message, not a crash (found by the fuzz spec)', () => {
    const sections = {
      'pain-intensity': 30,
      'personal-care': 1,
      lifting: 3,
      walking: 2,
      sitting: 2,
      standing: 3,
      sleeping: 1,
      'sex-life': null,
      'social-life': 2,
      travelling: 2,
    };
    expect(
      firstMessage(FunctionScoreCreateSchema, {
        instrument: 'odi',
        takenOn: '2026-02-01',
        sections,
      }),
    ).toBe('Section scores must be whole numbers from 0 to 5');
    expect(
      FunctionScoreCreateSchema.safeParse({
        instrument: 'xyz',
        takenOn: '2026-02-01',
        sections: {},
      }).success,
    ).toBeFalse();
  });
});
