import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { PainScoreInput } from './pain-score-input.ts';
import { PainScoreInputHarness } from './testing/pain-score-input-harness.ts';

@Component({
  imports: [PainScoreInput, ReactiveFormsModule],
  template: `<app-pain-score-input
    label="Pain at 30 min"
    [formControl]="score"
    (confirm)="confirmed.set($event)"
  />`,
})
class PainScoreHost {
  readonly score = new FormControl<number | null>(null);
  readonly confirmed = signal<number | null | undefined>(undefined);
}

describe('PainScoreInput', () => {
  async function setUp() {
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    const fixture = TestBed.createComponent(PainScoreHost);
    await fixture.whenStable();
    const input = await TestbedHarnessEnvironment.loader(fixture).getHarness(PainScoreInputHarness);
    return { host: fixture.componentInstance, input, fixture };
  }

  it('offers 0 to 10 under its label, nothing chosen yet', async () => {
    const { input } = await setUp();
    expect(await input.getLabel()).toBe('Pain at 30 min');
    expect(await input.getValue()).toBeNull();
    expect(await input.getToggleSizes()).toHaveSize(11);
  });

  it('picks a score by touch and tells the form', async () => {
    const { host, input } = await setUp();
    await input.select(7);
    expect(await input.getValue()).toBe(7);
    expect(host.score.value).toBe(7);
  });

  it('has touch targets of at least 44 by 44 px', async () => {
    const { input } = await setUp();
    for (const size of await input.getToggleSizes()) {
      expect(size.width).toBeGreaterThanOrEqual(44);
      expect(size.height).toBeGreaterThanOrEqual(44);
    }
  });

  it('picks a score from a digit key', async () => {
    const { host, input } = await setUp();
    await input.typeKeys('3');
    expect(await input.getValue()).toBe(3);
    expect(host.score.value).toBe(3);
  });

  it('reads "1" then "0" typed quickly as 10', async () => {
    const { host, input } = await setUp();
    await input.typeKeys('1', '0');
    expect(await input.getValue()).toBe(10);
    expect(host.score.value).toBe(10);
  });

  it('reads a "0" typed a while after "1" as 0', async () => {
    const { input } = await setUp();
    await input.typeKeys('1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await input.typeKeys('0');
    expect(await input.getValue()).toBe(0);
  });

  it('lets the last digit win: "8" then "2" is 2', async () => {
    const { input } = await setUp();
    await input.typeKeys('8', '2');
    expect(await input.getValue()).toBe(2);
  });

  it('emits confirm with the score when Enter is pressed, without changing it', async () => {
    const { host, input } = await setUp();
    await input.typeKeys('6');
    await input.pressEnter();
    expect(host.confirmed()).toBe(6);
    expect(await input.getValue()).toBe(6);
  });

  it('never picks the focused 0 when Enter is pressed with nothing chosen', async () => {
    const { host, input } = await setUp();
    await input.pressEnter();
    expect(host.confirmed()).toBeNull();
    expect(await input.getValue()).toBeNull();
    expect(host.score.value).toBeNull();
  });

  it('shows a value the form sets, and ignores keys while disabled', async () => {
    const { host, input, fixture } = await setUp();
    host.score.setValue(4);
    await fixture.whenStable();
    expect(await input.getValue()).toBe(4);

    host.score.disable();
    await fixture.whenStable();
    expect(await input.isDisabled()).toBeTrue();
    await input.typeKeys('9');
    expect(host.score.value).toBe(4);
  });
});
