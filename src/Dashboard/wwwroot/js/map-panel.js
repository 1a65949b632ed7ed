// The side panel of one vehicle: its details (GET /map/vehicles/{id}, refreshed while open), its
// open cases with links to their pages, and its track of the last hours drawn on the map.

import { getJson, escapeHtml, formatNumber, formatTime, formatDuration } from './app.js';
import { speedColour } from './geo-canvas.js';
import { STATES } from './map-fleet.js';

const REFRESH_MS = 5000;
const TRACK_REFRESH_MS = 60000;
const HOURS = [1, 3, 6];
const SPEED_BANDS = [[0, '#1d8a4e'], [60, '#e08a00'], [90, '#d6343f']];

/** The track as a layer: segments coloured by speed, one path per colour. */
export class TrackLayer {
  constructor() { this.points = []; }

  draw(ctx, map) {
    const pts = this.points;
    if (pts.length === 0) return;
    const xy = pts.map(p => map.project(p.lon, p.lat));
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 7;
    ctx.strokeStyle = 'rgba(19, 33, 46, 0.35)';
    ctx.beginPath();
    xy.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
    ctx.stroke();
    ctx.lineWidth = 4;
    for (const [, colour] of SPEED_BANDS) {
      ctx.beginPath();
      for (let i = 1; i < pts.length; i++) {
        if (speedColour(pts[i].speedKmh) !== colour) continue;
        ctx.moveTo(xy[i - 1].x, xy[i - 1].y);
        ctx.lineTo(xy[i].x, xy[i].y);
      }
      ctx.strokeStyle = colour;
      ctx.stroke();
    }
    const start = xy[0];
    ctx.fillStyle = '#fff';
    ctx.strokeStyle = '#13212e';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(start.x, start.y, 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

export class VehiclePanel {
  constructor(element, { fleet, layer, map, t, onClose }) {
    this.el = element;
    this.fleet = fleet;
    this.layer = layer;
    this.map = map;
    this.t = t;
    this.onClose = onClose;
    this.track = map.addLayer(new TrackLayer());
    // The vehicle layer stays on top of the track.
    map.layers.splice(map.layers.indexOf(this.track), 1);
    map.layers.splice(map.layers.indexOf(layer), 0, this.track);
    this.hours = 3;
    this.deviceId = null;
    this.details = null;
    this.trackInfo = null;
    this._timer = null;
    this._trackTimer = null;
    element.addEventListener('click', e => {
      const button = e.target.closest('button');
      if (!button) return;
      if (button.dataset.action === 'close') this.close();
      else if (button.dataset.hours) { this.hours = Number(button.dataset.hours); this._loadTrack(); }
      else if (button.dataset.action === 'centre') this.centre();
    });
    document.addEventListener('keydown', e => { if (e.key === 'Escape' && this.deviceId) this.close(); });
  }

  get slot() { return this.deviceId ? this.fleet.slotOf.get(this.deviceId) ?? -1 : -1; }

  open(slot) {
    const id = this.fleet.ids[slot];
    if (!id) return;
    if (id !== this.deviceId) {
      this.deviceId = id;
      this.details = null;
      this.trackInfo = null;
      this.track.points = [];
    }
    this.layer.selected = slot;
    this.el.hidden = false;
    this._render();
    this._loadDetails();
    this._loadTrack();
    clearInterval(this._timer);
    clearInterval(this._trackTimer);
    this._timer = setInterval(() => this._loadDetails(), REFRESH_MS);
    this._trackTimer = setInterval(() => this._loadTrack(), TRACK_REFRESH_MS);
    this.map.requestRender();
  }

  close() {
    clearInterval(this._timer);
    clearInterval(this._trackTimer);
    this.deviceId = null;
    this.layer.selected = -1;
    this.track.points = [];
    this.el.hidden = true;
    this.el.innerHTML = '';
    this.map.requestRender();
    this.onClose?.();
  }

  centre() {
    const slot = this.slot;
    if (slot < 0) return;
    this.map.setView(this.fleet.lon[slot], this.fleet.lat[slot], Math.max(this.map.zoom, 14));
  }

  /** Called after each delta: keeps the live figures (speed, heading, state) current between refreshes. */
  refreshLive() {
    if (!this.deviceId) return;
    const slot = this.slot;
    if (slot >= 0 && this.layer.selected !== slot) this.layer.selected = slot;
    const live = this.el.querySelector('[data-live]');
    if (!live || slot < 0) return;
    live.innerHTML = this._liveHtml(slot);
  }

  async _loadDetails() {
    const id = this.deviceId;
    try {
      const details = await getJson('/map/vehicles/' + encodeURIComponent(id));
      if (id !== this.deviceId) return;
      this.details = details;
      this.failed = false;
    } catch {
      if (id !== this.deviceId) return;
      this.failed = true;
    }
    this._render();
  }

  async _loadTrack() {
    const id = this.deviceId;
    const hours = this.hours;
    try {
      const track = await getJson(`/map/vehicles/${encodeURIComponent(id)}/track?hours=${hours}`);
      if (id !== this.deviceId || hours !== this.hours) return;
      this.trackInfo = track;
      this.track.points = track.points;
    } catch {
      if (id !== this.deviceId) return;
      this.trackInfo = { failed: true };
      this.track.points = [];
    }
    this._render();
    this.map.requestRender();
  }

  _liveHtml(slot) {
    const t = this.t;
    const f = this.fleet;
    const state = STATES[f.state[slot]];
    const compass = t('map.compass').split(',');
    const heading = f.heading[slot];
    return `
      <span class="state-pill state-${state}"><span class="dot state-${state}"></span>${escapeHtml(t('map.state.' + state))}</span>
      <div class="live-figures">
        <div><span class="label">${escapeHtml(t('map.panel.speed'))}</span><span class="value">${formatNumber(f.speed[slot])} <small>km/h</small></span></div>
        <div><span class="label">${escapeHtml(t('map.panel.heading'))}</span><span class="value">${heading}° <small>${compass[Math.round(heading / 45) % 8]}</small></span></div>
      </div>`;
  }

  _render() {
    const t = this.t;
    const slot = this.slot;
    const d = this.details;
    const plate = (slot >= 0 ? this.fleet.plates[slot] : null) ?? d?.plate ?? this.deviceId;
    const row = (label, value) => `<div class="row"><dt>${escapeHtml(label)}</dt><dd>${value}</dd></div>`;
    let body;
    if (slot < 0) {
      body = `<p class="notice warn">${escapeHtml(t('map.panel.gone'))}</p>`;
    } else if (!d) {
      body = this.failed ? `<p class="notice error">${escapeHtml(t('map.panel.failed'))}</p>` : `<p class="muted">${escapeHtml(t('map.panel.loading'))}</p>`;
    } else {
      const ago = formatDuration((Date.now() - Date.parse(d.receivedUtc)) / 1000);
      const driving = d.drivingTodayS === null
        ? `<span class="muted" title="${escapeHtml(t('map.panel.driving.none'))}">—</span>`
        : `${formatDuration(d.drivingTodayS)} <span class="muted">· ${escapeHtml(t('map.panel.driving.limit'))}</span>`;
      const cls = d.vehicleClass ? t('map.class.' + d.vehicleClass) : '—';
      const cases = d.openCases.length === 0
        ? `<p class="muted">${escapeHtml(t('map.panel.cases.none'))}</p>`
        : `<ul class="case-list">${d.openCases.map(c => `
            <li><a href="${escapeHtml(c.url)}"><span class="kind">${escapeHtml(t('map.kind.' + c.kind))}</span>
              <span class="badge ${c.status === 'open' ? 'open' : 'in-review'}">${escapeHtml(t('map.status.' + c.status))}</span>
              <span class="when">${formatTime(c.start)}${c.corridor ? ' · ' + escapeHtml(c.corridor) : ''}</span></a></li>`).join('')}</ul>`;
      body = `
        <div class="live" data-live>${this._liveHtml(slot)}</div>
        <dl class="facts">
          ${row(t('map.panel.operator'), escapeHtml(d.operator ?? t('map.unknown')))}
          ${row(t('map.panel.driver'), escapeHtml(d.driver ?? '—'))}
          ${row(t('map.panel.class'), escapeHtml(cls))}
          ${row(t('map.panel.device'), `<code>${escapeHtml(d.deviceId)}</code>`)}
          ${row(t('map.panel.last'), `${formatTime(d.time)} <span class="muted">(${escapeHtml(t('map.panel.ago', ago))})</span>`)}
          ${row(t('map.panel.position'), `${d.lat.toFixed(5)}, ${d.lon.toFixed(5)}`)}
          ${row(t('map.panel.driving'), driving)}
        </dl>
        <h3>${escapeHtml(t('map.panel.cases'))} <span class="count">${d.openCases.length}</span></h3>
        ${cases}`;
    }
    const info = this.trackInfo;
    let trackNote = '';
    if (info?.failed) trackNote = `<p class="notice error">${escapeHtml(t('map.panel.track.failed'))}</p>`;
    else if (info) {
      const reach = (Date.parse(info.to) - Date.parse(info.from)) / 3600000;
      const source = info.source === 'memory' ? t('map.panel.track.memory', formatNumber(reach, reach % 1 ? 1 : 0)) : t('map.panel.track.influx');
      trackNote = info.points.length === 0
        ? `<p class="muted">${escapeHtml(t('map.panel.track.empty'))}</p>`
        : `<p class="muted small">${escapeHtml(t('map.panel.track.points', formatNumber(info.points.length)))} · ${escapeHtml(source)}</p>
           <p class="track-legend small"><span class="sw" style="background:#1d8a4e"></span><span class="sw" style="background:#e08a00"></span><span class="sw" style="background:#d6343f"></span>${escapeHtml(t('map.panel.track.legend'))}</p>`;
    }
    this.el.innerHTML = `
      <header>
        <div><div class="plate">${escapeHtml(plate)}</div></div>
        <div class="actions">
          <button type="button" data-action="centre" title="${escapeHtml(t('map.panel.follow'))}">◎</button>
          <button type="button" data-action="close" aria-label="${escapeHtml(t('map.panel.close'))}">✕</button>
        </div>
      </header>
      <div class="body">
        ${body}
        <h3>${escapeHtml(t('map.panel.track'))}</h3>
        <div class="hours" role="group">${HOURS.map(h => `<button type="button" data-hours="${h}" class="${h === this.hours ? 'on' : ''}">${escapeHtml(t('map.panel.track.hours', h))}</button>`).join('')}</div>
        ${trackNote}
      </div>`;
  }
}
