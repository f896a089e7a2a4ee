import { painTimeline, record } from '../../data/patient-fixtures.ts';
import { timelineEntries } from './timeline-entries.ts';

describe('timelineEntries: procedures on the patient record', () => {
  it("shows a procedure's payer-rule override reason, and no override line without one", () => {
    const [first, second] = painTimeline().procedures;
    const entries = timelineEntries(record(), 'km', [
      first!,
      { ...second!, overrideReason: 'Patient travels abroad next week' },
    ]);
    const details = (id: string) => entries.find((e) => e.key === `procedure-${id}`)!.details;
    expect(details('42')).toContain('Payer-rule override: Patient travels abroad next week');
    expect(details('41').some((d) => d.includes('override'))).toBeFalse();
  });
});
