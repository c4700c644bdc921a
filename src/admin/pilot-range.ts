import { InputError } from '../core/errors.js';

/** Weeks shown when the range is not given. */
export const DEFAULT_WEEKS = 12;
/**
 * The longest range: every question of the range is read (counted per week, language and asker),
 * so the work grows with the range; a year is what a pilot review needs.
 */
export const MAX_WEEKS = 53;
const DAY_MS = 86_400_000;

/** One ISO week (Monday to Sunday, UTC). */
export interface PilotWeek {
  /** ISO week, e.g. `2025-W03`. */
  readonly week: string;
  /** Its Monday, `YYYY-MM-DD`. */
  readonly start: string;
}

/** Whole ISO weeks, `from` (a Monday) to `to` (a Sunday), both included. */
export interface PilotRange {
  readonly from: string;
  readonly to: string;
  readonly weeks: readonly PilotWeek[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(value: string, name: string): Date {
  const m = DATE.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value)
    throw new InputError(`${name} must be a date written YYYY-MM-DD, e.g. 2025-01-13`);
  return date;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
/** The day after `day` (both `YYYY-MM-DD`): the exclusive end of a range that includes `day`. */
export const dayAfter = (day: string) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS));
const mondayOf = (date: Date) => new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS);

/** The ISO week of a day: the week belongs to the year of its Thursday. */
export function isoWeek(day: string): PilotWeek {
  const monday = mondayOf(new Date(`${day}T00:00:00Z`));
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const week =
    Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / (7 * DAY_MS)) + 1;
  return { week: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`, start: dayOf(monday) };
}

/**
 * The whole ISO weeks from the week of `from` to the week of `to` (default: the last
 * {@link DEFAULT_WEEKS} weeks up to this one). Refuses a reversed or longer than {@link MAX_WEEKS} range.
 */
export function pilotRange(
  input: { from?: string | undefined; to?: string | undefined },
  now: Date,
): PilotRange {
  const last = input.to ? parseDay(input.to, 'to') : now;
  const toMonday = mondayOf(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate())));
  const fromMonday = input.from
    ? mondayOf(parseDay(input.from, 'from'))
    : new Date(toMonday.getTime() - (DEFAULT_WEEKS - 1) * 7 * DAY_MS);
  const count = Math.round((toMonday.getTime() - fromMonday.getTime()) / (7 * DAY_MS)) + 1;
  if (count < 1) throw new InputError('from must not be after to');
  if (count > MAX_WEEKS) throw new InputError(`the range may span at most ${MAX_WEEKS} weeks`);
  const weeks = Array.from({ length: count }, (_, i) =>
    isoWeek(dayOf(new Date(fromMonday.getTime() + i * 7 * DAY_MS))),
  );
  return { from: dayOf(fromMonday), to: dayOf(new Date(toMonday.getTime() + 6 * DAY_MS)), weeks };
}
