import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { assessmentView, procedureView } from '../../testing/procedure-fixtures.ts';
import { BlockComparison, type ComparedBlock, diagnosticPair } from './block-comparison.ts';

const MBB1 = procedureView({ id: '11', label: 'MBB #1', performedAt: '2026-10-14T09:00:00Z' });
const MBB2 = procedureView({
  id: '12',
  label: 'MBB #2',
  sequence: 2,
  performedAt: '2026-10-28T09:00:00Z',
  anesthetic: { agent: 'bupivacaine', concentrationPercent: 0.5, volumeMl: 0.5 },
});
const RFA = procedureView({
  id: '13',
  label: 'RFA #1',
  kind: 'rfa',
  intent: 'therapeutic',
  performedAt: '2026-11-20T09:00:00Z',
});
const ASSESSMENTS = {
  '11': assessmentView({
    peakReliefPercent: 87.5,
    reportedPeakReliefPercent: 90,
    reliefDurationMinutes: 60,
  }),
  '12': assessmentView({
    peakReliefPercent: 75,
    reportedPeakReliefPercent: null,
    reliefDurationMinutes: null,
    verdict: 'grey-zone',
    comparative: {
      previousProcedureId: '11',
      result: 'concordant',
      reason: 'Relief lasted longer with bupivacaine (240 min) than with lidocaine (60 min).',
    },
  }),
};

@Component({ imports: [BlockComparison], template: `<app-block-comparison [blocks]="blocks()" />` })
class Host {
  readonly blocks = signal<readonly ComparedBlock[]>([]);
}

describe('BlockComparison', () => {
  async function render(blocks: readonly ComparedBlock[]) {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.blocks.set(blocks);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const row = (heading: string) =>
      [...element.querySelectorAll('tbody tr')]
        .find((tr) => tr.querySelector('th')!.textContent!.trim() === heading)!
        .querySelectorAll('td');
    const cells = (heading: string) =>
      [...row(heading)].map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
    return { element, cells };
  }

  it('pairs the first two live diagnostic blocks, oldest first, leaving RFAs and marked blocks out', () => {
    const marked = procedureView({
      id: '10',
      performedAt: '2026-10-01T09:00:00Z',
      enteredInError: { reason: 'x', at: '', byName: '' },
    });
    const pair = diagnosticPair([RFA, MBB2, marked, MBB1], ASSESSMENTS);
    expect(pair.map((b) => b.procedure.label)).toEqual(['MBB #1', 'MBB #2']);
    expect(pair[1]!.assessment?.verdict).toBe('grey-zone');
  });

  it('sets block 1 beside block 2: agent, concentration, relief, duration and verdict', async () => {
    const { element, cells } = await render(diagnosticPair([MBB1, MBB2], ASSESSMENTS));
    const headings = [...element.querySelectorAll('thead th')].map((th) => [
      th.querySelector('a')!.textContent!.trim(),
      th.querySelector('a')!.getAttribute('href'),
      th.querySelector('.date')!.textContent!.trim(),
    ]);
    expect(headings).toEqual([
      ['MBB #1', '/procedures/11', '14 Oct 2026'],
      ['MBB #2', '/procedures/12', '28 Oct 2026'],
    ]);
    expect(cells('Agent')).toEqual(['Lidocaine 2%', 'Bupivacaine 0.5%']);
    expect(cells('Peak relief (from NRS)')).toEqual(['87.5%', '75%']);
    expect(cells('Reported peak relief')).toEqual(['90%', '—']);
    expect(cells('Duration of relief')).toEqual(['Until 1 h', 'Did not reach the threshold']);
    expect(
      [...element.querySelectorAll('app-verdict-chip .label')].map((l) => l.textContent!.trim()),
    ).toEqual(['Positive', 'Grey zone']);
  });

  it('gives the comparative result from the second block’s assessment', async () => {
    const { element } = await render(diagnosticPair([MBB1, MBB2], ASSESSMENTS));
    expect(element.querySelector('.comparative')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'Comparative result: Concordant. Relief lasted longer with bupivacaine (240 min) than with lidocaine (60 min).',
    );
  });

  it('says when there is no second block yet', async () => {
    const { element } = await render(diagnosticPair([MBB1], ASSESSMENTS));
    expect(element.textContent).toContain('No second diagnostic block yet.');
  });
});
