import { AUDIT_ACTIONS } from '@domain';
import { auditActionText, auditDetailsText } from './audit-labels.ts';

describe('audit events in words', () => {
  const cases: [string, string][] = [
    ['procedure.read', 'Read procedure'],
    ['pain-score.entered-in-error', 'Marked entered in error: pain score'],
    ['auth.login', 'Signed in'],
    ['access.denied', 'Refused access to patient data'],
    ['export.bulk-start', 'Started a practice export'],
    ['something.new', 'something.new'],
  ];
  for (const [code, words] of cases)
    it(`"${code}" reads "${words}"`, () => expect(auditActionText(code)).toBe(words));

  it('has words for every action the server records', () => {
    for (const action of AUDIT_ACTIONS)
      expect(auditActionText(action)).withContext(action).not.toBe(action);
  });

  it('shows details as fields, not JSON', () => {
    expect(auditDetailsText({ role: 'physician', patientIds: ['3', '4'], minutesAfter: 30 })).toBe(
      'Role: physician · Patient ids: 3, 4 · Minutes after: 30',
    );
    expect(auditDetailsText({})).toBe('');
  });
});
