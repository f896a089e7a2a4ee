import { type BaseHarnessFilters, ComponentHarness, HarnessPredicate } from '@angular/cdk/testing';

/** Filters for StageChipHarness. */
export interface StageChipHarnessFilters extends BaseHarnessFilters {
  /** The visible label, e.g. "Conservative care". */
  label?: string | RegExp;
}

/** Reads an app-stage-chip in specs. */
export class StageChipHarness extends ComponentHarness {
  static hostSelector = 'app-stage-chip';

  private readonly chip = this.locatorFor('.stage-chip');
  private readonly labelElement = this.locatorFor('.label');
  private readonly iconElement = this.locatorFor('mat-icon');

  /** A predicate that matches chips by label. */
  static with(options: StageChipHarnessFilters = {}): HarnessPredicate<StageChipHarness> {
    return new HarnessPredicate(StageChipHarness, options).addOption(
      'label',
      options.label,
      (harness, label) => HarnessPredicate.stringMatches(harness.getLabel(), label),
    );
  }

  /** The stage's label as shown. */
  async getLabel(): Promise<string> {
    return (await this.labelElement()).text();
  }

  /** The stage id, e.g. "conservative-care". */
  async getStage(): Promise<string | null> {
    return (await this.chip()).getAttribute('data-stage');
  }

  /** The Material Symbols name of the chip's icon. */
  async getIcon(): Promise<string> {
    return (await this.iconElement()).text();
  }
}
