// A case's page: the evidence track on the map, coloured by speed against the limit, over the
// scenario (corridors, gates, zones), with start and end markers; and speed against the limit
// over time. Both read the case's own GeoJSON export, so the page shows what an export holds.
import { getJson, formatNumber, formatTime, escapeHtml } from './app.js';
import { GeoCanvas, scenarioLayer, loadScenario, boundsOf, speedColour } from './geo-canvas.js';
import { drawChart } from './chart.js';

const texts = JSON.parse(document.getElementById('case-texts')?.textContent ?? '{}');
const mapBox = document.getElementById('case-map');
const chart = document.getElementById('case-chart');
const info = document.getElementById('case-point');

function evidencePoints(geojson) {
  return (geojson.features ?? [])
    .filter(f => f.geometry?.type === 'Point' && f.properties?.seq)
    .map(f => ({
      lon: f.geometry.coordinates[0],
      lat: f.geometry.coordinates[1],
      time: Date.parse(f.properties.time),
      speed: f.properties.speedKmh,
      limit: f.properties.limitKmh ?? null,
      seq: f.properties.seq,
    }));
}

/** The track: one segment per pair of points, coloured by the later point's speed; hit-testing on points. */
function trackLayer(points) {
  return {
    draw(ctx, map) {
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      // A dark casing under the coloured line keeps it readable over the corridors.
      ctx.strokeStyle = 'rgba(19, 33, 46, 0.55)';
      ctx.lineWidth = 8;
      ctx.beginPath();
      points.forEach((p, i) => { const s = map.project(p.lon, p.lat); if (i === 0) ctx.moveTo(s.x, s.y); else ctx.lineTo(s.x, s.y); });
      ctx.stroke();
      ctx.lineWidth = 5;
      for (let i = 1; i < points.length; i++) {
        const a = map.project(points[i - 1].lon, points[i - 1].lat);
        const b = map.project(points[i].lon, points[i].lat);
        ctx.strokeStyle = speedColour(points[i].speed, points[i].limit);
        ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke();
      }
      for (const p of points) {
        const s = map.project(p.lon, p.lat);
        ctx.fillStyle = '#fff';
        ctx.strokeStyle = speedColour(p.speed, p.limit);
        ctx.lineWidth = 2;
        ctx.beginPath(); ctx.arc(s.x, s.y, 3.5, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
      }
      if (points.length > 0) {
        marker(ctx, map.project(points[0].lon, points[0].lat), '#1d8a4e', texts.start);
        marker(ctx, map.project(points.at(-1).lon, points.at(-1).lat), '#13212e', texts.end);
      }
    },
    hit(x, y, map) {
      let best = null;
      let bestD = 100;
      for (const p of points) {
        const s = map.project(p.lon, p.lat);
        const d = (s.x - x) ** 2 + (s.y - y) ** 2;
        if (d < bestD) { best = p; bestD = d; }
      }
      return best;
    },
  };
}

function marker(ctx, at, colour, label) {
  ctx.fillStyle = colour;
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(at.x, at.y);
  ctx.arc(at.x, at.y - 16, 8, Math.PI * 0.75, Math.PI * 2.25);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,0.95)';
  ctx.strokeText(label, at.x + 11, at.y - 12);
  ctx.fillStyle = colour;
  ctx.fillText(label, at.x + 11, at.y - 12);
}

function describe(p) {
  const limit = p.limit == null ? texts.nolimit : `${formatNumber(p.limit)} km/h`;
  return `#${p.seq} · ${formatTime(p.time)} · ${texts.speed}: <strong>${formatNumber(p.speed)} km/h</strong> · ${texts.limit}: ${escapeHtml(limit)}`;
}

function drawSpeedChart(points) {
  const withLimit = points.filter(p => p.limit != null);
  drawChart(chart, {
    type: 'line',
    empty: texts.empty,
    series: [
      { name: texts.speed, color: '#2563c9', points: points.map(p => [p.time, p.speed]), fill: 'rgba(37, 99, 201, 0.08)' },
      { name: texts.limit, color: '#d6343f', dash: [6, 4], step: true, points: withLimit.map(p => [p.time, p.limit]) },
    ],
    yMin: 0,
    xFormat: x => formatTime(x, false),
    yFormat: v => `${Math.round(v)}`,
  });
}

async function main() {
  const [geojson, scenario] = await Promise.all([getJson(mapBox.dataset.evidence), loadScenario()]);
  const points = evidencePoints(geojson);
  const map = new GeoCanvas(mapBox, {
    onClick: hit => { info.innerHTML = hit ? describe(hit) : ''; },
  });
  map.addLayer(scenarioLayer(scenario));
  map.addLayer(trackLayer(points));
  if (points.length > 0) {
    const box = boundsOf(points.map(p => [p.lon, p.lat]));
    // A stop is one place: show its surroundings, not a zoom-19 dot.
    const pad = 0.004;
    map.fitBounds([box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad], 40);
  } else {
    info.textContent = texts.empty;
  }
  drawSpeedChart(points);
}

main().catch(error => {
  info.textContent = String(error.message ?? error);
});
