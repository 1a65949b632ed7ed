// The live fleet as typed arrays indexed by the server's slot numbers (see MapFeed.cs): no object
// per vehicle, so that 10,000 vehicles cost a few hundred kilobytes and a delta is applied in place.

export const STATES = ['moving', 'stopped', 'offline', 'violation'];
const E5 = 1e-5;
const MAX_LAT = 85.05112878;

export function plateKey(plate) {
  return String(plate ?? '').replace(/[^0-9a-z]/gi, '').toUpperCase();
}

export class Fleet {
  constructor() {
    this.size = 0;
    this.seq = 0;
    this.present = 0;
    this.counts = new Int32Array(STATES.length);
    this.ids = [];
    this.plates = [];
    this.keys = [];
    this.slotOf = new Map();
    this._grow(1024);
  }

  _grow(min) {
    let capacity = this.capacity || 1024;
    while (capacity < min) capacity *= 2;
    if (capacity === this.capacity) return;
    const grow = (Type, old) => { const a = new Type(capacity); if (old) a.set(old); return a; };
    this.lat = grow(Float64Array, this.lat);
    this.lon = grow(Float64Array, this.lon);
    this.ux = grow(Float64Array, this.ux);
    this.uy = grow(Float64Array, this.uy);
    this.speed = grow(Int16Array, this.speed);
    this.heading = grow(Int16Array, this.heading);
    this.state = grow(Uint8Array, this.state);
    this.live = grow(Uint8Array, this.live);
    this.capacity = capacity;
  }

  _describe(slot, id, plate) {
    if (slot >= this.size) { this._grow(slot + 1); this.size = slot + 1; }
    if (this.ids[slot] && this.ids[slot] !== id) this.slotOf.delete(this.ids[slot]);
    this.ids[slot] = id;
    this.plates[slot] = plate;
    this.keys[slot] = plateKey(plate ?? id);
    this.slotOf.set(id, slot);
  }

  _set(slot, latE5, lonE5, speed, heading, state) {
    if (slot >= this.size) { this._grow(slot + 1); this.size = slot + 1; }
    if (this.live[slot]) this.counts[this.state[slot]]--; else this.present++;
    const lat = latE5 * E5;
    const lon = lonE5 * E5;
    this.lat[slot] = lat;
    this.lon[slot] = lon;
    // Web Mercator once per update, not once per frame.
    const l = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180;
    this.ux[slot] = (lon + 180) / 360;
    this.uy[slot] = (1 - Math.log(Math.tan(l) + 1 / Math.cos(l)) / Math.PI) / 2;
    this.speed[slot] = speed;
    this.heading[slot] = heading;
    this.state[slot] = state;
    this.live[slot] = 1;
    this.counts[state]++;
  }

  _remove(slot) {
    if (slot >= this.size || !this.live[slot]) return;
    this.live[slot] = 0;
    this.counts[this.state[slot]]--;
    this.present--;
  }

  /** Replaces everything with a snapshot {seq, ids, plates, v: [lat, lon, kmh, heading, state] per slot}. */
  applySnapshot(s) {
    const n = s.ids.length;
    this._grow(n);
    this.live.fill(0);
    this.counts.fill(0);
    this.present = 0;
    this.slotOf.clear();
    this.ids = new Array(n);
    this.plates = new Array(n);
    this.keys = new Array(n);
    this.size = n;
    const v = s.v;
    for (let i = 0, j = 0; i < n; i++, j += 5) {
      const id = s.ids[i];
      if (id === null) continue;
      this._describe(i, id, s.plates[i]);
      this._set(i, v[j], v[j + 1], v[j + 2], v[j + 3], v[j + 4]);
    }
    this.seq = s.seq;
    return n;
  }

  /** Applies a delta {seq, n: [slot, id, plate]..., v: [slot, lat, lon, kmh, heading, state]..., r: [slot]...}; returns the vehicles changed. */
  applyDelta(d) {
    const n = d.n;
    for (let i = 0; i < n.length; i += 3) this._describe(n[i], n[i + 1], n[i + 2]);
    const v = d.v;
    for (let i = 0; i < v.length; i += 6) this._set(v[i], v[i + 1], v[i + 2], v[i + 3], v[i + 4], v[i + 5]);
    for (const slot of d.r) this._remove(slot);
    this.seq = d.seq;
    return v.length / 6 + d.r.length;
  }

  /** Slots whose plate (or device id) contains the text, ignoring spaces, dots and dashes; at most `limit`. */
  search(text, limit = 8) {
    const key = plateKey(text);
    const found = [];
    let total = 0;
    if (!key) return { found, total };
    for (let i = 0; i < this.size; i++) {
      if (!this.live[i] || !this.keys[i]?.includes(key)) continue;
      total++;
      if (found.length < limit) found.push(i);
    }
    found.sort((a, b) => (this.keys[a].startsWith(key) ? 0 : 1) - (this.keys[b].startsWith(key) ? 0 : 1) || this.keys[a].localeCompare(this.keys[b]));
    return { found, total };
  }
}
