// The monthly report's charts: kilometres per operator, and the vehicles with the highest
// speeding rate per 1,000 km against the badge-withdrawal threshold (bars at or over it in red).
import { drawChart } from './chart.js';
import { formatNumber } from './app.js';

const BRAND = '#0f6e5a';
const DANGER = '#d6343f';
const source = document.getElementById('reports-data');
const data = source ? JSON.parse(source.textContent) : null;

if (data) {
  drawChart(document.getElementById('chart-operators'), {
    type: 'bar',
    labels: data.operators.map(o => o.name),
    series: [{ name: data.labels.km, color: BRAND, values: data.operators.map(o => o.km) }],
    // Small totals (early in a month, a short demo) keep a decimal so the axis does not read 0, 0, 1, 1.
    yFormat: v => formatNumber(v, Math.max(...data.operators.map(o => o.km), 0) < 10 ? 1 : 0),
    empty: data.labels.empty,
  });
  drawChart(document.getElementById('chart-vehicles'), {
    type: 'bar',
    labels: data.vehicles.map(v => v.name),
    series: [{ name: data.labels.rate, color: BRAND, colors: data.vehicles.map(v => (v.flagged ? DANGER : BRAND)), values: data.vehicles.map(v => v.rate) }],
    rules: [{ y: data.threshold, name: data.labels.threshold, color: DANGER }],
    yFormat: v => formatNumber(v, 1),
    empty: data.labels.empty,
  });
}
