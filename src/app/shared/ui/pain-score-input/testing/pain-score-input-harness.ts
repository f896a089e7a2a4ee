import {
  type BaseHarnessFilters,
  ComponentHarness,
  HarnessPredicate,
  TestKey,
} from '@angular/cdk/testing';

/** Filters for PainScoreInputHarness. */
export interface PainScoreInputHarnessFilters extends BaseHarnessFilters {
  /** The visible label. */
  label?: string | RegExp;
}

/** Drives an app-pain-score-input in specs: by touch (click) or by keyboard alone. */
export class PainScoreInputHarness extends ComponentHarness {
  static hostSelector = 'app-pain-score-input';

  private readonly labelElement = this.locatorFor('.label');
  private readonly buttons = this.locatorForAll('.mat-button-toggle-button');
  private readonly checkedButton = this.locatorForOptional(
    '.mat-button-toggle-checked .mat-button-toggle-button',
  );

  /** A predicate that matches inputs by label. */
  static with(options: PainScoreInputHarnessFilters = {}): HarnessPredicate<PainScoreInputHarness> {
    return new HarnessPredicate(PainScoreInputHarness, options).addOption(
      'label',
      options.label,
      (harness, label) => HarnessPredicate.stringMatches(harness.getLabel(), label),
    );
  }

  /** The visible label. */
  async getLabel(): Promise<string> {
    return (await this.labelElement()).text();
  }

  /** The selected score, or null. */
  async getValue(): Promise<number | null> {
    const checked = await this.checkedButton();
    return checked ? Number(await checked.text()) : null;
  }

  /** Picks a score by clicking (tapping) its toggle. */
  async select(score: number): Promise<void> {
    const buttons = await this.buttons();
    const button = buttons[score];
    if (!button) throw new Error(`No toggle for score ${score}`);
    await button.click();
  }

  /** Types keys into the picker (focused on the selected toggle, else the first), e.g. typeKeys('1', '0'). */
  async typeKeys(...keys: (string | TestKey)[]): Promise<void> {
    const target = (await this.checkedButton()) ?? (await this.buttons())[0]!;
    for (const key of keys) await target.sendKeys(key);
  }

  /** Presses Enter in the picker (the page saves). */
  async pressEnter(): Promise<void> {
    await this.typeKeys(TestKey.ENTER);
  }

  /** Width and height of each toggle, in CSS pixels (touch targets must be at least 44 px). */
  async getToggleSizes(): Promise<{ width: number; height: number }[]> {
    return Promise.all((await this.buttons()).map((button) => button.getDimensions()));
  }

  /** Whether the picker is disabled. */
  async isDisabled(): Promise<boolean> {
    const [first] = await this.buttons();
    return (await first!.getProperty<boolean>('disabled')) ?? false;
  }
}
