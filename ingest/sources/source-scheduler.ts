import { describeError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/log.js';
import type { SourceRunReport } from './run-source.js';
import type { SourceConnector } from './source-types.js';
import type { SourceDefinition } from './sources-file.js';

export interface ScheduledSource {
  readonly definition: SourceDefinition;
  readonly connector: SourceConnector;
}

export interface SourceSchedulerOptions {
  readonly sources: readonly ScheduledSource[];
  /** Runs one source once (the lease decides which replica actually syncs it). */
  readonly run: (source: ScheduledSource, signal: AbortSignal) => Promise<SourceRunReport>;
  readonly logger: Logger;
  /** Runs at once across all sources; the others wait their turn in the order they were asked. */
  readonly maxConcurrentRuns?: number;
}

/**
 * Default runs at once. Listing waits on the network or the disk, but loading, chunking and
 * embedding what changed run on this process's event loop, which also answers questions: two runs
 * keep a slow source from holding the others back without crowding it. A judgement, not measured.
 */
export const DEFAULT_CONCURRENT_RUNS = 2;

interface Slot {
  readonly source: ScheduledSource;
  running?: Promise<SourceRunReport | undefined> | undefined;
  /** The run under way has its turn (it is not waiting for one). */
  started: boolean;
  /** Another run was asked for while one ran: it starts when that one ends. */
  again: boolean;
  timer?: NodeJS.Timeout | undefined;
  nextRunAt?: number | undefined;
  stopWatching?: (() => void) | undefined;
}

/**
 * Runs each source on its schedule (`every`), at start, and soon after its connector reports a
 * change (a folder's watcher). Never two runs of one source at once in this process: a run asked for
 * meanwhile follows the one under way (a run still waiting for its turn covers it). At most
 * `maxConcurrentRuns` run at once, in the order asked. `stop` aborts runs in flight and waits for them.
 */
export class SourceScheduler {
  private readonly slots = new Map<string, Slot>();
  private readonly abort = new AbortController();
  private started = false;
  private active = 0;
  /** Runs waiting for a turn, first asked first. */
  private readonly waiting: (() => void)[] = [];
  private readonly maxRuns: number;

  constructor(private readonly options: SourceSchedulerOptions) {
    for (const source of options.sources)
      this.slots.set(source.definition.name, { source, again: false, started: false });
    this.maxRuns = Math.max(1, options.maxConcurrentRuns ?? DEFAULT_CONCURRENT_RUNS);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const slot of this.slots.values()) {
      slot.stopWatching = slot.source.connector.watch?.(() => void this.runNow(slot.source.definition.name));
      void this.runNow(slot.source.definition.name);
    }
  }

  /** Names of the sources, in the file's order. */
  get names(): string[] {
    return [...this.slots.keys()];
  }

  /** When the next scheduled run starts (ms since the epoch); undefined while one runs. */
  nextRunAt(name: string): number | undefined {
    const slot = this.slots.get(name);
    return slot && !slot.running ? slot.nextRunAt : undefined;
  }

  isRunning(name: string): boolean {
    return Boolean(this.slots.get(name)?.running);
  }

  /**
   * Runs the source now, or right after the run under way; resolves with the run's report
   * (undefined once stopped). Unknown names resolve to undefined.
   */
  runNow(name: string): Promise<SourceRunReport | undefined> {
    const slot = this.slots.get(name);
    if (!slot || this.abort.signal.aborted) return Promise.resolve(undefined);
    if (slot.running && !slot.started) return slot.running;
    if (slot.running) {
      slot.again = true;
      return slot.running.then(() => slot.running ?? undefined);
    }
    clearTimeout(slot.timer);
    slot.running = this.runSlot(slot);
    return slot.running;
  }

  private async runSlot(slot: Slot): Promise<SourceRunReport | undefined> {
    const { definition } = slot.source;
    let report: SourceRunReport | undefined;
    await this.turn();
    slot.started = true;
    try {
      if (this.abort.signal.aborted) throw this.abort.signal.reason;
      report = await this.options.run(slot.source, this.abort.signal);
      this.options.logger(
        report.status === 'ok' || report.status === 'busy' ? 'info' : 'warn',
        'source.synced',
        {
          source: definition.name,
          status: report.status,
          added: report.added.length,
          updated: report.updated.length,
          moved: report.moved.length,
          removed: report.removed.length,
          unchanged: report.unchanged,
          failed: report.failed.length,
          seconds: report.seconds,
        },
      );
    } catch (error) {
      if (!this.abort.signal.aborted)
        this.options.logger('warn', 'source.run_failed', {
          source: definition.name,
          error: describeError(error),
        });
    } finally {
      slot.started = false;
      this.release();
    }
    if (this.abort.signal.aborted) {
      slot.running = undefined;
      return report;
    }
    if (slot.again) {
      slot.again = false;
      slot.running = this.runSlot(slot);
      return report;
    }
    slot.running = undefined;
    slot.nextRunAt = Date.now() + definition.everyMs;
    slot.timer = setTimeout(() => void this.runNow(definition.name), definition.everyMs);
    slot.timer.unref();
    return report;
  }

  /** Resolves when a run may start: at once below the limit, else when one ends (first asked, first served). */
  private turn(): Promise<void> {
    if (this.active < this.maxRuns && this.waiting.length === 0) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands a finished run's turn to the first waiting, if any. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  /** Stops the timers and watchers, aborts the runs under way and waits for them to end. */
  async stop(): Promise<void> {
    this.abort.abort(new Error('stopping'));
    // Waiting runs take their turn, see the abort and end without running.
    for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
      this.active++;
      next();
    }
    const running: Promise<unknown>[] = [];
    for (const slot of this.slots.values()) {
      clearTimeout(slot.timer);
      slot.stopWatching?.();
      if (slot.running) running.push(slot.running.catch(() => {}));
    }
    await Promise.all(running);
  }
}
