// Every vehicle on the canvas: one path per state colour, markers only for vehicles on screen,
// and a screen grid (linked lists in typed arrays) built during the draw for hit-testing.

const COLOURS = ['#1d8a4e', '#2f6fb5', '#a3acb9', '#d6343f'];
// Drawn bottom to top: offline under everything, violations on top.
const ORDER = [2, 1, 0, 3];
const CELL = 16;

export class VehicleLayer {
  constructor(fleet) {
    this.fleet = fleet;
    this.visible = [true, true, true, true];
    this.selected = -1;
    this.drawn = 0;
    this._lists = [];
    this._counts = new Int32Array(4);
  }

  radius(map) { return map.zoom >= 15 ? 6 : map.zoom >= 12 ? 4.5 : map.zoom >= 10 ? 3.5 : 2.5; }

  _ensure(capacity, cells) {
    if (!this._sx || this._sx.length < capacity) {
      this._sx = new Float32Array(capacity);
      this._sy = new Float32Array(capacity);
      this._next = new Int32Array(capacity);
      this._lists = [0, 1, 2, 3].map(() => new Int32Array(capacity));
    }
    if (!this._heads || this._heads.length < cells) this._heads = new Int32Array(cells);
  }

  draw(ctx, map) {
    const f = this.fleet;
    const n = f.size;
    const w = map.width;
    const h = map.height;
    const scale = map.scale;
    const ox = w / 2 - map.center.x * scale;
    const oy = h / 2 - map.center.y * scale;
    const r = this.radius(map);
    const cols = Math.ceil(w / CELL) + 1;
    const rows = Math.ceil(h / CELL) + 1;
    this._ensure(f.capacity, cols * rows);
    this._cols = cols;
    this._rows = rows;
    const heads = this._heads;
    heads.fill(-1, 0, cols * rows);
    const { _sx: sx, _sy: sy, _next: next, _lists: lists, _counts: counts } = this;
    counts.fill(0);
    const live = f.live;
    const state = f.state;
    const ux = f.ux;
    const uy = f.uy;
    const visible = this.visible;
    for (let i = 0; i < n; i++) {
      if (!live[i]) continue;
      const s = state[i];
      if (!visible[s]) continue;
      const x = ux[i] * scale + ox;
      const y = uy[i] * scale + oy;
      if (x < -r || y < -r || x > w + r || y > h + r) continue;
      sx[i] = x;
      sy[i] = y;
      lists[s][counts[s]++] = i;
      const cell = ((y < 0 ? 0 : y / CELL) | 0) * cols + ((x < 0 ? 0 : x / CELL) | 0);
      next[i] = heads[cell];
      heads[cell] = i;
    }

    const arrows = map.zoom >= 14;
    const speed = f.speed;
    const heading = f.heading;
    ctx.lineWidth = 1;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    let drawn = 0;
    for (const s of ORDER) {
      const list = lists[s];
      const count = counts[s];
      if (count === 0) continue;
      drawn += count;
      ctx.beginPath();
      for (let k = 0; k < count; k++) {
        const i = list[k];
        const x = sx[i];
        const y = sy[i];
        if (arrows && speed[i] >= 3) {
          // Close in: moving vehicles as arrows pointing where they head.
          const a = heading[i] * Math.PI / 180;
          const sin = Math.sin(a);
          const cos = Math.cos(a);
          const l = r * 1.6;
          ctx.moveTo(x + sin * l, y - cos * l);
          ctx.lineTo(x - sin * r * 0.9 + cos * r, y + cos * r * 0.9 + sin * r);
          ctx.lineTo(x - sin * r * 0.4, y + cos * r * 0.4);
          ctx.lineTo(x - sin * r * 0.9 - cos * r, y + cos * r * 0.9 - sin * r);
          ctx.closePath();
        } else {
          ctx.moveTo(x + r, y);
          ctx.arc(x, y, r, 0, 6.283185307179586);
        }
      }
      ctx.fillStyle = COLOURS[s];
      ctx.fill();
      if (r >= 3.5) ctx.stroke();
    }
    this.drawn = drawn;

    const sel = this.selected;
    if (sel >= 0 && sel < n && live[sel]) {
      const x = ux[sel] * scale + ox;
      const y = uy[sel] * scale + oy;
      ctx.beginPath();
      ctx.arc(x, y, r + 5, 0, 2 * Math.PI);
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#13212e';
      ctx.stroke();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = '#fff';
      ctx.beginPath();
      ctx.arc(x, y, r + 7, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }

  /** The nearest vehicle drawn within a few pixels of (x, y), from the grid of the last draw. */
  hit(x, y, map) {
    if (!this._heads) return null;
    const reach = this.radius(map) + 5;
    const cx = Math.floor(x / CELL);
    const cy = Math.floor(y / CELL);
    let best = -1;
    let bestD = reach * reach;
    for (let row = cy - 1; row <= cy + 1; row++) {
      if (row < 0 || row >= this._rows) continue;
      for (let col = cx - 1; col <= cx + 1; col++) {
        if (col < 0 || col >= this._cols) continue;
        for (let i = this._heads[row * this._cols + col]; i >= 0; i = this._next[i]) {
          const dx = this._sx[i] - x;
          const dy = this._sy[i] - y;
          const d = dx * dx + dy * dy;
          if (d <= bestD) { bestD = d; best = i; }
        }
      }
    }
    return best >= 0 ? { slot: best } : null;
  }
}
