import { type BaseHarnessFilters, ComponentHarness, HarnessPredicate } from '@angular/cdk/testing';

/** Filters for ChartFigureHarness. */
export interface ChartFigureHarnessFilters extends BaseHarnessFilters {
  /** The figure caption. */
  caption?: string | RegExp;
}

/** Reads an app-chart-figure in specs: caption, description and the data table behind the chart. */
export class ChartFigureHarness extends ComponentHarness {
  static hostSelector = 'app-chart-figure';

  private readonly captionElement = this.locatorFor('figcaption');
  private readonly descriptionElement = this.locatorFor('.description');
  private readonly canvasElement = this.locatorFor('canvas');
  private readonly details = this.locatorFor('details');
  private readonly summary = this.locatorFor('summary');
  private readonly headerCells = this.locatorForAll('.chart-data thead th');
  private readonly bodyRows = this.locatorForAll('.chart-data tbody tr');

  /** A predicate that matches charts by caption. */
  static with(options: ChartFigureHarnessFilters = {}): HarnessPredicate<ChartFigureHarness> {
    return new HarnessPredicate(ChartFigureHarness, options).addOption(
      'caption',
      options.caption,
      (harness, caption) => HarnessPredicate.stringMatches(harness.getCaption(), caption),
    );
  }

  /** The figure caption. */
  async getCaption(): Promise<string> {
    return (await this.captionElement()).text();
  }

  /** The text description under the chart. */
  async getDescription(): Promise<string> {
    return (await this.descriptionElement()).text();
  }

  /** The accessible role of the canvas ("img"). */
  async getCanvasRole(): Promise<string | null> {
    return (await this.canvasElement()).getAttribute('role');
  }

  /** Whether the data table is open. */
  async isTableOpen(): Promise<boolean> {
    return (await this.details()).getProperty<boolean>('open');
  }

  /** Opens or closes the data table as a user would. */
  async toggleTable(): Promise<void> {
    await (await this.summary()).click();
  }

  /** Column headings of the data table. */
  async getColumns(): Promise<string[]> {
    return Promise.all((await this.headerCells()).map((cell) => cell.text()));
  }

  /** Cell texts of each data row. */
  async getRows(): Promise<string[][]> {
    const rows = await this.bodyRows();
    return Promise.all(
      rows.map(async (_, i) => {
        const cells = await this.locatorForAll(`.chart-data tbody tr:nth-child(${i + 1}) td`)();
        return Promise.all(cells.map((cell) => cell.text()));
      }),
    );
  }

  /** Which data rows are struck through (e.g. entered in error), by index. */
  async getStruckRows(): Promise<boolean[]> {
    return Promise.all((await this.bodyRows()).map((row) => row.hasClass('struck')));
  }
}
