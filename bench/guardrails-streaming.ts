/**
 * What the streaming hold-back costs: time to the first visible character, and the scanning work
 * of one streamed answer, for a simulated generator of 4-character tokens.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Guard, GuardContext } from '../src/guardrails/guard.js';
import { createStreamGuard } from '../src/guardrails/stream-guard.js';
import { percentile } from './report.js';

/** Rows `[tokens/s, hold-back chars, scan every N chars, first visible ms (median of 3)]`. */
export async function firstVisibleRows(
  guard: Guard,
  context: GuardContext,
  text: string,
): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  const configs = [
    [0, 1],
    [64, 1],
    [64, 16],
  ] as const;
  for (const tokensPerSecond of [20, 60]) {
    for (const [holdBackChars, checkEveryChars] of configs) {
      const firsts: number[] = [];
      for (let run = 0; run < 3; run++) {
        firsts.push(
          await firstVisibleMs(guard, context, text, tokensPerSecond, holdBackChars, checkEveryChars),
        );
      }
      rows.push([tokensPerSecond, holdBackChars, checkEveryChars, percentile(firsts, 50)]);
    }
  }
  return rows;
}

/** Rows `[scan every N chars, ms]`: the scanning work for one streamed answer (every scan reads the whole text so far). */
export async function streamWorkRows(
  guard: Guard,
  context: GuardContext,
  text: string,
): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  for (const checkEveryChars of [1, 16, 64]) {
    const t = performance.now();
    const sg = createStreamGuard(guard, context, { checkEveryChars });
    for (let i = 0; i < text.length; i += 4) await sg.push(text.slice(i, i + 4));
    await sg.finish();
    rows.push([checkEveryChars, performance.now() - t]);
  }
  return rows;
}

/** Milliseconds from the first token to the first visible text, for a stream at `tokensPerSecond`. */
async function firstVisibleMs(
  guard: Guard,
  context: GuardContext,
  text: string,
  tokensPerSecond: number,
  holdBackChars: number,
  checkEveryChars: number,
): Promise<number> {
  let first = Number.NaN;
  const start = performance.now();
  const sg = createStreamGuard(guard, context, {
    holdBackChars,
    checkEveryChars,
    onVisible: () => {
      if (Number.isNaN(first)) first = performance.now() - start;
    },
  });
  for (let i = 0; i < text.length && Number.isNaN(first); i += 4) {
    void sg.push(text.slice(i, i + 4));
    await sleep(1000 / tokensPerSecond);
  }
  await sg.finish();
  return first;
}
