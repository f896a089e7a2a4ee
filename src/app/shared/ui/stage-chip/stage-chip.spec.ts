import { Component, signal } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { type Stage, STAGES } from '@domain';
import { StageChip } from './stage-chip.ts';
import { StageChipHarness } from './testing/stage-chip-harness.ts';

@Component({ imports: [StageChip], template: '<app-stage-chip [stage]="stage()" />' })
class StageChipHost {
  readonly stage = signal<Stage>('intake');
}

describe('StageChip', () => {
  async function chipFor(stage: Stage) {
    const fixture = TestBed.createComponent(StageChipHost);
    fixture.componentInstance.stage.set(stage);
    await fixture.whenStable();
    return {
      fixture,
      chip: await TestbedHarnessEnvironment.loader(fixture).getHarness(StageChipHarness),
    };
  }

  it('shows the label from STAGE_LABELS', async () => {
    const { chip } = await chipFor('conservative-care');
    expect(await chip.getLabel()).toBe('Conservative care');
    expect(await chip.getStage()).toBe('conservative-care');
  });

  it('gives every stage its own icon, so the stage does not depend on colour', async () => {
    const icons = new Set<string>();
    for (const stage of STAGES) icons.add(await (await chipFor(stage)).chip.getIcon());
    expect(icons.size).toBe(STAGES.length);
  });

  it('follows a change of stage', async () => {
    const { fixture, chip } = await chipFor('intake');
    fixture.componentInstance.stage.set('not-facet-mediated');
    await fixture.whenStable();
    expect(await chip.getLabel()).toBe('Not facet-mediated');
  });
});
