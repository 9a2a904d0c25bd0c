// Small hand-written SVG charts (no chart library: the bundle budget is tight, and SVG gives named,
// focusable, clickable marks). Every chart has a table view of its figures and an optional CSV link.
export { BarChart } from './BarChart.js';
export { ChartFrame, ChartTable } from './ChartFrame.js';
export { Distribution, type TBin } from './Distribution.js';
export { HBarChart } from './HBarChart.js';
export { LineChart } from './LineChart.js';
export { formatNumber, formatPercent } from './scale.js';
export type { TChartData, TChartSeries, TChartTarget } from './types.js';
