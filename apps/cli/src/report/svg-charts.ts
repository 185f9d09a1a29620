import { scaleBand, scaleLinear } from 'd3-scale';
import { arc, type PieArcDatum, pie } from 'd3-shape';

/**
 * Charts as inline SVG strings, drawn on the server: d3-scale places the bars and d3-shape
 * computes the arcs' paths, with no DOM and no browser. The HTML that holds them needs no
 * script and no network when it is opened.
 */

export interface Datum {
  label: string;
  value: number;
}

export const palette = [
  '#2f6fb0',
  '#e07b39',
  '#3a9d5d',
  '#c94a4a',
  '#8a63b8',
  '#8c6d4f',
  '#d16ba5',
  '#6f7b8a',
  '#b8a22f',
  '#2fa8b8',
];

/** Text for HTML and SVG: `<`, `&` and quotes escaped, control characters dropped. */
export function escapeHtml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: service data may carry them
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&#39;')
  );
}

const num = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : 0);

/** Vertical bars, one per datum in order (months), with every nth label shown. */
export function columnChart(
  data: readonly Datum[],
  options: { width?: number; height?: number; format: (n: number) => string; label: string },
): string {
  const width = options.width ?? 720;
  const height = options.height ?? 260;
  const m = { top: 16, right: 12, bottom: 42, left: 72 };
  const x = scaleBand<string>()
    .domain(data.map((d) => d.label))
    .range([m.left, width - m.right])
    .padding(0.15);
  const max = Math.max(1, ...data.map((d) => d.value));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - m.bottom, m.top]);
  const every = Math.max(1, Math.ceil(data.length / 12));
  const bars = data
    .map((d, i) => {
      const bx = x(d.label) ?? 0;
      const by = y(d.value);
      const tick =
        i % every === 0
          ? `<text x="${num(bx + x.bandwidth() / 2)}" y="${height - m.bottom + 16}" text-anchor="middle">${escapeHtml(d.label)}</text>`
          : '';
      return `<rect class="bar" x="${num(bx)}" y="${num(by)}" width="${num(x.bandwidth())}" height="${num(y(0) - by)}" fill="${palette[0]}"><title>${escapeHtml(`${d.label}: ${options.format(d.value)}`)}</title></rect>${tick}`;
    })
    .join('');
  const grid = y
    .ticks(5)
    .map(
      (t) =>
        `<line x1="${m.left}" x2="${width - m.right}" y1="${num(y(t))}" y2="${num(y(t))}" stroke="#ddd"/><text x="${m.left - 6}" y="${num(y(t)) + 4}" text-anchor="end">${escapeHtml(options.format(t))}</text>`,
    )
    .join('');
  return svg(width, height, options.label, grid + bars);
}

/** Horizontal bars, largest first (groups, stale resources). */
export function barChart(
  data: readonly Datum[],
  options: { width?: number; format: (n: number) => string; label: string },
): string {
  const width = options.width ?? 720;
  const row = 24;
  const m = { top: 8, right: 90, bottom: 8, left: 220 };
  const height = m.top + m.bottom + Math.max(1, data.length) * row;
  const y = scaleBand<number>()
    .domain(data.map((_, i) => i))
    .range([m.top, height - m.bottom])
    .padding(0.2);
  const x = scaleLinear()
    .domain([0, Math.max(1, ...data.map((d) => d.value))])
    .range([m.left, width - m.right]);
  const bars = data
    .map((d, i) => {
      const by = y(i) ?? 0;
      const label = d.label.length > 32 ? `${d.label.slice(0, 31)}…` : d.label;
      return `<text x="${m.left - 8}" y="${num(by + y.bandwidth() / 2 + 4)}" text-anchor="end">${escapeHtml(label)}</text><rect class="bar" x="${m.left}" y="${num(by)}" width="${num(Math.max(1, x(d.value) - m.left))}" height="${num(y.bandwidth())}" fill="${palette[i % palette.length]}"><title>${escapeHtml(`${d.label}: ${options.format(d.value)}`)}</title></rect><text x="${num(x(d.value) + 6)}" y="${num(by + y.bandwidth() / 2 + 4)}">${escapeHtml(options.format(d.value))}</text>`;
    })
    .join('');
  return svg(width, height, options.label, bars);
}

/** A donut of shares (the status mix), with a legend. */
export function donutChart(
  data: readonly Datum[],
  options: { label: string; format: (n: number) => string },
): string {
  const size = 220;
  const r = size / 2;
  const arcs = pie<Datum>()
    .value((d) => d.value)
    .sort(null)(data.filter((d) => d.value > 0));
  const path = arc<PieArcDatum<Datum>>()
    .innerRadius(r * 0.55)
    .outerRadius(r - 4);
  const slices = arcs
    .map(
      (a, i) =>
        `<path class="slice" d="${path(a) ?? ''}" fill="${palette[i % palette.length]}" transform="translate(${r},${r})"><title>${escapeHtml(`${a.data.label}: ${options.format(a.data.value)}`)}</title></path>`,
    )
    .join('');
  const total = data.reduce((s, d) => s + d.value, 0);
  const legend = arcs
    .map(
      (a, i) =>
        `<rect x="${size + 16}" y="${16 + i * 22}" width="14" height="14" fill="${palette[i % palette.length]}"/><text x="${size + 36}" y="${28 + i * 22}">${escapeHtml(`${a.data.label} — ${options.format(a.data.value)} (${total > 0 ? Math.round((a.data.value * 100) / total) : 0}%)`)}</text>`,
    )
    .join('');
  return svg(size + 320, Math.max(size, 32 + arcs.length * 22), options.label, slices + legend);
}

function svg(width: number, height: number, label: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">${body}</svg>`;
}
