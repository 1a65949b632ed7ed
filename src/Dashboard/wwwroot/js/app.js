// Shared helpers of the dashboard's scripts: the page's texts, JSON calls with the CSRF header,
// and number/time formatting in the page's language.

export const lang = document.documentElement.lang || 'vi';
const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
const zone = 'Asia/Ho_Chi_Minh';

function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.content ?? '';
}

export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json', 'X-Requested-With': 'fetch' } });
  if (response.status === 401) { location.href = '/account/login?ReturnUrl=' + encodeURIComponent(location.pathname + location.search); }
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

/** POSTs JSON with the anti-forgery token; returns the response for the caller to check. */
export function postJson(url, body) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'fetch', 'X-CSRF-TOKEN': csrfToken() },
    body: JSON.stringify(body ?? {}),
  });
}

export const formatNumber = (v, decimals = 0) => Number(v).toLocaleString(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** A time (ISO string or epoch ms) in the operators' zone: 28/11/2026 14:05:09. */
export function formatTime(value, withDate = true) {
  const d = new Date(value);
  const options = { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false };
  if (withDate) Object.assign(options, { day: '2-digit', month: '2-digit', year: 'numeric' });
  return d.toLocaleString('en-GB', options).replace(',', '');
}

export function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${String(Math.floor(s % 3600 / 60)).padStart(2, '0')} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${s} s`;
}

export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
