import type { PilotReport, PilotRow } from './pilot-numbers.js';

/** The export's columns, in order: what each week × language × group row holds. */
const COLUMNS: readonly [string, (row: PilotRow) => string | number | undefined][] = [
  ['week', (r) => r.week],
  ['week_start', (r) => r.weekStart],
  ['language', (r) => r.language],
  ['group', (r) => r.group],
  ['questions', (r) => r.questions],
  ['answered', (r) => r.answered],
  ['deflected', (r) => r.deflected],
  ['deflection_rate', (r) => ratio(r.deflectionRate)],
  ['handed_off', (r) => r.handedOff],
  ['hand_off_rate', (r) => ratio(r.handOffRate)],
  ['resolved', (r) => r.resolved],
  ['still_open', (r) => r.open],
  ['resolution_median_hours', (r) => hours(r.resolutionMedianMs)],
  ['resolution_p90_hours', (r) => hours(r.resolutionP90Ms)],
  ['thumbs_up', (r) => r.up],
  ['thumbs_down', (r) => r.down],
  ['thumbs_up_share', (r) => ratio(r.upShare)],
  ['not_found', (r) => r.notFound],
  ['not_found_share', (r) => ratio(r.notFoundShare)],
  ['standard_answers', (r) => r.standard],
  ['standard_answer_share', (r) => ratio(r.standardShare)],
];

/** A share as a fraction with 4 decimals; empty when it has no denominator (no question, no rating). */
function ratio(value: number | undefined): string {
  return value === undefined ? '' : String(Math.round(value * 10_000) / 10_000);
}

function hours(ms: number | undefined): string {
  return ms === undefined ? '' : String(Math.round(ms / 36_000) / 100);
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled.
 * A text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe
 * first, so that a spreadsheet shows it instead of running it as a formula (group names and
 * language tags come from outside: a directory file, a question's detected language).
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The report's weekly rows as CSV: a header, then one line per week × language × group, CRLF line ends. */
export function pilotCsv(report: PilotReport): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const row of report.rows) lines.push(COLUMNS.map(([, value]) => csvCell(value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
