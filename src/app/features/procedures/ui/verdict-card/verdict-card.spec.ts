import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AssessmentView, BlockVerdict } from '@domain';
import { assessmentView } from '../../testing/procedure-fixtures.ts';
import { VerdictCard } from './verdict-card.ts';

@Component({
  imports: [VerdictCard],
  template: `<app-verdict-card
    [assessment]="assessment()"
    [threshold]="{ positiveThresholdPercent: 80, thresholdExclusive: false }"
  />`,
})
class VerdictHost {
  readonly assessment = signal<AssessmentView>(assessmentView());
}

describe('VerdictCard', () => {
  async function render(overrides: Partial<AssessmentView>): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(VerdictHost);
    fixture.componentInstance.assessment.set(assessmentView(overrides));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }
  const squash = (element: HTMLElement) => element.textContent!.replace(/\s+/g, ' ');

  const cases: [BlockVerdict, string, string][] = [
    ['positive', 'Positive', 'reached the rule set’s positive threshold'],
    ['grey-zone', 'Grey zone', 'not a negative block'],
    ['negative', 'Negative', 'stayed below'],
    ['not-assessable', 'Not assessable', 'does not yet allow a reading'],
  ];
  for (const [verdict, label, meaning] of cases) {
    it(`shows a ${verdict} verdict in words with its icon, not by colour alone`, async () => {
      const card = await render({ verdict });
      const chip = card.querySelector(`[data-verdict="${verdict}"]`)!;
      expect(chip.querySelector('.label')!.textContent).toBe(label);
      expect(chip.querySelector('mat-icon')!.textContent!.trim()).not.toBe('');
      expect(squash(card)).toContain(meaning);
    });
  }

  it('shows peak relief beside the patient-reported peak, the duration, rule set and reasons', async () => {
    const card = await render({});
    const figures = [...card.querySelectorAll('.figures div')].map(
      (d) => `${d.querySelector('dt')!.textContent}: ${squash(d.querySelector('dd')!).trim()}`,
    );
    expect(figures).toEqual([
      'Peak relief (from NRS): 87.5%',
      'Patient-reported peak: 90%',
      'Relief lasted: Until 30 min',
      'Baseline: 8 (with activity)',
    ]);
    const text = squash(card);
    expect(text).toContain('Rule set Medicare LCD, version 1 (positive at ≥ 80% relief)');
    expect(text).toContain('peak relief 87.5% at 30 min');
  });

  it('says relief is not known yet when there are no scores, rather than "did not reach the threshold"', async () => {
    const card = await render({
      verdict: 'not-assessable',
      peakReliefPercent: null,
      reliefDurationMinutes: null,
      reportedPeakReliefPercent: null,
    });
    expect(squash(card)).toContain('Relief lastedNot known yet: no relief scores');
    expect(squash(card)).not.toContain('Did not reach the threshold');
  });

  it('flags a confounded block and states a comparative reading', async () => {
    const text = squash(
      await render({
        confounded: true,
        comparative: {
          previousProcedureId: '9',
          result: 'concordant',
          reason: 'Relief lasted longer with bupivacaine.',
        },
      }),
    );
    expect(text).toContain('Confounded: sedation');
    expect(text).toContain(
      'Comparative blocks: concordant. Relief lasted longer with bupivacaine.',
    );
  });

  it('reads left and right separately for a bilateral block', async () => {
    const side = (s: 'left' | 'right', verdict: BlockVerdict, peak: number) => ({
      context: 'activity' as const,
      side: s,
      baseline: 8,
      points: [],
      peakReliefPercent: peak,
      peakAtMinutes: 30,
      reportedPeakReliefPercent: null,
      reliefDurationMinutes: null,
      verdict,
      peakIsLateEntry: false,
      reasons: [],
    });
    const card = await render({
      series: [side('left', 'positive', 87.5), side('right', 'grey-zone', 62.5)],
    });
    const items = [...card.querySelectorAll('.series li')].map((li) => squash(li as HTMLElement));
    expect(items).toHaveSize(2);
    expect(items[0]).toContain('With activity, left');
    expect(items[0]).toContain('Positive');
    expect(items[1]).toContain('With activity, right');
    expect(items[1]).toContain('Grey zone');
    expect(items[1]).toContain('peak relief 62.5%');
  });

  it('names every side in words: a bilateral block with one side negative shows both', async () => {
    const card = await render({
      verdict: 'negative',
      summary: 'Left positive (87.5%), right negative (12.5%)',
      sides: [
        {
          side: 'left',
          verdict: 'positive',
          peakReliefPercent: 87.5,
          reliefDurationMinutes: 60,
          series: { context: 'activity', side: 'left' },
        },
        {
          side: 'right',
          verdict: 'negative',
          peakReliefPercent: 12.5,
          reliefDurationMinutes: null,
          series: { context: 'activity', side: 'right' },
        },
      ],
      peakRestsOnLateEntries: true,
    });
    const text = squash(card);
    expect(text).toContain('Left positive (87.5%), right negative (12.5%)');
    const items = [...card.querySelectorAll('.sides li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(items.length).toBe(2);
    expect(items[0]).toContain('Left');
    expect(items[0]).toContain('Positive');
    expect(items[1]).toContain('Right');
    expect(items[1]).toContain('Negative');
    expect(text).toContain('rests on late entries');
  });
});
