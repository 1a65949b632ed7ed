// A map on a <canvas>, with no tiles and no network: Web Mercator projection, pan by drag,
// zoom by wheel or buttons, layers drawn in order. Used by the live map and the case pages.
// Layers are objects { draw(ctx, map), hit?(x, y, map) -> item | null }.

const TILE = 256;
const MAX_LAT = 85.05112878;

export function mercator(lon, lat) {
  const l = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180;
  return { x: (lon + 180) / 360, y: (1 - Math.log(Math.tan(l) + 1 / Math.cos(l)) / Math.PI) / 2 };
}

export function inverseMercator(x, y) {
  const n = Math.PI - 2 * Math.PI * y;
  return { lon: x * 360 - 180, lat: 180 / Math.PI * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n))) };
}

export class GeoCanvas {
  constructor(container, options = {}) {
    this.container = container;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'geo-canvas';
    container.appendChild(this.canvas);
    this.ctx = this.canvas.getContext('2d');
    this.layers = [];
    this.center = mercator(options.lon ?? 106.76, options.lat ?? 21.9);
    this.zoom = options.zoom ?? 11;
    this.minZoom = 3;
    this.maxZoom = 19;
    this.onClick = options.onClick;
    this.onViewChange = options.onViewChange;
    this._pending = false;
    this._bindEvents();
    this._resize();
    new ResizeObserver(() => this._resize()).observe(container);
    if (options.controls !== false) this._addControls();
  }

  get width() { return this.canvas.clientWidth; }
  get height() { return this.canvas.clientHeight; }
  get scale() { return TILE * Math.pow(2, this.zoom); }

  /** Screen position (CSS pixels) of a longitude/latitude. */
  project(lon, lat) {
    const p = mercator(lon, lat);
    return { x: (p.x - this.center.x) * this.scale + this.width / 2, y: (p.y - this.center.y) * this.scale + this.height / 2 };
  }

  /** Screen position of an already projected (mercator unit) point: the fast path for many points. */
  projectUnit(ux, uy) {
    return { x: (ux - this.center.x) * this.scale + this.width / 2, y: (uy - this.center.y) * this.scale + this.height / 2 };
  }

  unproject(x, y) {
    return inverseMercator(this.center.x + (x - this.width / 2) / this.scale, this.center.y + (y - this.height / 2) / this.scale);
  }

  /** Metres per CSS pixel at a latitude. */
  metresPerPixel(lat) { return 40075016.686 * Math.cos(lat * Math.PI / 180) / this.scale; }

  setView(lon, lat, zoom) {
    this.center = mercator(lon, lat);
    if (zoom !== undefined) this.zoom = Math.max(this.minZoom, Math.min(this.maxZoom, zoom));
    this.requestRender();
  }

  /** Shows the box [minLon, minLat, maxLon, maxLat] with a margin in pixels. */
  fitBounds(box, padding = 40) {
    const a = mercator(box[0], box[3]);
    const b = mercator(box[2], box[1]);
    const w = Math.max(this.width - 2 * padding, 50);
    const h = Math.max(this.height - 2 * padding, 50);
    const span = Math.max((b.x - a.x) / w, (b.y - a.y) / h, 1e-12);
    this.zoom = Math.max(this.minZoom, Math.min(this.maxZoom - 2, Math.log2(1 / (span * TILE))));
    this.center = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    this.requestRender();
  }

  addLayer(layer) { this.layers.push(layer); this.requestRender(); return layer; }

  /** Redraws on the next animation frame; many calls in one frame draw once. */
  requestRender() {
    if (this._pending) return;
    this._pending = true;
    requestAnimationFrame(() => { this._pending = false; this.render(); });
  }

  render() {
    const ctx = this.ctx;
    const ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = '#eef2ef';
    ctx.fillRect(0, 0, this.width, this.height);
    this._drawGraticule(ctx);
    for (const layer of this.layers) {
      ctx.save();
      layer.draw(ctx, this);
      ctx.restore();
    }
    this._drawScale(ctx);
  }

  _resize() {
    const ratio = window.devicePixelRatio || 1;
    const w = this.container.clientWidth;
    const h = this.container.clientHeight;
    this.canvas.width = Math.max(1, Math.round(w * ratio));
    this.canvas.height = Math.max(1, Math.round(h * ratio));
    this.canvas.style.width = w + 'px';
    this.canvas.style.height = h + 'px';
    this.render();
  }

  _zoomAt(x, y, delta) {
    const before = this.unproject(x, y);
    this.zoom = Math.max(this.minZoom, Math.min(this.maxZoom, this.zoom + delta));
    const after = this.project(before.lon, before.lat);
    this.center.x += (after.x - x) / this.scale;
    this.center.y += (after.y - y) / this.scale;
    this.requestRender();
    this.onViewChange?.();
  }

  _bindEvents() {
    const c = this.canvas;
    let drag = null;
    c.addEventListener('pointerdown', e => { drag = { x: e.clientX, y: e.clientY, moved: false }; c.setPointerCapture(e.pointerId); });
    c.addEventListener('pointermove', e => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
      this.center.x -= dx / this.scale;
      this.center.y -= dy / this.scale;
      drag.x = e.clientX;
      drag.y = e.clientY;
      this.requestRender();
    });
    c.addEventListener('pointerup', e => {
      const wasClick = drag && !drag.moved;
      drag = null;
      if (drag === null && !wasClick) this.onViewChange?.();
      if (!wasClick) return;
      const r = c.getBoundingClientRect();
      const x = e.clientX - r.left;
      const y = e.clientY - r.top;
      for (let i = this.layers.length - 1; i >= 0; i--) {
        const hit = this.layers[i].hit?.(x, y, this);
        if (hit) { this.onClick?.(hit, this.layers[i]); return; }
      }
      this.onClick?.(null, null);
    });
    c.addEventListener('wheel', e => {
      e.preventDefault();
      const r = c.getBoundingClientRect();
      this._zoomAt(e.clientX - r.left, e.clientY - r.top, e.deltaY < 0 ? 0.5 : -0.5);
    }, { passive: false });
  }

  _addControls() {
    const box = document.createElement('div');
    box.className = 'geo-controls';
    for (const [label, delta] of [['+', 1], ['−', -1]]) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', () => this._zoomAt(this.width / 2, this.height / 2, delta));
      box.appendChild(b);
    }
    this.container.appendChild(box);
  }

  _drawGraticule(ctx) {
    const nw = this.unproject(0, 0);
    const se = this.unproject(this.width, this.height);
    const spanDeg = Math.abs(se.lon - nw.lon);
    const step = [10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005].find(s => spanDeg / s >= 3) ?? 0.005;
    ctx.strokeStyle = 'rgba(80, 110, 100, 0.12)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let lon = Math.ceil(nw.lon / step) * step; lon <= se.lon; lon += step) {
      const x = this.project(lon, 0).x;
      ctx.moveTo(x, 0);
      ctx.lineTo(x, this.height);
    }
    for (let lat = Math.ceil(se.lat / step) * step; lat <= nw.lat; lat += step) {
      const y = this.project(0, lat).y;
      ctx.moveTo(0, y);
      ctx.lineTo(this.width, y);
    }
    ctx.stroke();
  }

  _drawScale(ctx) {
    const lat = this.unproject(this.width / 2, this.height / 2).lat;
    const mpp = this.metresPerPixel(lat);
    const target = mpp * 100;
    const nice = [1, 2, 5].flatMap(n => [1, 10, 100, 1000, 10000, 100000].map(m => n * m)).filter(v => v <= target).pop() ?? 1;
    const px = nice / mpp;
    const x = 14;
    const y = this.height - 16;
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fillRect(x - 6, y - 18, px + 60, 26);
    ctx.strokeStyle = '#333';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, y - 6); ctx.lineTo(x, y); ctx.lineTo(x + px, y); ctx.lineTo(x + px, y - 6);
    ctx.stroke();
    ctx.fillStyle = '#333';
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillText(nice >= 1000 ? `${nice / 1000} km` : `${nice} m`, x + px + 6, y - 1);
  }
}

// The scenario (corridors, routes, no-stopping stretches, gates, zones, holding yards, towns) as
// the base layer, from the scenario's GeoJSON.
const ZONE_STYLE = {
  'approach-zone': { fill: 'rgba(245, 184, 46, 0.16)', stroke: '#d99a0f' },
  'holding-yard': { fill: 'rgba(37, 99, 201, 0.14)', stroke: '#2563c9' },
  'speed-zone': { fill: 'rgba(214, 52, 63, 0.10)', stroke: '#d6343f' },
};
const LINE_STYLE = {
  corridor: { stroke: '#6b7d8f', width: 5, dash: [] },
  route: { stroke: 'rgba(15, 110, 90, 0.55)', width: 2, dash: [6, 5] },
  'no-stopping': { stroke: '#d6343f', width: 3, dash: [2, 4] },
};

export function scenarioLayer(geojson, options = {}) {
  const features = (geojson?.features ?? []).map(f => ({
    kind: f.properties?.kind,
    name: f.properties?.name,
    radiusM: f.properties?.radiusM,
    type: f.geometry?.type,
    coords: f.geometry?.type === 'Point' ? [f.geometry.coordinates] : f.geometry?.type === 'LineString' ? f.geometry.coordinates
      : f.geometry?.type === 'Polygon' ? f.geometry.coordinates[0] : [],
  }));
  return {
    features,
    draw(ctx, map) {
      for (const f of features) {
        const style = ZONE_STYLE[f.kind];
        if (f.type === 'Point' && style && f.radiusM) {
          const p = map.project(f.coords[0][0], f.coords[0][1]);
          const r = f.radiusM / map.metresPerPixel(f.coords[0][1]);
          ctx.beginPath();
          ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
          ctx.fillStyle = style.fill;
          ctx.fill();
          ctx.strokeStyle = style.stroke;
          ctx.setLineDash([4, 3]);
          ctx.lineWidth = 1.2;
          ctx.stroke();
          ctx.setLineDash([]);
        } else if (f.type === 'Polygon') {
          const s = ZONE_STYLE[f.kind] ?? { fill: 'rgba(100,100,100,0.1)', stroke: '#888' };
          path(ctx, map, f.coords, true);
          ctx.fillStyle = s.fill;
          ctx.fill();
          ctx.strokeStyle = s.stroke;
          ctx.stroke();
        }
      }
      for (const kind of ['corridor', 'route', 'no-stopping']) {
        const s = LINE_STYLE[kind];
        for (const f of features) {
          if (f.type !== 'LineString' || f.kind !== kind) continue;
          if (kind === 'route' && options.routes === false) continue;
          path(ctx, map, f.coords, false);
          ctx.strokeStyle = s.stroke;
          ctx.lineWidth = s.width;
          ctx.setLineDash(s.dash);
          ctx.lineJoin = 'round';
          ctx.lineCap = 'round';
          ctx.stroke();
          ctx.setLineDash([]);
        }
      }
      ctx.font = '600 12px system-ui, sans-serif';
      for (const f of features) {
        if (f.type !== 'Point') continue;
        const p = map.project(f.coords[0][0], f.coords[0][1]);
        if (f.kind === 'border-gate') {
          ctx.fillStyle = '#13212e';
          ctx.beginPath();
          ctx.moveTo(p.x, p.y - 9); ctx.lineTo(p.x + 8, p.y + 6); ctx.lineTo(p.x - 8, p.y + 6); ctx.closePath();
          ctx.fill();
          label(ctx, f.name, p.x + 11, p.y + 4, '#13212e');
        } else if (f.kind === 'city' || f.kind === 'town') {
          ctx.fillStyle = '#fff';
          ctx.strokeStyle = '#445';
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.arc(p.x, p.y, f.kind === 'city' ? 5 : 4, 0, 2 * Math.PI);
          ctx.fill();
          ctx.stroke();
          if (map.zoom >= 9) label(ctx, f.name, p.x + 8, p.y + 4, '#445');
        } else if (ZONE_STYLE[f.kind] && map.zoom >= 13) {
          label(ctx, f.name, p.x + 6, p.y - 6, ZONE_STYLE[f.kind].stroke);
        }
      }
    },
  };
}

/** The bounding box [minLon, minLat, maxLon, maxLat] of a scenario layer's features. */
export function boundsOf(points) {
  let box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    box = [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)];
  }
  return box;
}

export async function loadScenario() {
  const response = await fetch('/map/scenario', { headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : { features: [] };
}

function path(ctx, map, coords, close) {
  ctx.beginPath();
  coords.forEach(([lon, lat], i) => {
    const p = map.project(lon, lat);
    if (i === 0) ctx.moveTo(p.x, p.y); else ctx.lineTo(p.x, p.y);
  });
  if (close) ctx.closePath();
}

function label(ctx, text, x, y, color) {
  if (!text) return;
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}

/** A colour for a speed relative to its limit: green under, amber near, red over. */
export function speedColour(speedKmh, limitKmh) {
  if (!limitKmh) return speedKmh > 90 ? '#d6343f' : speedKmh > 60 ? '#e08a00' : '#1d8a4e';
  const over = speedKmh - limitKmh;
  return over > 20 ? '#9e1622' : over > 5 ? '#d6343f' : over > 0 ? '#e08a00' : '#1d8a4e';
}
