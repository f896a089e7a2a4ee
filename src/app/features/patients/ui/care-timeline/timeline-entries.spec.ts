import { setDisplayTimeZone } from '../../../../shared/format/date-format.ts';
import { episode, painTimeline, record } from '../../data/patient-fixtures.ts';
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

  it("files a stage change and a procedure under their local day in the practice's zone", () => {
    setDisplayTimeZone('America/Los_Angeles');
    try {
      const [first] = painTimeline().procedures;
      const late = { ...first!, performedAt: '2026-01-13T06:30:00Z' }; // 22:30 on 12 Jan in UTC-8
      const stageHistory = [
        { ...episode().stageHistory[0]!, at: '2026-01-12T07:30:00Z' }, // 23:30 on 11 Jan
      ];
      const entries = timelineEntries(record({ episode: episode({ stageHistory }) }), 'km', [late]);
      const on = (key: string) => entries.find((e) => e.key === key)!.on;
      expect(on('stage-1')).toBe('2026-01-11');
      expect(on(`procedure-${late.id}`)).toBe('2026-01-12');
    } finally {
      setDisplayTimeZone(undefined);
    }
  });
});
