import { describe, expect, it } from 'vitest';
import { GeneratorBusyError } from '../../src/core/errors.js';
import { GenerationQueue, type QueuedJob } from '../../src/inference/generation-queue.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('GenerationQueue', () => {
  it('runs batches one at a time in arrival order and refuses at once when full', async () => {
    const batches: string[][] = [];
    const gate = deferred();
    const queue = new GenerationQueue<string, string>({
      maxWaiting: 3,
      maxBatch: 2,
      process: async (batch: readonly QueuedJob<string, string>[]) => {
        batches.push(batch.map((q) => q.job));
        if (batch[0]!.job === 'a') await gate.promise;
        for (const q of batch) q.resolve(q.job.toUpperCase());
      },
    });
    const results = ['a', 'b', 'c', 'd'].map((job) => queue.submit(job));
    await expect(queue.submit('e')).rejects.toBeInstanceOf(GeneratorBusyError);
    expect(queue.size).toBe(4);
    gate.resolve();
    expect(await Promise.all(results)).toEqual(['A', 'B', 'C', 'D']);
    expect(batches).toEqual([['a'], ['b', 'c'], ['d']]);
    expect(queue.size).toBe(0);
  });

  it('lets a waiting request leave when its signal aborts, and frees its place', async () => {
    const gate = deferred();
    const queue = new GenerationQueue<string, string>({
      maxWaiting: 1,
      process: async (batch) => {
        if (batch[0]!.job === 'first') await gate.promise;
        for (const q of batch) q.resolve(q.job);
      },
    });
    const running = queue.submit('first');
    const controller = new AbortController();
    const waiting = queue.submit('never', controller.signal);
    controller.abort(new Error('user left'));
    await expect(waiting).rejects.toThrow('user left');
    const next = queue.submit('next');
    gate.resolve();
    expect(await running).toBe('first');
    expect(await next).toBe('next');
  });

  it('rejects the jobs of a batch that failed', async () => {
    const queue = new GenerationQueue<string, string>({
      maxWaiting: 1,
      process: async () => {
        throw new Error('runtime failed');
      },
    });
    await expect(queue.submit('x')).rejects.toThrow('runtime failed');
  });
});
