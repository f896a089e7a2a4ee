import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PayerCheck } from '@domain';
import { NextStepCallout } from './next-step-callout.ts';
import { PayerCheckList } from './payer-check-list.ts';
import { episodeChecks } from './testing/payer-check-fixtures.ts';
import { PayerCheckListHarness } from './testing/payer-check-list-harness.ts';

@Component({
  imports: [PayerCheckList, NextStepCallout],
  template: `
    <app-next-step-callout [nextStep]="data.nextStep" ruleSetName="Medicare LCD v1" />
    <app-payer-check-list [checks]="checks()" [expanded]="expanded()" />
  `,
})
class ChecksHost {
  readonly data = episodeChecks();
  readonly checks = signal<readonly PayerCheck[]>(this.data.checks);
  readonly expanded = signal(false);
}

describe('PayerCheckList', () => {
  async function setUp(expanded = false) {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(ChecksHost);
    fixture.componentInstance.expanded.set(expanded);
    await fixture.whenStable();
    const checks =
      await TestbedHarnessEnvironment.loader(fixture).getHarness(PayerCheckListHarness);
    return { fixture, checks };
  }

  it('shows each status in words beside its icon, with the message', async () => {
    const { checks } = await setUp();
    const rows = await checks.getChecks();
    expect(rows.map((r) => [r.title, r.status])).toEqual([
      ['Indication', 'Met'],
      ['Initial RFA', 'Met'],
      ['Repeat RFA', 'Not assessable'],
      ['Frequency per 12 months', 'Not met'],
    ]);
    expect(rows[3]!.message).toBe(
      '3 RFA sessions in the 12 months to 20 Nov 2026 (at most 2 per region).',
    );
  });

  it('keeps evidence behind a keyboard-operable disclosure, and links recorded procedures', async () => {
    const { fixture, checks } = await setUp();
    expect((await checks.getChecks())[1]!.evidence).toEqual([]);
    const toggle: HTMLButtonElement = fixture.nativeElement.querySelector(
      '[data-check="initial-rfa"] .evidence-toggle',
    );
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await checks.toggleEvidence('Initial RFA');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(
      fixture.nativeElement.querySelector(`#${toggle.getAttribute('aria-controls')}`),
    ).not.toBeNull();
    expect((await checks.getChecks())[1]!.evidence).toEqual([
      'MBB #1 on 14 Oct 2026: peak relief 87.5% (positive)',
      'MBB #2 on 28 Oct 2026: peak relief 87.5% (positive)',
    ]);
    expect(await checks.getEvidenceLinks()).toEqual(['/procedures/11', '/procedures/12']);
  });

  it('shows every check’s evidence at once when expanded, a planned procedure without a link', async () => {
    const { checks } = await setUp(true);
    const frequency = (await checks.getChecks()).find((c) => c.id === 'frequency')!;
    expect(frequency.evidence).toEqual([
      'RFA #1 on 1 Oct 2026',
      'RFA #2 on 1 Nov 2026',
      'RFA #3 (planned) on 20 Nov 2026',
    ]);
    expect(await checks.getEvidenceLinks()).toContain('/procedures/31');
    expect(await checks.getEvidenceLinks()).not.toContain('/procedures/new');
  });

  it('states the next step with the rule set it is read under', async () => {
    const { fixture } = await setUp();
    const callout: HTMLElement = fixture.nativeElement.querySelector('app-next-step-callout');
    expect(callout.querySelector('h2')!.textContent).toBe('Next step');
    expect(callout.querySelector('.message')!.textContent).toContain(
      'Eligible for RFA: two MBBs ≥ 80% (MBB #1 87.5% on 14 Oct 2026',
    );
    expect(callout.querySelector('.rule-set')!.textContent).toBe('Under Medicare LCD v1');
  });
});
