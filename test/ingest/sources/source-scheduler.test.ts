/**
 * The scheduler `serve` runs sources with: one run of a source at a time, a small shared limit on
 * runs at once (queued in the order asked), stopping mid-run, and the next run scheduled after a
 * failed one. The runs are controlled by the test; the timers are real.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceRunReport } from '../../../ingest/sources/run-source.js';
import { type ScheduledSource, SourceScheduler } from '../../../ingest/sources/source-scheduler.js';
import type { SourceDefinition } from '../../../ingest/sources/sources-file.js';
import { silentLogger } from '../../../src/core/log.js';

function scheduled(name: string, everyMs = 3_600_000): ScheduledSource {
  const definition: SourceDefinition = {
    name,
    type: 'folder',
    audience: ['all'],
    classification: 'internal',
    everyMs,
    every: `${everyMs}ms`,
    settings: {},
    env: {},
    baseDir: '/',
    audienceExplicit: false,
    allowEmpty: false,
  };
  return {
    definition,
    connector: { type: 'folder', listChanges: async () => ({ complete: true, items: [], deleted: [] }) },
  };
}

const report = (source: string): SourceRunReport => ({
  source,
  status: 'ok',
  added: [],
  updated: [],
  unchanged: 0,
  removed: [],
  moved: [],
  failed: [],
  skipped: [],
  sensitive: [],
  seconds: 0,
});

/** A run the test ends by hand, with what the scheduler gave it. */
interface HeldRun {
  readonly source: string;
  readonly signal: AbortSignal;
  finish(): void;
  fail(error: Error): void;
}

/** Runs that wait for the test, recording the order they started in and how many ran at once. */
function heldRuns() {
  const started: HeldRun[] = [];
  let running = 0;
  let most = 0;
  const run = (source: ScheduledSource, signal: AbortSignal) =>
    new Promise<SourceRunReport>((resolve, reject) => {
      running++;
      most = Math.max(most, running);
      let ended = false;
      const end = () => {
        if (ended) return false;
        ended = true;
        running--;
        return true;
      };
      const finish = () => end() && resolve(report(source.definition.name));
      // As a real run does, it ends soon after it is aborted.
      signal.addEventListener('abort', finish);
      started.push({
        source: source.definition.name,
        signal,
        finish,
        fail: (error) => end() && reject(error),
      });
    });
  return {
    run,
    started,
    get running() {
      return running;
    },
    get most() {
      return most;
    },
  };
}

/** Resolves once `check` holds, polling every 10 ms; fails after 10 s. */
async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let scheduler: SourceScheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

describe('SourceScheduler', () => {
  it('runs at most two sources at once, the others queued in the order they were asked', async () => {
    const runs = heldRuns();
    scheduler = new SourceScheduler({
      sources: ['a', 'b', 'c', 'd', 'e'].map((name) => scheduled(name)),
      run: runs.run,
      logger: silentLogger,
    });
    scheduler.start();
    await until('two runs', () => runs.started.length === 2);
    expect(runs.started.map((r) => r.source)).toEqual(['a', 'b']);
    expect(scheduler.isRunning('e')).toBe(true);
    runs.started[1]?.finish();
    await until('a third run', () => runs.started.length === 3);
    runs.started[0]?.finish();
    await until('a fourth run', () => runs.started.length === 4);
    runs.started[2]?.finish();
    runs.started[3]?.finish();
    await until('the fifth run', () => runs.started.length === 5);
    runs.started[4]?.finish();
    await until('the end', () => runs.running === 0 && !scheduler?.isRunning('e'));
    expect(runs.started.map((r) => r.source)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(runs.most).toBe(2);
  });

  it('runs a source asked for during its run once more after it, never two at once', async () => {
    const runs = heldRuns();
    scheduler = new SourceScheduler({ sources: [scheduled('a')], run: runs.run, logger: silentLogger });
    scheduler.start();
    await until('the first run', () => runs.started.length === 1);
    const second = scheduler.runNow('a');
    const third = scheduler.runNow('a');
    runs.started[0]?.finish();
    await until('the run asked for', () => runs.started.length === 2);
    expect(runs.most).toBe(1);
    runs.started[1]?.finish();
    expect((await second)?.source).toBe('a');
    expect((await third)?.source).toBe('a');
    // Both asked during one run: one more run covers them.
    expect(runs.started).toHaveLength(2);
  });

  it('stops during a run: the run is aborted and waited for, and nothing runs after', async () => {
    const runs = heldRuns();
    scheduler = new SourceScheduler({
      sources: ['a', 'b', 'c'].map((name) => scheduled(name, 20)),
      run: runs.run,
      logger: silentLogger,
    });
    scheduler.start();
    await until('two runs', () => runs.started.length === 2);
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await stopping;
    expect(stopped).toBe(true);
    expect(runs.started.every((r) => r.signal.aborted)).toBe(true);
    expect(runs.running).toBe(0);
    expect(await scheduler.runNow('a')).toBeUndefined();
    // The queued source never started, and no timer started another.
    expect(runs.started.map((r) => r.source)).toEqual(['a', 'b']);
  });

  it('schedules the next run after a run that failed', async () => {
    const runs = heldRuns();
    scheduler = new SourceScheduler({ sources: [scheduled('a', 20)], run: runs.run, logger: silentLogger });
    scheduler.start();
    await until('the first run', () => runs.started.length === 1);
    runs.started[0]?.fail(new Error('the share is gone'));
    await until('the next run, by the timer', () => runs.started.length === 2);
    runs.started[1]?.finish();
    await until('the run after', () => runs.started.length === 3);
    expect(runs.most).toBe(1);
  });
});
