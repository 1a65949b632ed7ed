// Small charts on a <canvas>, with no library: lines over a numeric x axis (times as epoch ms)
// and grouped bars over categories. Redrawn on resize.
//   drawChart(canvas, { type: 'line', series: [{ name, color, points: [[x, y], ...], dash, step }], xFormat, yFormat, yMin, yLabel })
//   drawChart(canvas, { type: 'bar', labels: ['...'], series: [{ name, color, colors: [...], values: [...] }], yFormat, rules: [{ y, name, color }] })

const PAD = { left: 52, right: 14, top: 14, bottom: 44 };

export function drawChart(canvas, spec) {
  const draw = () => render(canvas, spec);
  draw();
  if (!canvas._chartObserved) {
    canvas._chartObserved = true;
    new ResizeObserver(() => render(canvas, canvas._chartSpec)).observe(canvas);
  }
  canvas._chartSpec = spec;
}

function render(canvas, spec) {
  if (!spec) return;
  const ratio = window.devicePixelRatio || 1;
  const w = canvas.clientWidth || 600;
  const h = canvas.clientHeight || 240;
  canvas.width = Math.round(w * ratio);
  canvas.height = Math.round(h * ratio);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.font = '12px system-ui, sans-serif';
  const plot = { x: PAD.left, y: PAD.top, w: w - PAD.left - PAD.right, h: h - PAD.top - PAD.bottom };
  const series = spec.series ?? [];
  const values = spec.type === 'bar' ? series.flatMap(s => s.values) : series.flatMap(s => s.points.map(p => p[1]));
  const ruleValues = (spec.rules ?? []).map(r => r.y);
  if (values.length === 0) {
    ctx.fillStyle = '#667085';
    ctx.fillText(spec.empty ?? '—', plot.x + plot.w / 2 - 10, plot.y + plot.h / 2);
    return;
  }
  const yMin = spec.yMin ?? Math.min(0, ...values);
  const yMax = niceMax(Math.max(...values, ...ruleValues, yMin + 1));
  const yOf = v => plot.y + plot.h - (v - yMin) / (yMax - yMin) * plot.h;
  const yFormat = spec.yFormat ?? (v => String(Math.round(v)));
  ctx.strokeStyle = '#e3e7ee';
  ctx.fillStyle = '#667085';
  ctx.lineWidth = 1;
  for (let i = 0; i <= 4; i++) {
    const v = yMin + (yMax - yMin) * i / 4;
    const y = yOf(v);
    ctx.beginPath(); ctx.moveTo(plot.x, y); ctx.lineTo(plot.x + plot.w, y); ctx.stroke();
    ctx.fillText(yFormat(v), 4, y + 4);
  }
  if (spec.type === 'bar') bars(ctx, spec, plot, yOf); else lines(ctx, spec, plot, yOf);
  rules(ctx, spec.rules ?? [], plot, yOf);
  legend(ctx, [...series, ...(spec.rules ?? []).map(r => ({ name: r.name, color: r.color ?? '#d6343f' }))], plot, h);
}

// Horizontal reference lines (a legal threshold): spec.rules = [{ y, name, color }], kept in view.
function rules(ctx, list, plot, yOf) {
  for (const r of list) {
    const y = Math.max(plot.y, Math.min(plot.y + plot.h, yOf(r.y)));
    ctx.strokeStyle = r.color ?? '#d6343f';
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 4]);
    ctx.beginPath(); ctx.moveTo(plot.x, y); ctx.lineTo(plot.x + plot.w, y); ctx.stroke();
    ctx.setLineDash([]);
  }
}

function lines(ctx, spec, plot, yOf) {
  const xs = spec.series.flatMap(s => s.points.map(p => p[0]));
  const xMin = spec.xMin ?? Math.min(...xs);
  const xMax = spec.xMax ?? Math.max(...xs, xMin + 1);
  const xOf = x => plot.x + (x - xMin) / (xMax - xMin) * plot.w;
  const xFormat = spec.xFormat ?? (x => String(x));
  ctx.fillStyle = '#667085';
  for (let i = 0; i <= 4; i++) {
    const x = xMin + (xMax - xMin) * i / 4;
    const text = xFormat(x);
    ctx.fillText(text, Math.min(xOf(x) - ctx.measureText(text).width / 2, plot.x + plot.w - ctx.measureText(text).width), plot.y + plot.h + 16);
  }
  for (const s of spec.series) {
    if (s.points.length === 0) continue;
    ctx.strokeStyle = s.color ?? '#0f6e5a';
    ctx.lineWidth = s.width ?? 2;
    ctx.setLineDash(s.dash ?? []);
    ctx.beginPath();
    s.points.forEach(([x, y], i) => {
      const px = xOf(x);
      const py = yOf(y);
      if (i === 0) ctx.moveTo(px, py);
      else if (s.step) { ctx.lineTo(px, yOf(s.points[i - 1][1])); ctx.lineTo(px, py); }
      else ctx.lineTo(px, py);
    });
    ctx.stroke();
    ctx.setLineDash([]);
    if (s.fill) {
      ctx.lineTo(xOf(s.points[s.points.length - 1][0]), yOf(0));
      ctx.lineTo(xOf(s.points[0][0]), yOf(0));
      ctx.closePath();
      ctx.fillStyle = s.fill;
      ctx.fill();
    }
  }
}

function bars(ctx, spec, plot, yOf) {
  const labels = spec.labels ?? [];
  const groups = Math.max(labels.length, 1);
  const groupW = plot.w / groups;
  const barW = Math.max(2, (groupW * 0.75) / Math.max(spec.series.length, 1));
  labels.forEach((label, i) => {
    spec.series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const x = plot.x + i * groupW + groupW * 0.125 + j * barW;
      ctx.fillStyle = (s.colors && s.colors[i]) || s.color || '#0f6e5a';
      ctx.fillRect(x, yOf(v), barW - 1, yOf(0) - yOf(v));
    });
    ctx.fillStyle = '#667085';
    // Long names (operators) are shortened with an ellipsis to their bar group's width.
    let text = String(label);
    while (text.length > 3 && ctx.measureText(text).width > groupW - 6) text = text.slice(0, -2) + '…';
    const tw = ctx.measureText(text).width;
    ctx.fillText(text, plot.x + i * groupW + groupW / 2 - tw / 2, plot.y + plot.h + 16);
  });
}

function legend(ctx, series, plot, h) {
  let x = plot.x;
  for (const s of series) {
    if (!s.name) continue;
    ctx.fillStyle = s.color ?? '#0f6e5a';
    ctx.fillRect(x, h - 16, 12, 4);
    ctx.fillStyle = '#3d4757';
    ctx.fillText(s.name, x + 16, h - 11);
    x += 28 + ctx.measureText(s.name).width;
  }
}

function niceMax(v) {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
