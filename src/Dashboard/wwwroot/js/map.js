// The live map page: the scenario, every vehicle coloured by state, a legend with counts, search
// by plate, a status bar and the vehicle panel. First paint from GET /map/snapshot, then deltas
// from the stream; the canvas redraws at most once per animation frame.
//
// Measurements for tests and the map-load benchmark are kept in window.__mapStats.

import { GeoCanvas, loadScenario, scenarioLayer, boundsOf } from './geo-canvas.js';
import { getJson, formatNumber, formatTime, escapeHtml } from './app.js';
import { Fleet, STATES } from './map-fleet.js';
import { VehicleLayer } from './map-layer.js';
import { VehiclePanel } from './map-panel.js';
import { connectStream } from './map-stream.js';

const texts = JSON.parse(document.getElementById('map-texts').textContent);
const t = (key, ...args) => (texts[key] ?? key).replace(/\{(\d)\}/g, (_, i) => args[Number(i)]);
const $ = id => document.getElementById(id);

// Samples kept for the figures (frame times, lags): a ring, so that memory stays flat.
const SAMPLES = 4096;
const stats = {
  firstPaintMs: null,
  vehicles: 0,
  snapshots: 0,
  deltas: 0,
  updatesApplied: 0,
  frames: 0,
  lastFrameMs: 0,
  lastLagMs: null,
  fps: 0,
  _frameMs: new Float32Array(SAMPLES),
  _lagMs: new Float32Array(SAMPLES),
  _frameCount: 0,
  _lagCount: 0,
  /** Starts a new measurement window. */
  reset() { this._frameCount = 0; this._lagCount = 0; this._windowStart = performance.now(); this._rafFrames = 0; this._updatesAtReset = this.updatesApplied; },
  /** Figures of the window since reset(): frame times and update lags (avg, p95, max), fps, updates per second. */
  summary() {
    const pick = (ring, count) => {
      const n = Math.min(count, SAMPLES);
      const values = Array.from(ring.subarray(0, n)).sort((a, b) => a - b);
      if (n === 0) return { n: 0, avg: null, p95: null, max: null };
      return { n, avg: values.reduce((a, b) => a + b, 0) / n, p95: values[Math.min(n - 1, Math.floor(n * 0.95))], max: values[n - 1] };
    };
    const seconds = (performance.now() - this._windowStart) / 1000;
    return {
      seconds,
      vehicles: this.vehicles,
      frame: pick(this._frameMs, this._frameCount),
      lag: pick(this._lagMs, this._lagCount),
      fps: this._rafFrames / seconds,
      updatesPerSecond: (this.updatesApplied - this._updatesAtReset) / seconds,
      deltas: this.deltas,
      snapshots: this.snapshots,
    };
  },
};
stats.reset();
window.__mapStats = stats;

const fleet = new Fleet();
/** Where the map has a vehicle now (for the benchmark's arrival → drawn probe). */
stats.position = id => {
  const slot = fleet.slotOf.get(id);
  return slot === undefined ? null : { lat: fleet.lat[slot], lon: fleet.lon[slot] };
};
const layer = new VehicleLayer(fleet);
const container = $('map-canvas');
let panel;
const map = new GeoCanvas(container, {
  onClick: hit => (hit && hit.slot !== undefined ? openVehicle(hit.slot) : panel?.close()),
});

// Frame time and lag, measured around the canvas's own render.
let pendingTick = null;
let firstPaintPending = false;
const render = map.render.bind(map);
map.render = () => {
  const start = performance.now();
  render();
  const ms = performance.now() - start;
  stats.frames++;
  stats.lastFrameMs = ms;
  stats._frameMs[stats._frameCount++ % SAMPLES] = ms;
  if (pendingTick !== null) {
    // Server tick → drawn: both clocks are the wall clock of the same deployment.
    const lag = Date.now() - pendingTick;
    stats.lastLagMs = lag;
    stats._lagMs[stats._lagCount++ % SAMPLES] = lag;
    pendingTick = null;
  }
  if (firstPaintPending) {
    firstPaintPending = false;
    // The frame is on screen once the next one starts.
    requestAnimationFrame(() => { stats.firstPaintMs = performance.now(); });
  }
  updateLegend();
};

(function countFrames() {
  stats._rafFrames++;
  requestAnimationFrame(countFrames);
})();
setInterval(() => { stats.fps = stats._rafFrames / ((performance.now() - stats._windowStart) / 1000); }, 1000);

// ---- Legend, status bar, search ----

const countEls = STATES.map((_, i) => $('map-count-' + i));
const shownCounts = new Int32Array(STATES.length).fill(-1);
function updateLegend() {
  for (let i = 0; i < STATES.length; i++) {
    if (shownCounts[i] !== fleet.counts[i]) { shownCounts[i] = fleet.counts[i]; countEls[i].textContent = formatNumber(fleet.counts[i]); }
  }
  if (stats.vehicles !== fleet.present) { stats.vehicles = fleet.present; $('map-vehicles').textContent = formatNumber(fleet.present); }
}

$('map-legend').addEventListener('click', e => {
  const button = e.target.closest('button[data-state]');
  if (!button) return;
  const state = Number(button.dataset.state);
  layer.visible[state] = !layer.visible[state];
  button.classList.toggle('on', layer.visible[state]);
  button.setAttribute('aria-pressed', String(layer.visible[state]));
  map.requestRender();
});

// Updates per second over the last 5 s.
const rate = [];
function noteUpdates(count, tick) {
  const now = performance.now();
  rate.push([now, count]);
  while (rate.length && rate[0][0] < now - 5000) rate.shift();
  $('map-last').textContent = formatTime(tick, false);
}
setInterval(() => {
  const now = performance.now();
  while (rate.length && rate[0][0] < now - 5000) rate.shift();
  $('map-rate').textContent = formatNumber(rate.reduce((sum, [, n]) => sum + n, 0) / 5);
}, 1000);

function setConnection(state) {
  const el = $('map-conn');
  el.dataset.state = state;
  el.textContent = t(state === 'live' ? 'map.status.live' : 'map.status.lost');
}

const search = $('map-search');
const results = $('map-search-results');
let resultSlots = [];
let active = -1;
function showResults() {
  const { found, total } = fleet.search(search.value);
  resultSlots = found;
  active = found.length ? 0 : -1;
  if (!search.value.trim()) { results.hidden = true; return; }
  results.innerHTML = found.length === 0
    ? `<li class="none">${escapeHtml(t('map.search.none'))}</li>`
    : found.map((slot, i) => `<li role="option" data-slot="${slot}" class="${i === active ? 'active' : ''}"><span class="dot state-${STATES[fleet.state[slot]]}"></span><b>${escapeHtml(fleet.plates[slot] ?? fleet.ids[slot])}</b><span class="muted">${escapeHtml(fleet.ids[slot])}</span></li>`).join('')
      + (total > found.length ? `<li class="none">${escapeHtml(t('map.search.more', formatNumber(total - found.length)))}</li>` : '');
  results.hidden = false;
}
function choose(slot) {
  results.hidden = true;
  search.blur();
  map.setView(fleet.lon[slot], fleet.lat[slot], Math.max(map.zoom, 14));
  openVehicle(slot);
}
search.addEventListener('input', showResults);
search.addEventListener('focus', () => { if (search.value.trim()) showResults(); });
search.addEventListener('keydown', e => {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    if (!resultSlots.length) return;
    active = (active + (e.key === 'ArrowDown' ? 1 : resultSlots.length - 1)) % resultSlots.length;
    results.querySelectorAll('li[data-slot]').forEach((li, i) => li.classList.toggle('active', i === active));
  } else if (e.key === 'Enter' && active >= 0) {
    e.preventDefault();
    choose(resultSlots[active]);
  } else if (e.key === 'Escape') {
    results.hidden = true;
  }
});
results.addEventListener('mousedown', e => {
  const li = e.target.closest('li[data-slot]');
  if (li) { e.preventDefault(); choose(Number(li.dataset.slot)); }
});
document.addEventListener('click', e => { if (!e.target.closest('.map-search')) results.hidden = true; });

function openVehicle(slot) {
  panel.open(slot);
}

// ---- Data ----

function applySnapshot(snapshot) {
  fleet.applySnapshot(snapshot);
  stats.snapshots++;
  map.requestRender();
}

async function start() {
  const [scenario, snapshot] = await Promise.all([loadScenario(), getJson('/map/snapshot')]);
  const base = scenarioLayer(scenario);
  map.addLayer(base);
  map.addLayer(layer);
  panel = new VehiclePanel($('map-panel'), { fleet, layer, map, t });
  const points = base.features.flatMap(f => f.coords);
  if (points.length) map.fitBounds(boundsOf(points));
  applySnapshot(snapshot);
  firstPaintPending = true;
  map.requestRender();
  connectStream(snapshot.seq, {
    onDelta(delta) {
      // A delta that does not follow the last one: the stream is new or lost frames; it resends a snapshot then.
      const changed = fleet.applyDelta(delta);
      stats.deltas++;
      stats.updatesApplied += changed;
      pendingTick = pendingTick === null ? delta.t : Math.min(pendingTick, delta.t);
      noteUpdates(changed, delta.t);
      panel.refreshLive();
      map.requestRender();
    },
    onSnapshot(s) {
      applySnapshot(s);
      panel.refreshLive();
    },
    onStatus: setConnection,
    async reload() {
      const s = await getJson('/map/snapshot');
      applySnapshot(s);
      return s.seq;
    },
  });
}

start().catch(error => {
  console.error(error);
  setConnection('lost');
});
