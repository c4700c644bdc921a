import { type FSWatcher, type Stats, watch as watchFs } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readSource } from '../load-file.js';
import { listingRule, sourceName } from '../sync.js';
import type { ConnectorDeps, ConnectorFactory } from './connectors.js';
import { durationSetting } from './duration.js';
import type { SourceChanges, SourceConnector, SourceItem } from './source-types.js';

/** A folder source's own settings in the sources file. */
const folderSettings = z
  .object({
    /** The folder, absolute or relative to the sources file. */
    path: z.string({ required_error: 'set "path" to the folder to sync' }).trim().min(1).max(4096),
    /** Poll instead of watching file-system events (network shares, where events do not arrive). */
    poll: z.boolean().default(false),
    /** How often polling looks for changes. */
    pollEvery: durationSetting('1s', '10m').default('20s'),
    /** Quiet time after the last file-system event before a sync starts (an editor saves in bursts). */
    debounce: durationSetting('0ms', '5m').default('2s'),
  })
  .strict();

export type FolderSettings = z.infer<typeof folderSettings>;

/**
 * Files one folder source may hold: a listing past it fails (the stored documents stay) rather than
 * making the store and the indexes grow without bound. Far above the 10,000 the benchmark syncs.
 */
export const MAX_FOLDER_FILES = 200_000;

/** How many files are looked at (stat) at once while listing. */
const STAT_CONCURRENCY = 64;

interface Listed {
  readonly abs: string;
  readonly key: string;
  readonly version: string;
}

/**
 * A folder on disk (or a mounted share) as a source. Items are its supported files, by the same
 * rules as `polydesk ingest` (hidden files skipped, unsupported types reported); an item's key is its
 * path inside the folder, its source the path `ingest` would store, its version from its stat (the
 * sync compares content hashes before embedding anything again). Every listing is complete.
 */
export class FolderSource implements SourceConnector {
  readonly type = 'folder';
  private readonly root: string;

  constructor(
    private readonly settings: FolderSettings,
    private readonly deps: ConnectorDeps,
  ) {
    this.root = path.resolve(deps.baseDir, settings.path);
  }

  async listChanges(_cursor: string | undefined, signal?: AbortSignal): Promise<SourceChanges> {
    const { files, skipped } = await this.list(signal);
    const items = files.map((file): SourceItem => {
      const { maxFileBytes } = this.deps;
      return {
        key: file.key,
        source: sourceName(file.abs, this.deps.cwd),
        name: path.basename(file.abs),
        version: file.version,
        fetch: async () => (await readSource(file.abs, { maxBytes: maxFileBytes })).bytes,
      };
    });
    return {
      complete: true,
      items,
      deleted: [],
      skipped: skipped.map((s) => ({ ...s, source: sourceName(s.abs, this.deps.cwd) })),
    };
  }

  /**
   * Calls `onChange` `debounce` after file-system events stop (recursive fs.watch), or after a poll
   * that saw a file's mtime or size change; polls when `poll` is set or when watching fails.
   */
  watch(onChange: () => void): () => void {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined;
    let poller: NodeJS.Timeout | undefined;
    const changed = () => {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, this.settings.debounce);
      timer.unref();
    };
    const startPolling = () => {
      let last: string | undefined;
      let busy = false;
      let failedPolls = 0;
      const tick = async () => {
        if (busy || stopped) return;
        busy = true;
        try {
          const { files } = await this.list();
          const signature = files.map((f) => `${f.key}\u0000${f.version}`).join('\n');
          if (last !== undefined && signature !== last) changed();
          last = signature;
          if (failedPolls > 0)
            this.deps.logger('info', 'source.poll_recovered', { source: this.deps.sourceName, failedPolls });
          failedPolls = 0;
        } catch (error) {
          // Once until a poll succeeds again: a missing share would otherwise log every tick.
          if (failedPolls++ === 0)
            this.deps.logger('warn', 'source.poll_failed', {
              source: this.deps.sourceName,
              reason: (error as { code?: string }).code ?? 'unreadable',
            });
        } finally {
          busy = false;
        }
      };
      void tick();
      poller = setInterval(tick, this.settings.pollEvery);
      poller.unref();
    };
    const fallBack = (error: unknown) => {
      watcher?.close();
      watcher = undefined;
      this.deps.logger('warn', 'source.watch_failed', {
        source: this.deps.sourceName,
        reason: (error as { code?: string }).code ?? 'unknown',
        hint: 'polling instead; set "poll": true for a network share',
      });
      if (!stopped && !poller) startPolling();
    };
    if (this.settings.poll) startPolling();
    else {
      try {
        watcher = watchFs(this.root, { recursive: true, persistent: false }, (_event, name) => {
          const base = name ? path.basename(name.toString()) : '';
          if (!base.startsWith('.')) changed();
        });
        watcher.on('error', fallBack);
      } catch (error) {
        fallBack(error);
      }
    }
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(poller);
      watcher?.close();
    };
  }

  /** The folder's files, walked breadth first, their stats taken a few dozen at a time. */
  private async list(signal?: AbortSignal): Promise<{
    files: Listed[];
    skipped: { key: string; abs: string; reason: string }[];
  }> {
    const candidates: string[] = [];
    const skipped: { key: string; abs: string; reason: string }[] = [];
    const key = (abs: string) => path.relative(this.root, abs).split(path.sep).join('/');
    const folders = [this.root];
    for (let folder = folders.shift(); folder !== undefined; folder = folders.shift()) {
      signal?.throwIfAborted();
      const entries = await readdir(folder, { withFileTypes: true });
      for (const entry of entries) {
        const abs = path.join(folder, entry.name);
        if (entry.name.startsWith('.')) continue;
        if (entry.isDirectory()) folders.push(abs);
        else if (entry.isFile()) {
          const rule = listingRule(entry.name);
          if (rule === 'load') candidates.push(abs);
          else if (rule !== 'skip') skipped.push({ key: key(abs), abs, reason: rule.unsupported });
        }
      }
      if (candidates.length > MAX_FOLDER_FILES)
        throw new Error(
          `the folder holds more than ${MAX_FOLDER_FILES} supported files: split it into several sources`,
        );
    }
    const files: Listed[] = [];
    for (let i = 0; i < candidates.length; i += STAT_CONCURRENCY) {
      signal?.throwIfAborted();
      const batch = candidates.slice(i, i + STAT_CONCURRENCY);
      const stats = await Promise.all(batch.map(statUnlessGone));
      batch.forEach((abs, j) => {
        const info = stats[j];
        // Gone between readdir and stat: not listed, as if the listing had run a moment later.
        if (info?.isFile()) files.push({ abs, key: key(abs), version: fileVersion(info) });
      });
    }
    files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { files, skipped };
  }
}

/**
 * A file's stat, or undefined when it is gone (removed, or its folder replaced by a file). Any other
 * failure (EACCES, EIO, ESTALE on a share) fails the listing: calling such a file gone would remove
 * its document from the answers over a passing fault.
 */
async function statUnlessGone(abs: string): Promise<Stats | undefined> {
  try {
    return await stat(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * What changes when a file's content may have: mtime and size, and also ctime and inode, since a
 * share with a coarse clock (FAT's 2 s, some SMB servers') or a copy that keeps times can change
 * content with neither moving; ctime moves on every write and an editor saving through a new file
 * makes a new inode. A false change costs a read and a hash, never an embedding.
 */
function fileVersion(info: Stats): string {
  return `${info.mtimeMs}:${info.size}:${info.ctimeMs}:${info.ino}`;
}

export const folderConnector: ConnectorFactory<FolderSettings> = {
  fileSystem: true,
  schema: folderSettings,
  create: (settings, deps) => new FolderSource(settings, deps),
};
