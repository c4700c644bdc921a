/**
 * Charts of the pilot numbers as SVG written on the server: no script, no CDN, no inline style
 * (the admin UI's CSP allows neither), only presentation attributes. Every text that goes in is
 * escaped here, so a page may include the markup as it is. Each chart is an image with a title and
 * a description for screen readers; each point and bar carries its exact value as a tooltip, and
 * the page shows the same numbers in a table.
 */

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 28, right: 16, bottom: 32, left: 48 } as const;
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
/** At most this many x labels are written; the others are left out (their points keep tooltips). */
const MAX_X_LABELS = 13;
const FONT = 'font-family="system-ui, sans-serif" font-size="11"';
const AXIS = '#667085';
const GRID = '#e3e6ec';
/** Told apart by dash and marker shape too, not by colour alone. */
const STYLES = [
  { color: '#2457c5', dash: '', marker: 'circle' },
  { color: '#b54708', dash: ' stroke-dasharray="6 4"', marker: 'square' },
  { color: '#067647', dash: ' stroke-dasharray="2 3"', marker: 'diamond' },
] as const;

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export interface ChartPoint {
  /** Written under the axis, e.g. `W03`. */
  readonly label: string;
  /** Said in each tooltip, e.g. `2025-W03 (from 2025-01-13)`. */
  readonly name: string;
}

export interface LineSeries {
  readonly name: string;
  /** One per point; undefined leaves a gap (a week without questions has no rate). */
  readonly values: readonly (number | undefined)[];
}

interface Frame {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly points: readonly ChartPoint[];
}

const num = (n: number) => String(Math.round(n * 10) / 10);
const xOf = (i: number, count: number) => MARGIN.left + ((i + 0.5) * PLOT_W) / count;
const yOf = (value: number, max: number) => MARGIN.top + PLOT_H - (max > 0 ? (value / max) * PLOT_H : 0);

/** The svg element with its title and description, the horizontal grid with its labels, and the x labels. */
function frame(
  f: Frame,
  ticks: readonly number[],
  max: number,
  tickLabel: (v: number) => string,
  body: string[],
) {
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" aria-labelledby="${f.id}-title ${f.id}-desc" ${FONT}>`,
    `<title id="${f.id}-title">${escapeXml(f.title)}</title>`,
    `<desc id="${f.id}-desc">${escapeXml(f.description)}</desc>`,
  ];
  for (const tick of ticks) {
    const y = num(yOf(tick, max));
    out.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y}" y2="${y}" stroke="${GRID}"/>`,
      `<text x="${MARGIN.left - 6}" y="${y}" dy="0.32em" text-anchor="end" fill="${AXIS}">${escapeXml(tickLabel(tick))}</text>`,
    );
  }
  const every = Math.ceil(f.points.length / MAX_X_LABELS);
  f.points.forEach((p, i) => {
    if (i % every === 0)
      out.push(
        `<text x="${num(xOf(i, f.points.length))}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle" fill="${AXIS}">${escapeXml(p.label)}</text>`,
      );
  });
  out.push(...body, '</svg>');
  return out.join('\n');
}

function marker(shape: (typeof STYLES)[number]['marker'], x: number, y: number, color: string, tip: string) {
  const title = `<title>${escapeXml(tip)}</title>`;
  if (shape === 'circle')
    return `<circle cx="${num(x)}" cy="${num(y)}" r="3.5" fill="${color}">${title}</circle>`;
  if (shape === 'square')
    return `<rect x="${num(x - 3.5)}" y="${num(y - 3.5)}" width="7" height="7" fill="${color}">${title}</rect>`;
  return `<polygon points="${num(x)},${num(y - 4.5)} ${num(x + 4.5)},${num(y)} ${num(x)},${num(y + 4.5)} ${num(x - 4.5)},${num(y)}" fill="${color}">${title}</polygon>`;
}

/** Shares (0–1) per point as lines on a 0–100 % axis, with a legend; up to three series. */
export function rateLineChart(f: Frame & { readonly series: readonly LineSeries[] }): string {
  const percent = (v: number) => `${Math.round(v * 100)} %`;
  const body: string[] = [];
  f.series.slice(0, STYLES.length).forEach((s, k) => {
    const style = STYLES[k]!;
    // A gap (undefined) ends one path and the next value starts another.
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === undefined) pen = false;
      else {
        d += `${pen ? 'L' : 'M'}${num(xOf(i, f.points.length))} ${num(yOf(v, 1))} `;
        pen = true;
      }
    });
    if (d)
      body.push(`<path d="${d.trim()}" fill="none" stroke="${style.color}" stroke-width="2"${style.dash}/>`);
    s.values.forEach((v, i) => {
      if (v !== undefined)
        body.push(
          marker(
            style.marker,
            xOf(i, f.points.length),
            yOf(v, 1),
            style.color,
            `${f.points[i]!.name}: ${s.name} ${percent(v)}`,
          ),
        );
    });
    const lx = MARGIN.left + k * 170;
    body.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="12" y2="12" stroke="${style.color}" stroke-width="2"${style.dash}/>`,
      marker(style.marker, lx + 12, 12, style.color, s.name),
      `<text x="${lx + 30}" y="12" dy="0.32em" fill="#1d2330">${escapeXml(s.name)}</text>`,
    );
  });
  return frame(f, [0, 0.25, 0.5, 0.75, 1], 1, percent, body);
}

/** A round top for a count axis: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= max)!;
}

/** Counts per point as bars, each with its value written above it. */
export function countBarChart(
  f: Frame & { readonly values: readonly number[]; readonly unit: string },
): string {
  const max = niceMax(Math.max(0, ...f.values));
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max].filter((t) => Number.isInteger(t));
  const slot = PLOT_W / Math.max(1, f.points.length);
  const width = Math.max(2, slot * 0.7);
  const body: string[] = [];
  f.values.forEach((v, i) => {
    const x = xOf(i, f.points.length) - width / 2;
    const y = yOf(v, max);
    const tip = `${f.points[i]!.name}: ${v} ${f.unit}`;
    body.push(
      `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(MARGIN.top + PLOT_H - y)}" fill="#2457c5" fill-opacity="0.8"><title>${escapeXml(tip)}</title></rect>`,
    );
    if (slot >= 18)
      body.push(
        `<text x="${num(xOf(i, f.points.length))}" y="${num(y - 4)}" text-anchor="middle" fill="#1d2330">${v}</text>`,
      );
  });
  return frame(f, ticks, max, String, body);
}
