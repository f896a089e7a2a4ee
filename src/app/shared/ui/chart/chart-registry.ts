import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LogarithmicScale,
  LineElement,
  PointElement,
  ScatterController,
  TimeScale,
  Tooltip,
} from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
// The date-fns adapter for time axes (pain timelines over months); it registers itself on import.
import 'chartjs-adapter-date-fns';

let registered = false;

/**
 * Registers only the Chart.js parts our charts use (tree-shaking keeps the rest out of the bundle).
 * Add a controller, element, scale or plugin here before a chart config uses it.
 */
export function registerChartParts(): void {
  if (registered) return;
  Chart.register(
    BarController,
    BarElement,
    CategoryScale,
    LineController,
    ScatterController,
    LineElement,
    PointElement,
    LinearScale,
    // Time after a block on a log-like axis ("Around blocks": hours and days in one panel).
    LogarithmicScale,
    TimeScale,
    Legend,
    Tooltip,
    annotationPlugin,
  );
  registered = true;
}
