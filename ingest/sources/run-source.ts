import { createHash } from 'node:crypto';
import { intersectAudiences, stricterClassification } from '../../src/core/access.js';
import { IngestError, describeError } from '../../src/core/errors.js';
import type { SourceRepository, StoredItem } from '../../src/store/source-repository.js';
import { accessKey } from '../../src/store/source-repository.js';
import { formatBytes } from '../content-limits.js';
import { type LoadedDocument, loadBytes } from '../load-file.js';
import { type SyncDeps, storeDocument } from '../sync.js';
import { connectorFactories } from './connectors.js';
import type { SourceDefinition } from './sources-file.js';
import type { SourceConnector, SourceItem } from './source-types.js';

export interface RunSourceDeps {
  readonly sync: SyncDeps;
  readonly sources: SourceRepository;
  /** MAX_FILE_BYTES: a larger item fails (and keeps its old version). */
  readonly maxFileBytes: number;
  /** Who holds the lease while this runs (`host:pid`). */
  readonly holder: string;
  /** How long a lease lasts without renewal; renewed every third of it while the run goes on. */
  readonly leaseMs?: number | undefined;
}

/** What one run of one source did. Lists name documents by their `source`. */
export interface SourceRunReport {
  readonly source: string;
  /** `busy`: another process holds the source's lease and is running it. */
  readonly status: 'ok' | 'partial' | 'failed' | 'busy';
  readonly added: string[];
  readonly updated: string[];
  readonly unchanged: number;
  readonly removed: string[];
  /** Renamed or moved items whose content did not change: not embedded again. */
  readonly moved: { from: string; to: string }[];
  readonly failed: { item: string; reason: string }[];
  /** Listed but not taken (unsupported types): reported, not failures. */
  readonly skipped: { item: string; reason: string }[];
  readonly sensitive: { file: string; findings: Record<string, number> }[];
  /** Why the whole run failed (listing failed, lease lost), without secrets. */
  readonly error?: string | undefined;
  readonly seconds: number;
}

/** Default lease: long enough for a slow listing between renewals, short enough to take over soon. */
export const DEFAULT_LEASE_MS = 60_000;

/**
 * Runs one source once: lists what changed since its cursor, stores new and changed items through
 * the same path as `polydesk ingest` (at-rest scan, injection flag, embeddings, index change log),
 * moves renamed ones without embedding them again, removes deleted ones, and records the run. An
 * item that fails keeps its old version and is tried again next run; the cursor moves on only after
 * a run in which nothing failed. Only the holder of the source's lease runs it.
 */
export async function runSource(
  deps: RunSourceDeps,
  definition: SourceDefinition,
  connector: SourceConnector,
  signal?: AbortSignal,
): Promise<SourceRunReport> {
  const started = performance.now();
  const report = {
    source: definition.name,
    added: [] as string[],
    updated: [] as string[],
    unchanged: 0,
    removed: [] as string[],
    moved: [] as { from: string; to: string }[],
    failed: [] as { item: string; reason: string }[],
    skipped: [] as { item: string; reason: string }[],
    sensitive: [] as { file: string; findings: Record<string, number> }[],
  };
  const seconds = () => Number(((performance.now() - started) / 1000).toFixed(3));
  const { sources } = deps;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  if (!(await sources.acquireLease(definition.name, deps.holder, leaseMs)))
    return { ...report, status: 'busy', seconds: seconds() };
  const lost = new AbortController();
  // Held until then for sure; a renewal that fails (the database unreachable) is retried at the next
  // tick, and once this time has passed another replica may have taken the source over: stop.
  let heldUntil = Date.now() + leaseMs;
  const renew = setInterval(() => {
    if (Date.now() >= heldUntil) lost.abort(new Error('the lease could not be renewed in time'));
    const asked = Date.now();
    sources.acquireLease(definition.name, deps.holder, leaseMs).then(
      (held) => {
        if (held) heldUntil = asked + leaseMs;
        else lost.abort(new Error('the lease was lost to another process'));
      },
      () => {},
    );
  }, leaseMs / 3);
  renew.unref();
  const runSignal = signal ? AbortSignal.any([signal, lost.signal]) : lost.signal;
  const redact = secretRedactor(definition);
  try {
    await sources.begin(definition.name);
    let cursorCommitted: { value: string | undefined } | undefined;
    let error: string | undefined;
    try {
      const changes = await connector.listChanges((await sources.state(definition.name))?.cursor, runSignal);
      const stored = await sources.items(definition.name);
      const retryable = await applyChanges(deps, definition, changes, stored, report, runSignal, redact);
      // Items that failed for their content (a corrupt file, one over the size limit) fail again
      // until they change at the source, which lists them again: the cursor moves on past them.
      // Any other failure (a download cut off) keeps the cursor, so the next run offers them again.
      if (retryable === 0) cursorCommitted = { value: changes.cursor };
    } catch (caught) {
      error = redact(runSignal.aborted ? describeError(runSignal.reason) : describeError(caught));
      deps.sync.logger('warn', 'source.run_failed', { source: definition.name, error });
    }
    const status = error ? 'failed' : report.failed.length > 0 ? 'partial' : 'ok';
    await sources.finish(
      definition.name,
      {
        status,
        added: report.added.length,
        updated: report.updated.length + report.moved.length,
        unchanged: report.unchanged,
        removed: report.removed.length,
        failed: report.failed.length,
        cursor: cursorCommitted,
        error: error ?? report.failed[0]?.reason,
      },
      deps.holder,
    );
    return { ...report, status, error, seconds: seconds() };
  } finally {
    clearInterval(renew);
    await sources.releaseLease(definition.name, deps.holder).catch(() => {});
  }
}

type Report = Omit<SourceRunReport, 'status' | 'error' | 'seconds' | 'unchanged'> & { unchanged: number };

async function applyChanges(
  deps: RunSourceDeps,
  definition: SourceDefinition,
  changes: Awaited<ReturnType<SourceConnector['listChanges']>>,
  stored: Map<string, StoredItem>,
  report: Report,
  signal: AbortSignal,
  redact: (text: string) => string,
): Promise<number> {
  // A folder that lists nothing may be a share that is not mounted (an empty mount point reads
  // fine). A service's empty listing is an answer it gave (a space where every page is now
  // restricted to nobody must empty the source), and its errors fail the listing on their own.
  if (isFileSystem(definition) && changes.complete && changes.items.length === 0 && !definition.allowEmpty) {
    const held = [...stored.values()].filter((item) => item.documentExists).length;
    if (held > 0)
      throw new Error(
        `the source listed nothing, and it holds ${held} document${held === 1 ? '' : 's'}: they are kept ` +
          '(an unmounted share or a lost permission looks like an empty source). If the source is empty on ' +
          'purpose, set "allowEmpty: true" on it in SOURCES_FILE',
      );
  }
  let retryable = 0;
  const listed = new Set(changes.items.map((i) => i.key));
  for (const s of changes.skipped ?? []) report.skipped.push({ item: s.source, reason: s.reason });
  // Gone at the source: everything not listed in a complete listing, else what the listing says.
  // A stored item that is now skipped (renamed at the source to a type no loader reads) is gone too.
  const skippedKeys = (changes.skipped ?? []).map((s) => s.key);
  const goneKeys = changes.complete
    ? [...stored.keys()].filter((key) => !listed.has(key))
    : [...new Set([...changes.deleted, ...skippedKeys])].filter((key) => stored.has(key) && !listed.has(key));
  /** Gone items by content hash: a new item with the same content is the same document, moved. */
  const vanished = new Map<string, StoredItem[]>();
  for (const key of goneKeys) {
    const item = stored.get(key) as StoredItem;
    if (!item.documentExists) continue;
    vanished.set(item.contentHash, [...(vanished.get(item.contentHash) ?? []), item]);
  }
  for (const item of changes.items) {
    signal.throwIfAborted();
    const access = accessKey({
      audience: item.audience ?? definition.audience,
      classification: item.classification ?? definition.classification,
    });
    const previous = stored.get(item.key);
    if (
      previous?.documentExists &&
      previous.version === item.version &&
      previous.access === access &&
      previous.docSource === item.source
    ) {
      report.unchanged += 1;
      continue;
    }
    try {
      await syncItem(deps, definition, item, access, previous, vanished, report, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      const reason = redact(
        error instanceof IngestError ? error.message : `unexpected error: ${describeError(error)}`,
      );
      report.failed.push({ item: item.source, reason });
      if (!(error instanceof IngestError)) retryable += 1;
      deps.sync.logger('warn', 'source.item_failed', { source: definition.name, item: item.source, reason });
    }
  }
  for (const items of vanished.values()) {
    for (const gone of items) {
      signal.throwIfAborted();
      const removedIds = await deps.sync.documents.delete(gone.docId);
      await deps.sync.index.apply(removedIds, []);
      await deps.sources.removeItem(definition.name, gone.key);
      report.removed.push(gone.docSource);
    }
  }
  // Gone items whose documents were already deleted elsewhere: only their records are left.
  for (const key of goneKeys) {
    const item = stored.get(key) as StoredItem;
    if (!item.documentExists) await deps.sources.removeItem(definition.name, key);
  }
  return retryable;
}

async function syncItem(
  deps: RunSourceDeps,
  definition: SourceDefinition,
  item: SourceItem,
  access: string,
  previous: StoredItem | undefined,
  vanished: Map<string, StoredItem[]>,
  report: Report,
  signal: AbortSignal,
): Promise<void> {
  const bytes = await item.fetch(signal);
  if (bytes.byteLength > deps.maxFileBytes)
    throw new IngestError(
      item.source,
      `file is ${formatBytes(bytes.byteLength)}, over the size limit of ${formatBytes(deps.maxFileBytes)} (MAX_FILE_MB)`,
    );
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const contentHash = createHash('sha256').update(buffer).digest('hex');
  const record = { key: item.key, docSource: item.source, version: item.version, contentHash, access };
  const requested = JSON.parse(access) as {
    audience: string[];
    classification: SourceDefinition['classification'];
  };
  const load = () =>
    loadBytes(item.name, buffer, deps.sync.limits).then((doc) =>
      atSource(doc, {
        item,
        // A folder's publisher owns its files, and their front matter decides as in `polydesk
        // ingest`; elsewhere what the source allows (the item's permissions, else the source's
        // audience) is the most the file's own front matter may claim.
        ceiling: item.audience ?? (isFileSystem(definition) ? undefined : requested.audience),
        classification: requested.classification,
      }),
    );

  // Same content as stored: record the new version, and a new source or access if they changed.
  const same =
    previous?.documentExists && previous.contentHash === contentHash
      ? previous
      : previous
        ? undefined
        : takeVanished(vanished, contentHash);
  if (same) {
    if (same.key !== item.key || same.docSource !== item.source) {
      const clash = await deps.sync.documents.getBySource(item.source);
      if (clash && clash.id !== same.docId)
        throw new IngestError(item.source, 'another document is already stored under this name');
      await deps.sources.moveItem(definition.name, same.key, { ...record, docId: same.docId });
      report.moved.push({ from: same.docSource, to: item.source });
    } else {
      await deps.sources.saveItem(definition.name, { ...record, docId: same.docId });
      if (same.access === access) report.unchanged += 1;
    }
    if (same.access !== access) {
      const doc = await load();
      await deps.sources.changeAccess(same.docId, {
        audience: doc.audience ?? requested.audience,
        classification: doc.classification ?? requested.classification,
      });
      await deps.sync.index.apply([], []);
      if (same.key === item.key) report.updated.push(item.source);
    }
    return;
  }

  // A document under this name that this source does not hold yet: another source's is refused; one
  // stored by `polydesk ingest` or an upload is adopted (and kept as it is when its content is the same).
  if (!previous) {
    const owner = await deps.sources.ownerOf(item.source);
    if (owner && owner.sourceName !== definition.name)
      throw new IngestError(item.source, `already synced by source "${owner.sourceName}"`);
  }
  const doc = await load();
  const existing = await deps.sync.documents.getBySource(item.source);
  if (!previous && existing && existing.contentHash === contentHash) {
    const wanted = {
      audience: doc.audience ?? requested.audience,
      classification: doc.classification ?? requested.classification,
    };
    if (accessKey(wanted) !== accessKey(existing)) {
      await deps.sources.changeAccess(existing.id, wanted);
      await deps.sync.index.apply([], []);
    }
    await deps.sources.saveItem(definition.name, { ...record, docId: existing.id });
    report.updated.push(item.source);
    return;
  }
  const stored = await storeDocument(deps.sync, {
    source: item.source,
    doc,
    contentHash,
    audience: requested.audience,
    classification: requested.classification,
  });
  await deps.sources.saveItem(definition.name, { ...record, docId: stored.id });
  // The same key under another name, with other content: the old document goes.
  if (previous && previous.docId !== stored.id) {
    const removedIds = await deps.sync.documents.delete(previous.docId);
    await deps.sync.index.apply(removedIds, []);
  }
  (stored.created && !previous ? report.added : report.updated).push(item.source);
  if (Object.keys(stored.sensitive).length > 0)
    report.sensitive.push({ file: item.source, findings: stored.sensitive });
}

/**
 * The loaded document with what the source says of it: its title, its place (headings above), its
 * link. Under a `ceiling` (what the source allows), the file's own front matter may narrow it (fewer
 * groups, a stricter classification) but never widen it: whoever may edit a Markdown file at the
 * source must not be able to open it in PolyDesk to people the source keeps it from.
 */
function atSource(
  doc: LoadedDocument,
  at: {
    readonly item: SourceItem;
    readonly ceiling: readonly string[] | undefined;
    readonly classification: SourceDefinition['classification'];
  },
): LoadedDocument {
  const { item, classification } = at;
  const above = item.headingPath ?? [];
  const mapped = at.ceiling;
  return {
    ...doc,
    ...(mapped && {
      audience: doc.audience ? intersectAudiences(doc.audience, mapped) : [...mapped],
    }),
    ...(mapped &&
      doc.classification && {
        classification: stricterClassification(doc.classification, classification),
      }),
    title: item.title ?? doc.title,
    url: doc.url ?? item.url,
    sections:
      above.length > 0
        ? doc.sections.map((s) => ({ ...s, headingPath: [...above, ...s.headingPath] }))
        : doc.sections,
  };
}

function takeVanished(vanished: Map<string, StoredItem[]>, contentHash: string): StoredItem | undefined {
  const candidates = vanished.get(contentHash);
  const taken = candidates?.shift();
  if (candidates && candidates.length === 0) vanished.delete(contentHash);
  return taken;
}

/** Masks the values of the source's credentials in a message that may quote a server's reply. */
function secretRedactor(definition: SourceDefinition): (text: string) => string {
  const secrets = Object.values(definition.env).filter((v) => v.length >= 4);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text.slice(0, 2000));
}

/** Whether the source is a file system its publisher owns (see `ConnectorFactory.fileSystem`). */
function isFileSystem(definition: SourceDefinition): boolean {
  return (
    Object.hasOwn(connectorFactories, definition.type) &&
    connectorFactories[definition.type]?.fileSystem === true
  );
}
