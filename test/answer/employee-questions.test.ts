import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import {
  type JudgedTurn,
  employeeFigures,
  employeeReport,
  loadEmployeeItems,
  openSampleRuntime,
  runEmployeeItems,
} from '../helpers/employee-questions.js';

/**
 * The frozen employee question set (test/corpus/employee-questions/test.json: 74 items, 8 languages,
 * written before the reader changed by a helper that never read the answering code) through the
 * product's runtime on the sample knowledge base, without a model.
 *
 * Issue 13's bar is ≥ 90 % of answerable turns right and every unanswerable one "not found"; the
 * extractive reader does not reach it (docs/quality.md has the figures). Until it does, this test
 * holds the measured level as a floor, so a change that makes answers worse fails here, and prints
 * the report with every wrong turn. (The unanswerable floor went down from 12 to 7 when the reader's
 * confidence was refitted with employee questions and the concept lexicon widened search: 26 → 33
 * answerable turns right here, 29 → 47 of 97 on the held-out set, at 16 → 12 of 19 unanswerable ones
 * there; docs/quality.md has the trade-off.)
 */
const FLOOR = { answerableRight: 33, unanswerableNotFound: 7 } as const;

describe('employee questions on the sample knowledge base (frozen set)', () => {
  let runtime: Runtime;
  let close: () => Promise<void>;
  let judged: JudgedTurn[];

  beforeAll(async () => {
    ({ runtime, close } = await openSampleRuntime());
    judged = await runEmployeeItems(runtime, loadEmployeeItems('test'));
  });
  afterAll(async () => close?.());

  it('answers at least as many as measured, and says "not found" for as many unanswerable ones', () => {
    const figures = employeeFigures(judged);
    const report = employeeReport(judged);
    expect(figures.answerable + figures.unanswerable).toBeGreaterThanOrEqual(80);
    expect(new Set(judged.map((j) => j.language)).size).toBeGreaterThanOrEqual(8);
    expect(figures.answerableRight, report).toBeGreaterThanOrEqual(FLOOR.answerableRight);
    expect(figures.unanswerableNotFound, report).toBeGreaterThanOrEqual(FLOOR.unanswerableNotFound);
  });

  it('never answers an ordinary employee from the HR-only salary bands', () => {
    const restricted = judged.filter((j) => j.id === 'en-19' || j.id === 'ja-11');
    expect(restricted).toHaveLength(2);
    for (const turn of restricted) {
      expect(
        turn.cited.some((source) => source.includes('salary-bands')),
        turn.reply,
      ).toBe(false);
      expect(turn.reply).not.toMatch(/Senior Specialist|昇給予算|\d+(?:,\d{3})+ *(?:JPY|USD|EUR)/u);
    }
  });
});
