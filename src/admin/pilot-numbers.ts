import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Directory } from '../answer/ports.js';
import { EVERYONE } from '../core/access.js';
import type { Database } from '../store/schema.js';
import { type PilotRange, dayAfter } from './pilot-range.js';

/** The key of a total: every language, every group (the directory's everyone group), or the whole range. */
export const ALL = EVERYONE;
/** The language of a question recorded without one (e.g. refused as empty before detection). */
export const UNKNOWN_LANGUAGE = 'unknown';
/** Standard answers listed per slice, most used first. */
const TOP_STANDARD = 10;

/** The numbers of one slice: the questions asked in a week (or the range) in a language by a group. */
export interface PilotNumbers {
  readonly questions: number;
  /** Status `answered` (from documents or a standard answer). */
  readonly answered: number;
  /** Answered, not handed off, and not rated 👎 by anyone. */
  readonly deflected: number;
  readonly deflectionRate: number | undefined;
  /** Questions with a hand-off ("Ask a person"); at most one per question. */
  readonly handedOff: number;
  readonly handOffRate: number | undefined;
  /** Hand-offs with a resolution time, and those still without one. */
  readonly resolved: number;
  readonly open: number;
  readonly resolutionMedianMs: number | undefined;
  readonly resolutionP90Ms: number | undefined;
  /** Ratings: one per person and answer (a person's later click replaces the earlier one). */
  readonly up: number;
  readonly down: number;
  readonly upShare: number | undefined;
  readonly notFound: number;
  readonly notFoundShare: number | undefined;
  /** Questions given a standard answer. */
  readonly standard: number;
  readonly standardShare: number | undefined;
}

export interface PilotRow extends PilotNumbers {
  /** ISO week, or `all` for the whole range. */
  readonly week: string;
  readonly weekStart: string | undefined;
  readonly language: string;
  readonly group: string;
}

export interface StandardAnswerUse {
  readonly id: string;
  readonly title: string;
  readonly team: string;
  readonly uses: number;
}

export interface PilotReport {
  readonly range: PilotRange;
  /** Every week × language × group with at least one question, and every week's total (`all`, `all`). */
  readonly rows: readonly PilotRow[];
  /** The whole range per language × group with at least one question, and the total. */
  readonly totals: readonly PilotRow[];
  readonly languages: readonly string[];
  readonly groups: readonly string[];
  /** The most used standard answers of each language × group over the whole range (slices without uses left out). */
  readonly standardAnswers: readonly {
    readonly language: string;
    readonly group: string;
    readonly top: readonly StandardAnswerUse[];
  }[];
  /** Rows read back from the database (counts per week, language and asker; hand-offs), the work done here. */
  readonly rowsRead: number;
}

function sliceKey(language: string, group: string): string {
  return `${language}\u0000${group}`;
}

const emptyNumbers = (): PilotNumbers => new Tally().numbers();

/** One row per week of the range for one language × group; zeros for a week without its questions. */
export function weeklyRows(report: PilotReport, language: string, group: string): PilotRow[] {
  const found = new Map(
    report.rows.filter((r) => r.language === language && r.group === group).map((r) => [r.week, r]),
  );
  return report.range.weeks.map(
    (w) => found.get(w.week) ?? { week: w.week, weekStart: w.start, language, group, ...emptyNumbers() },
  );
}

/** The whole range's numbers of one language × group (zeros when it has no questions). */
export function rangeTotal(report: PilotReport, language: string, group: string): PilotRow {
  return (
    report.totals.find((r) => r.language === language && r.group === group) ?? {
      week: ALL,
      weekStart: undefined,
      language,
      group,
      ...emptyNumbers(),
    }
  );
}

/** The p-th percentile (0–1) of sorted values, interpolated between the two nearest ranks. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.ceil(h);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

class Tally {
  questions = 0;
  answered = 0;
  deflected = 0;
  handedOff = 0;
  up = 0;
  down = 0;
  notFound = 0;
  standard = 0;
  readonly durations: number[] = [];
  open = 0;
  readonly standardUses = new Map<string, number>();

  numbers(): PilotNumbers {
    const share = (n: number, of: number) => (of > 0 ? n / of : undefined);
    const durations = [...this.durations].sort((a, b) => a - b);
    return {
      questions: this.questions,
      answered: this.answered,
      deflected: this.deflected,
      deflectionRate: share(this.deflected, this.questions),
      handedOff: this.handedOff,
      handOffRate: share(this.handedOff, this.questions),
      resolved: durations.length,
      open: this.open,
      resolutionMedianMs: percentile(durations, 0.5),
      resolutionP90Ms: percentile(durations, 0.9),
      up: this.up,
      down: this.down,
      upShare: share(this.up, this.up + this.down),
      notFound: this.notFound,
      notFoundShare: share(this.notFound, this.questions),
      standard: this.standard,
      standardShare: share(this.standard, this.questions),
    };
  }
}

/** A row grouped by the week (its index in the range; none for the whole range), language and asker. */
interface Bucket {
  readonly week?: number | string;
  readonly language: string | null;
  readonly asker: string;
}

/**
 * The index of a question's week in the range, in SQL: a CASE over the Mondays (ISO strings
 * compare as times), which both databases run and which lets them count per week and not per
 * question or per day (about a third of the rows to read back at 100,000 questions in 12 weeks).
 */
function weekIndex(range: PilotRange): RawBuilder<number> {
  const whens = range.weeks.slice(1).map((w, i) => sql`when q.created_at < ${w.start} then ${sql.lit(i)}`);
  const last = sql.lit(range.weeks.length - 1);
  return whens.length ? sql<number>`case ${sql.join(whens, sql` `)} else ${last} end` : sql<number>`${last}`;
}

/**
 * The pilot's numbers per ISO week, language and group over a range. Each number concerns the
 * questions asked in the slice, whenever their ratings, hand-offs or resolutions came. The database
 * counts per week, language and asker: every question of the range is read once, its hand-off and
 * standard-answer use joined and a 👎 looked up through their question indexes. Groups are made
 * here, because they live in the directory (as it is now, not as it was when the question was asked).
 */
export async function computePilotNumbers(
  deps: { readonly db: Kysely<Database>; readonly directory: Directory },
  range: PilotRange,
): Promise<PilotReport> {
  const { db } = deps;
  const week = weekIndex(range);
  // Questions asked through the CLI (`ask`, `eval`) are the operators' own tests, not the pilot's.
  const inRange = db
    .selectFrom('questions as q')
    .where('q.platform', '!=', 'cli')
    // Summaries asked for (issue 18) are no questions: insight counts them apart.
    .where('q.kind', 'is', null)
    .where('q.created_at', '>=', range.from)
    .where('q.created_at', '<', dayAfter(range.to));

  // Grouped in an outer query: the week is a column there, not an expression with parameters that
  // PostgreSQL would have to find again in GROUP BY.
  const perQuestion = inRange
    .leftJoin('escalations as e', 'e.question_id', 'q.id')
    .leftJoin('standard_answer_uses as u', 'u.question_id', 'q.id')
    .select((eb) => [
      week.as('week'),
      'q.language as language',
      'q.asker as asker',
      'q.status as status',
      eb.case().when('e.question_id', 'is', null).then(0).else(1).end().as('handed_off'),
      eb.case().when('u.question_id', 'is', null).then(0).else(1).end().as('standard'),
      eb
        .case()
        .when(
          eb.exists(
            eb
              .selectFrom('feedback as f')
              .select('f.id')
              .whereRef('f.question_id', '=', 'q.id')
              .where('f.rating', '=', 'down'),
          ),
        )
        .then(1)
        .else(0)
        .end()
        .as('rated_down'),
    ]);
  const ratings = inRange
    .innerJoin('feedback as f', 'f.question_id', 'q.id')
    .select([week.as('week'), 'q.language as language', 'q.asker as asker', 'f.rating as rating']);
  const uses = inRange
    .innerJoin('standard_answer_uses as u', 'u.question_id', 'q.id')
    .select([week.as('week'), 'q.language as language', 'q.asker as asker', 'u.standard_id as standard_id']);
  const [countRows, ratingRows, escalationRows, useRows] = await Promise.all([
    db
      .selectFrom(perQuestion.as('pq'))
      .select((eb) => {
        const when = (condition: RawBuilder<unknown>) =>
          eb.fn.sum<string | number>(sql`case when ${condition} then 1 else 0 end`);
        return [
          'pq.week',
          'pq.language',
          'pq.asker',
          eb.fn.countAll<string | number>().as('questions'),
          when(sql`pq.status = 'answered'`).as('answered'),
          when(sql`pq.status = 'answered' and pq.handed_off = 0 and pq.rated_down = 0`).as('deflected'),
          when(sql`pq.status = 'not_found'`).as('not_found'),
          eb.fn.sum<string | number>('pq.handed_off').as('handed_off'),
          eb.fn.sum<string | number>('pq.standard').as('standard'),
        ];
      })
      .groupBy(['pq.week', 'pq.language', 'pq.asker'])
      .execute(),
    db
      .selectFrom(ratings.as('r'))
      .select((eb) => [
        'r.week',
        'r.language',
        'r.asker',
        'r.rating',
        eb.fn.countAll<string | number>().as('n'),
      ])
      .groupBy(['r.week', 'r.language', 'r.asker', 'r.rating'])
      .execute(),
    inRange
      .innerJoin('escalations as e', 'e.question_id', 'q.id')
      .select([
        week.as('week'),
        'q.language as language',
        'q.asker as asker',
        'e.created_at',
        'e.resolved_at',
      ])
      .execute(),
    db
      .selectFrom(uses.as('s'))
      .select((eb) => ['s.language', 's.asker', 's.standard_id', eb.fn.countAll<string | number>().as('n')])
      .groupBy(['s.language', 's.asker', 's.standard_id'])
      .execute(),
  ]);

  const tallies = new Map<string, Tally>();
  const groupsOf = new Map<string, { readonly key: string; readonly groups: readonly string[] }>();
  const languages = new Set<string>();
  const groups = new Set<string>();
  const tallyOf = (key: string) => {
    let tally = tallies.get(key);
    if (!tally) {
      tally = new Tally();
      tallies.set(key, tally);
    }
    return tally;
  };
  // Askers share a few sets of groups: the tallies of a week × language × set of groups are found once.
  const found = new Map<string, Tally[]>();
  /**
   * Every tally a bucket counts in: its week and the whole range (only the range when `week` is
   * undefined) × its language and all languages × each of the asker's groups, `all` included.
   */
  const talliesOf = (bucket: Bucket): Tally[] => {
    let asker = groupsOf.get(bucket.asker);
    if (!asker) {
      const names = [...new Set([ALL, ...deps.directory.resolve(bucket.asker).groups])];
      for (const g of names) groups.add(g);
      asker = { key: names.join('\u0000'), groups: names };
      groupsOf.set(bucket.asker, asker);
    }
    const language = bucket.language || UNKNOWN_LANGUAGE;
    const weekName = bucket.week === undefined ? ALL : range.weeks[Number(bucket.week)]!.week;
    const memo = `${weekName}\u0001${language}\u0001${asker.key}`;
    let list = found.get(memo);
    if (!list) {
      languages.add(language);
      list = [];
      for (const w of weekName === ALL ? [ALL] : [weekName, ALL])
        for (const l of [language, ALL])
          for (const g of asker.groups) list.push(tallyOf(`${w}\u0000${sliceKey(l, g)}`));
      found.set(memo, list);
    }
    return list;
  };

  for (const row of countRows) {
    for (const t of talliesOf(row)) {
      t.questions += Number(row.questions);
      t.answered += Number(row.answered);
      t.deflected += Number(row.deflected);
      t.notFound += Number(row.not_found);
      t.handedOff += Number(row.handed_off);
      t.standard += Number(row.standard);
    }
  }
  for (const row of ratingRows) {
    for (const t of talliesOf(row)) {
      if (row.rating === 'up') t.up += Number(row.n);
      else if (row.rating === 'down') t.down += Number(row.n);
    }
  }
  for (const row of escalationRows) {
    // A replica's clock a little behind another's must not make a negative duration.
    const took = row.resolved_at
      ? Math.max(0, Date.parse(row.resolved_at) - Date.parse(row.created_at))
      : undefined;
    for (const t of talliesOf(row)) {
      if (took === undefined || Number.isNaN(took)) t.open += 1;
      else t.durations.push(took);
    }
  }
  // Which standard answers were used is listed for the whole range only.
  for (const row of useRows) {
    for (const t of talliesOf(row)) {
      t.standardUses.set(row.standard_id, (t.standardUses.get(row.standard_id) ?? 0) + Number(row.n));
    }
  }

  const byName = (a: string, b: string) => (a === ALL ? -1 : b === ALL ? 1 : a.localeCompare(b));
  const sortedLanguages = [...languages].sort(byName);
  const sortedGroups = [...groups].sort(byName);
  /** The rows of a week (or `all`) with questions, and its total even without. */
  const rowsOf = (week: string, weekStart: string | undefined): PilotRow[] => {
    const out: PilotRow[] = [];
    for (const language of [ALL, ...sortedLanguages])
      for (const group of sortedGroups.length ? sortedGroups : [ALL]) {
        const tally = tallies.get(`${week}\u0000${sliceKey(language, group)}`);
        if (tally || (language === ALL && group === ALL))
          out.push({ week, weekStart, language, group, ...(tally ?? new Tally()).numbers() });
      }
    return out;
  };

  const standardAnswers = await standardAnswerTitles(db, tallies);
  return {
    range,
    rows: range.weeks.flatMap((w) => rowsOf(w.week, w.start)),
    totals: rowsOf(ALL, undefined),
    languages: sortedLanguages,
    groups: sortedGroups.filter((g) => g !== ALL),
    standardAnswers,
    rowsRead: countRows.length + ratingRows.length + escalationRows.length + useRows.length,
  };
}

/** The most used standard answers of each range slice, with their titles and teams. */
async function standardAnswerTitles(
  db: Kysely<Database>,
  tallies: ReadonlyMap<string, Tally>,
): Promise<PilotReport['standardAnswers']> {
  const tops: { language: string; group: string; top: [string, number][] }[] = [];
  const ids = new Set<string>();
  const prefix = `${ALL}\u0000`;
  for (const [key, tally] of tallies) {
    if (!key.startsWith(prefix) || tally.standardUses.size === 0) continue;
    const top = [...tally.standardUses]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, TOP_STANDARD);
    for (const [id] of top) ids.add(id);
    const [, language, group] = key.split('\u0000') as [string, string, string];
    tops.push({ language, group, top });
  }
  if (ids.size === 0) return [];
  const rows = await db
    .selectFrom('standard_answers')
    .select(['id', 'title', 'team'])
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return tops.map(({ language, group, top }) => ({
    language,
    group,
    top: top.map(([id, uses]) => ({
      id,
      title: byId.get(id)?.title ?? id,
      team: byId.get(id)?.team ?? '',
      uses,
    })),
  }));
}
