import { describe, expect, it } from 'vitest';
import { FairQueue } from '../../src/reliability/fair-queue.js';

/** A task that runs until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, task: () => opened };
}

describe('fair answer queue', () => {
  it('takes turns between askers, so one person pasting many questions does not starve the others', async () => {
    const queue = new FairQueue({ concurrency: 1, maxQueued: 100 });
    const order: string[] = [];
    const first = gate();
    const running = queue.run('busy@corp', first.task);
    const runs: Promise<boolean>[] = [];
    for (let i = 1; i <= 10; i++) runs.push(queue.run('busy@corp', async () => void order.push(`busy${i}`)));
    runs.push(queue.run('alice@corp', async () => void order.push('alice')));
    runs.push(queue.run('bob@corp', async () => void order.push('bob')));
    first.open();
    expect(await Promise.all([running, ...runs])).toEqual(Array(13).fill(true));
    expect(order.slice(0, 3)).toEqual(['busy1', 'alice', 'bob']);
    expect(order.slice(3)).toEqual([
      'busy2',
      'busy3',
      'busy4',
      'busy5',
      'busy6',
      'busy7',
      'busy8',
      'busy9',
      'busy10',
    ]);
  });

  it('refuses at once when full, and says it is saturated until a slot frees up', async () => {
    const queue = new FairQueue({ concurrency: 2, maxQueued: 1 });
    const gates = [gate(), gate(), gate()];
    const running = gates.map((g, i) => queue.run(`user${i}`, g.task));
    expect(queue.saturated).toBe(true);
    expect(await queue.run('late@corp', async () => {})).toBe(false);
    gates[0]!.open();
    await running[0];
    expect(queue.saturated).toBe(false);
    for (const g of gates) g.open();
    expect(await Promise.all(running)).toEqual([true, true, true]);
    expect(queue.active).toBe(0);
  });

  it('drops a waiting question whose asker went away, without losing its slot', async () => {
    const queue = new FairQueue({ concurrency: 1, maxQueued: 5 });
    const first = gate();
    const running = queue.run('a@corp', first.task);
    const controller = new AbortController();
    let ran = false;
    const waiting = queue.run(
      'b@corp',
      async () => {
        ran = true;
      },
      controller.signal,
    );
    const next = queue.run('c@corp', async () => {});
    controller.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
    expect(queue.queued).toBe(1);
    first.open();
    expect(await Promise.all([running, next])).toEqual([true, true]);
    expect(ran).toBe(false);
  });

  it('passes a failing task’s error to its caller and keeps serving the others', async () => {
    const queue = new FairQueue({ concurrency: 1, maxQueued: 5 });
    const failing = queue.run('a@corp', async () => {
      throw new Error('boom');
    });
    const after = queue.run('b@corp', async () => {});
    await expect(failing).rejects.toThrow('boom');
    expect(await after).toBe(true);
  });
});
