// The gates page: draws each gate's trend over the day (vehicles in the approach zone and the
// holding yard, minute by minute) and refreshes the figures and charts from /gates/data every 10 s.
import { drawChart } from './chart.js';
import { getJson, formatNumber, formatTime } from './app.js';

const REFRESH_MS = 10_000;
const COLOURS = { 'approach-zone': '#f5b82e', 'holding-yard': '#0f6e5a' };
const container = document.getElementById('gate-cards');
const texts = {
  'approach-zone': container.dataset.textApproach,
  'holding-yard': container.dataset.textYard,
  empty: container.dataset.textEmpty,
};

function minutes(v) {
  return v == null ? '—' : formatNumber(v, 1);
}

function render(data) {
  let approach = 0;
  let yard = 0;
  for (const gate of data.gates) {
    const card = container.querySelector(`[data-gate="${CSS.escape(gate.gate)}"]`);
    if (!card) continue; // a gate that appeared since the page loaded shows at the next reload
    const badge = card.querySelector('[data-field="gate-vehicles"]');
    badge.textContent = badge.textContent.replace(/[\d.,]+/, formatNumber(gate.vehicles));
    badge.classList.toggle('warn', gate.vehicles > 0);
    badge.classList.toggle('ok', gate.vehicles === 0);
    for (const zone of gate.zones) {
      if (zone.kind === 'approach-zone') approach += zone.vehicles; else yard += zone.vehicles;
      const el = card.querySelector(`[data-zone="${CSS.escape(zone.zone)}"]`);
      if (!el) continue;
      el.querySelector('[data-field="vehicles"]').textContent = formatNumber(zone.vehicles);
      el.querySelector('[data-field="median"]').textContent = minutes(zone.dwellMedianMin);
      el.querySelector('[data-field="p90"]').textContent = minutes(zone.dwellP90Min);
    }
    drawChart(card.querySelector('canvas'), {
      type: 'line',
      xMin: data.dayStartMs,
      xMax: data.dayEndMs,
      xFormat: x => formatTime(x, false).slice(0, 5),
      yMin: 0,
      empty: texts.empty,
      series: gate.zones.map(z => ({ name: texts[z.kind] ?? z.zone, color: COLOURS[z.kind] ?? '#2563c9', step: true, points: z.trend })),
    });
  }
  document.getElementById('total-approach').textContent = formatNumber(approach);
  document.getElementById('total-yard').textContent = formatNumber(yard);
  document.getElementById('gates-updated').textContent = formatTime(data.updatedUtc);
}

render(JSON.parse(document.getElementById('gates-data').textContent));
setInterval(async () => {
  try {
    render(await getJson('/gates/data'));
  } catch {
    // Kept as shown; the next refresh tries again.
  }
}, REFRESH_MS);
