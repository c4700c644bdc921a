import { describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { slicer } from '../rag/index-build.js';
import type { IndexChange } from '../store/index-changes.js';
import type { FingerprintSeed } from './fingerprint.js';
import {
  type LeakageChunk,
  type LeakageIndex,
  buildLeakageIndex,
  createLeakageIndex,
} from './leakage-index.js';
import {
  LayeredRegistry,
  type RegisteredValue,
  SensitiveRegistry,
  type ValueRegistry,
} from './sensitive-registry.js';

/** What the caches read from the knowledge base: the change log, and documents' values and passages. */
export interface GuardCacheSource {
  contentVersion(): Promise<number>;
  changesSince(version: number, limit: number): Promise<readonly IndexChange[]>;
  /** Every registered sensitive value, a page at a time. */
  sensitivePages(): AsyncIterable<readonly RegisteredValue[]>;
  /** The values registered for these documents, each document's in its order. */
  sensitiveOf(docIds: readonly string[]): Promise<readonly RegisteredValue[]>;
  /** Every passage of a confidential or restricted document, a page at a time. */
  restrictedPages(): AsyncIterable<readonly LeakageChunk[]>;
  /** The confidential or restricted passages of these documents, by document. */
  restrictedOf(docIds: readonly string[]): Promise<ReadonlyMap<string, readonly LeakageChunk[]>>;
}

export interface GuardCacheOptions {
  /**
   * Changed documents held in the overlay before the base is rebuilt. Default 500: the overlay is
   * rebuilt from their values on every change, which stays under a millisecond or two at this size
   * (a few values per document); the base rebuild it triggers runs in slices in the background.
   */
  readonly overlayDocuments?: number;
  /**
   * Removed passages the leakage index keeps (skipped at every lookup, never freed) before it is
   * rebuilt: this many, or a quarter of the live ones if more. Default 5,000.
   */
  readonly removedPassages?: number;
}

/** Log rows read per round while catching up. */
const CHANGES_PER_ROUND = 500;

interface OverlayEntry {
  /** Version of the document's last change seen after the base was read. */
  readonly version: number;
  readonly values: readonly RegisteredValue[];
}

/**
 * The guard's caches of the knowledge base — the sensitive-value registry and the leakage index —
 * kept current from the content change log without a full rebuild on every change. The registry is
 * a large base plus a small overlay: the documents changed since the base was read are masked in
 * the base and their current values held in the overlay, applied in one synchronous step as soon as
 * the change is seen. The leakage index is updated in place (a document's passages out, its current
 * ones in). Now and then (a large overlay, many removed passages, a gap in the log) both are rebuilt
 * from the database in slices that yield to the event loop, one rebuild at a time, and swapped in
 * when done. For a given knowledge state they find exactly what freshly built ones find.
 */
export class GuardCaches {
  private version = -1;
  private base: SensitiveRegistry;
  private overlay = new Map<string, OverlayEntry>();
  private view: ValueRegistry;
  private index: LeakageIndex = createLeakageIndex([]);
  /** The log could not be followed (a gap, an older database): only a rebuild catches up. */
  private stale = false;
  private queue: Promise<unknown> = Promise.resolve();
  private queuedRefresh: Promise<void> | undefined;
  private queuedTarget: number | undefined;
  private rebuilding: Promise<void> | undefined;
  private rebuildAgain = false;
  private readonly overlayDocuments: number;
  private readonly removedPassages: number;

  constructor(
    private readonly seed: FingerprintSeed,
    private readonly source: GuardCacheSource,
    private readonly logger: Logger,
    options: GuardCacheOptions = {},
  ) {
    this.base = new SensitiveRegistry(seed, []);
    this.view = this.base;
    this.overlayDocuments = options.overlayDocuments ?? 500;
    this.removedPassages = options.removedPassages ?? 5_000;
  }

  /** The registry as of the last refresh. */
  get registry(): ValueRegistry {
    return this.view;
  }

  /** The leakage index as of the last refresh. */
  get leakage(): LeakageIndex {
    return this.index;
  }

  /** The content version the caches reflect (-1 before the first build). */
  get contentVersion(): number {
    return this.version;
  }

  /**
   * Applies the changes logged since the last refresh (up to `target` when the caller has just read
   * the content version). Refreshes run one at a time; calls made while one waits share it.
   */
  refresh(target?: number): Promise<void> {
    if (this.queuedRefresh) {
      // Sharing a waiting refresh: it reads the version itself unless every caller gave the same one.
      if (target !== this.queuedTarget) this.queuedTarget = undefined;
      return this.queuedRefresh;
    }
    this.queuedTarget = target;
    const run = this.serial(() => {
      this.queuedRefresh = undefined;
      return this.catchUp(this.queuedTarget);
    });
    this.queuedRefresh = run;
    return run;
  }

  /**
   * Rebuilds both caches from the database in slices and swaps them in; joins the rebuild in
   * progress if there is one (and runs one more after it, which reads what it may have missed).
   */
  rebuild(): Promise<void> {
    if (this.rebuilding) {
      this.rebuildAgain = true;
      return this.rebuilding;
    }
    const run = async () => {
      do {
        this.rebuildAgain = false;
        try {
          await this.rebuildOnce();
        } catch (error) {
          // The current caches stay in use; the next refresh asks again if it still needs one.
          this.logger('warn', 'guardrails.rebuild_failed', { error: describeError(error) });
          return;
        }
      } while (this.rebuildAgain);
    };
    this.rebuilding = run().finally(() => {
      this.rebuilding = undefined;
    });
    return this.rebuilding;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async catchUp(target?: number): Promise<void> {
    const goal = target ?? (await this.source.contentVersion());
    if (this.stale || goal < this.version) {
      this.stale = true;
      this.requestRebuild();
      return;
    }
    let version = this.version;
    const docs = new Map<string, number>();
    while (version < goal) {
      const changes = await this.source.changesSince(version, CHANGES_PER_ROUND);
      if (changes.length === 0 || changes[0]!.version !== version + 1) {
        this.logger('warn', 'guardrails.change_log_gap', { from: version, to: goal });
        this.stale = true;
        this.requestRebuild();
        return;
      }
      for (const change of changes)
        if (change.docId !== null && change.kind !== 'embeddings') docs.set(change.docId, change.version);
      version = changes[changes.length - 1]!.version;
    }
    if (docs.size > 0) await this.apply(docs);
    this.version = version;
    const index = this.index;
    if (
      this.overlay.size > this.overlayDocuments ||
      index.removed > Math.max(this.removedPassages, index.size / 4)
    )
      this.requestRebuild();
  }

  /** Starts a rebuild in the background unless one is running (it will be followed by the log after). */
  private requestRebuild(): void {
    if (!this.rebuilding) void this.rebuild();
  }

  /** Reads the documents' current values and passages, then puts them in at once. */
  private async apply(docs: ReadonlyMap<string, number>): Promise<void> {
    const ids = [...docs.keys()];
    const [values, passages] = await Promise.all([
      this.source.sensitiveOf(ids),
      this.source.restrictedOf(ids),
    ]);
    const byDocument = groupByDocument(values);
    for (const [docId, version] of docs) {
      this.overlay.set(docId, { version, values: byDocument.get(docId) ?? [] });
      this.index.replaceDocument(docId, passages.get(docId) ?? []);
    }
    this.view = this.layered();
  }

  private layered(): ValueRegistry {
    if (this.overlay.size === 0) return this.base;
    const overlay = new SensitiveRegistry(
      this.seed,
      [...this.overlay.values()].flatMap((e) => e.values),
    );
    return new LayeredRegistry(this.base, new Set(this.overlay.keys()), overlay);
  }

  private async rebuildOnce(): Promise<void> {
    const started = performance.now();
    const version = await this.source.contentVersion();
    const breathe = slicer();
    const values: RegisteredValue[] = [];
    for await (const page of this.source.sensitivePages()) {
      for (const value of page) values.push(value);
      await breathe();
    }
    const base = await SensitiveRegistry.build(this.seed, values, breathe);
    const index = await buildLeakageIndex(this.source.restrictedPages(), breathe);
    await this.serial(async () => {
      // Documents changed after the base was read (as far as the log has been followed) stay in the overlay.
      const later = new Map(
        [...this.overlay].filter(([, e]) => e.version > version).map(([d, e]) => [d, e.version]),
      );
      const ids = [...later.keys()];
      const [current, passages] = await Promise.all([
        this.source.sensitiveOf(ids),
        this.source.restrictedOf(ids),
      ]);
      const byDocument = groupByDocument(current);
      this.base = base;
      this.index = index;
      this.overlay = new Map();
      for (const [docId, changed] of later) {
        this.overlay.set(docId, { version: changed, values: byDocument.get(docId) ?? [] });
        index.replaceDocument(docId, passages.get(docId) ?? []);
      }
      this.view = this.layered();
      if (this.stale || this.version < version) this.version = version;
      this.stale = false;
    });
    this.logger('info', 'guardrails.caches_rebuilt', {
      version,
      values: base.size,
      passages: index.size,
      ms: Math.round(performance.now() - started),
    });
  }
}

function groupByDocument(values: readonly RegisteredValue[]): Map<string, RegisteredValue[]> {
  const out = new Map<string, RegisteredValue[]>();
  for (const value of values) {
    const list = out.get(value.docId);
    if (list) list.push(value);
    else out.set(value.docId, [value]);
  }
  return out;
}
