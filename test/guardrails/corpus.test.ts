import { describe, expect, it } from 'vitest';
import { evaluateGuardrails } from '../../bench/guardrails-eval.js';

/*
 * The labelled corpus (test/corpus/guardrails) against the targets. The same evaluation
 * prints the per-type table: node --import tsx bench/guardrails-eval.ts
 */
describe('guardrail corpus', () => {
  it('catches planted secrets and validated identifiers and stays quiet on clean passages', async () => {
    const result = await evaluateGuardrails();
    expect(result.positives).toBeGreaterThan(500);
    expect(result.secretRecall).toBeGreaterThanOrEqual(0.97);
    expect(result.identifierRecall).toBeGreaterThanOrEqual(0.97);
    expect(result.clean.total).toBeGreaterThan(40);
    expect(result.clean.rate, result.clean.flaggedIds.join('\n')).toBeLessThan(0.005);
    expect(
      result.hardNegatives.flagged / result.hardNegatives.total,
      result.hardNegatives.flaggedIds.join('\n'),
    ).toBeLessThan(0.02);
    // Types the corpus labels (the newer ones, such as date_of_birth, have their own tests and the
    // independent corpora); the clean-rate checks above cover their false positives.
    for (const score of result.perType.filter((s) => s.tp + s.fn > 0)) {
      expect(score.recall, score.type).toBeGreaterThanOrEqual(0.9);
      expect(score.precision, score.type).toBeGreaterThanOrEqual(0.9);
    }
  });
});
