import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';
import { type ChartDataTable, ChartFigure } from './chart-figure.ts';
import { ChartFigureHarness } from './testing/chart-figure-harness.ts';

const lineAt = (y: number): ChartConfiguration<ChartType> => ({
  type: 'scatter',
  data: {
    datasets: [
      {
        label: 'With activity',
        data: [
          { x: 0, y },
          { x: 0.5, y: 1 },
        ],
        showLine: true,
      },
    ],
  },
  options: {
    animation: false,
    plugins: { annotation: { annotations: { baseline: { type: 'line', yMin: y, yMax: y } } } },
  },
});

@Component({
  imports: [ChartFigure],
  template: `
    @if (shown()) {
      <app-chart-figure
        caption="Pain by hour"
        description="Pain fell from 8 to 1."
        [config]="config()"
        [table]="table"
      />
    }
  `,
})
class ChartHost {
  readonly shown = signal(true);
  readonly config = signal(lineAt(8));
  readonly table: ChartDataTable = {
    columns: ['Time', 'Score'],
    rows: [
      { id: 'a', cells: ['Baseline', '8'] },
      { id: 'b', cells: ['30 min', '1'] },
      { id: 'c', cells: ['1 h', '9'], struck: true },
    ],
  };
}

describe('ChartFigure', () => {
  async function setUp() {
    const fixture = TestBed.createComponent(ChartHost);
    await fixture.whenStable();
    const chart = await TestbedHarnessEnvironment.loader(fixture).getHarness(ChartFigureHarness);
    const canvas = (): HTMLCanvasElement => fixture.nativeElement.querySelector('canvas');
    return { fixture, chart, canvas };
  }

  it('draws a Chart.js chart on its canvas, named by the caption', async () => {
    const { chart, canvas } = await setUp();
    const drawn = Chart.getChart(canvas());
    expect(drawn).toBeDefined();
    expect(drawn!.data.datasets[0]!.label).toBe('With activity');
    expect(await chart.getCaption()).toBe('Pain by hour');
    expect(await chart.getCanvasRole()).toBe('img');
    expect(await chart.getDescription()).toBe('Pain fell from 8 to 1.');
  });

  it('redraws when the config changes, replacing the old chart', async () => {
    const { fixture, canvas } = await setUp();
    const first = Chart.getChart(canvas())!;
    fixture.componentInstance.config.set(lineAt(6));
    await fixture.whenStable();
    const second = Chart.getChart(canvas())!;
    expect(second).not.toBe(first);
    expect((second.data.datasets[0]!.data[0] as { y: number }).y).toBe(6);
  });

  it('destroys the chart when the component goes', async () => {
    const { fixture, canvas } = await setUp();
    const element = canvas();
    const drawn = Chart.getChart(element)!;
    spyOn(drawn, 'destroy').and.callThrough();
    fixture.componentInstance.shown.set(false);
    await fixture.whenStable();
    expect(drawn.destroy).toHaveBeenCalled();
    expect(Chart.getChart(element)).toBeUndefined();
  });

  it('shows the same values as a table, open by default and closable from the keyboard', async () => {
    const { chart } = await setUp();
    expect(await chart.getColumns()).toEqual(['Time', 'Score']);
    expect(await chart.getRows()).toEqual([
      ['Baseline', '8'],
      ['30 min', '1'],
      ['1 h', '9'],
    ]);
    expect(await chart.getStruckRows()).toEqual([false, false, true]);
    expect(await chart.isTableOpen()).toBeTrue();
    await chart.toggleTable();
    expect(await chart.isTableOpen()).toBeFalse();
  });
});
