import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { intersectAudiences } from '../../src/core/access.js';
import { ConfigError } from '../../src/core/errors.js';
import { GraphClient, GraphError } from '../../src/core/graph-client.js';
import { isLoopbackHost, normalizeHttpUrl } from '../../src/core/http-url.js';
import { listingRule } from '../sync.js';
import type { ConnectorDeps, ConnectorFactory } from './connectors.js';
import { audienceFromPermissions, type GraphPermission } from './sharepoint-permissions.js';
import { type SharePointSettings, sharePointSettings } from './sharepoint-settings.js';
import type { SourceChanges, SourceConnector, SourceItem } from './source-types.js';

/** Items one source may list (all libraries together): a listing past it fails, the stored documents stay. */
export const MAX_SHAREPOINT_ITEMS = 200_000;
/** Items whose permissions are read at once (Graph throttles an app that sends many requests in parallel). */
const PERMISSION_CONCURRENCY = 8;
/** The settings that decide what is listed and who may read it: a change gives a complete listing. */
const DECISIVE_SETTINGS = [
  'groups',
  'anyoneLinks',
  'unmappedGroups',
  'folder',
  'libraries',
  'driveId',
  'user',
  'siteId',
  'hostname',
  'sitePath',
] as const satisfies readonly (keyof SharePointSettings)[];
/** The fields of a folder's children that a walk reads. */
const CHILD_FIELDS = 'id,name,eTag,cTag,webUrl,size,lastModifiedDateTime,file,folder,package,parentReference';
/** Folders walked up to decide whether an item is inside `folder`. */
const MAX_FOLDER_DEPTH = 64;

/** The fields of a `driveItem` the connector reads. */
interface DriveItem {
  readonly id: string;
  readonly name?: string;
  readonly eTag?: string;
  readonly cTag?: string;
  readonly webUrl?: string;
  readonly size?: number;
  readonly lastModifiedDateTime?: string;
  readonly file?: object;
  readonly folder?: object;
  readonly root?: object;
  readonly package?: object;
  readonly deleted?: object;
  readonly parentReference?: { readonly id?: string };
}

interface Drive {
  readonly id: string;
  readonly name: string;
}

/**
 * Asks delta to list files whose sharing changed (their content and cTag did not), so that a
 * permission change reaches PolyDesk at the next run rather than at the next complete listing; and to
 * show removed items as deleted. Without `deltashowsharingchanges` Graph leaves such files out.
 */
const DELTA_PREFER = 'deltashowremovedasdeleted, deltatraversepermissiongaps, deltashowsharingchanges';

/**
 * The cursor: each drive's delta link, when the last complete listing ran, and each folder's audience
 * (a digest) as last read: a folder whose audience changed passes the change on to the files below it
 * that inherit it, which delta does not list. (Version 1 had no folders: it gives a complete listing.)
 */
interface Cursor {
  readonly v: 2;
  /**
   * A digest of the settings that decide what is listed and who may read it (`groups`, `folder`,
   * `audience`, ...): after they change, the next run is a complete listing.
   */
  readonly s: string;
  readonly drives: Readonly<Record<string, string>>;
  readonly listedAt: number;
  readonly folders: Readonly<Record<string, Readonly<Record<string, FolderRecord>>>>;
}

/** A folder as last read: its audience's digest and its parent's id. */
interface FolderRecord {
  readonly d: string;
  readonly p?: string | undefined;
}

/**
 * SharePoint Online document libraries or a OneDrive through Microsoft Graph. Lists with each
 * drive's delta query (the delta links are the cursor; an expired one, 410, gives a complete
 * listing); an item's key is `driveId/itemId` (stable across renames and moves), its version the
 * cTag (or eTag) plus a digest of the audience mapped from its permissions, so that a sharing
 * change alone re-stores it.
 */
export class SharePointSource implements SourceConnector {
  readonly type = 'sharepoint';
  private readonly graph: GraphClient;

  constructor(
    private readonly settings: SharePointSettings,
    private readonly deps: ConnectorDeps,
  ) {
    const clientSecret = deps.env[settings.clientSecretEnv];
    if (!clientSecret)
      throw new ConfigError(
        `source ${deps.sourceName}: set ${settings.clientSecretEnv} to the app's client secret`,
      );
    this.graph = new GraphClient({
      tenantId: settings.tenantId,
      clientId: settings.clientId,
      clientSecret,
      graphUrl: settings.graphUrl,
      loginUrl: settings.loginUrl,
      logger: deps.logger,
    });
  }

  async listChanges(cursor: string | undefined, signal?: AbortSignal): Promise<SourceChanges> {
    const drives = await this.drives(signal);
    const previous = parseCursor(cursor);
    const resumable =
      previous !== undefined &&
      Date.now() - previous.listedAt < this.settings.rescanEvery &&
      previous.s === this.settingsDigest() &&
      drives.length === Object.keys(previous.drives).length &&
      drives.every((drive) => previous.drives[drive.id] !== undefined);
    if (resumable) {
      try {
        return await this.list(drives, previous, signal);
      } catch (error) {
        if (!(error instanceof GraphError && error.status === 410)) throw error;
        this.deps.logger('warn', 'source.resync', {
          source: this.deps.sourceName,
          reason: error.graphCode ?? 'gone',
        });
      }
    }
    return this.list(drives, undefined, signal);
  }

  /** What a listing depends on besides the source's contents (see {@link Cursor}). */
  private settingsDigest(): string {
    const decisive = DECISIVE_SETTINGS.map((name) => [name, this.settings[name]]);
    return digestOf([JSON.stringify(decisive), JSON.stringify(this.deps.audience ?? null)]);
  }

  /** The drives this source covers. */
  private async drives(signal: AbortSignal | undefined): Promise<Drive[]> {
    const { settings } = this;
    const one = async (path: string) => {
      const drive = await this.graph.get<Drive>(path, { signal });
      return [{ id: drive.id, name: drive.name }];
    };
    if (settings.driveId) return one(`/drives/${encodeURIComponent(settings.driveId)}`);
    if (settings.user) return one(`/users/${encodeURIComponent(settings.user)}/drive`);
    const siteId =
      settings.siteId ??
      (
        await this.graph.get<{ id: string }>(
          `/sites/${settings.hostname}:${encodePath(settings.sitePath ?? '')}`,
          { signal },
        )
      ).id;
    const site = `/sites/${encodeURIComponent(siteId)}`;
    if (!settings.libraries) return one(`${site}/drive`);
    const all: Drive[] = [];
    for await (const page of this.graph.pages<Drive>(`${site}/drives`, { signal })) all.push(...page.value);
    return settings.libraries.map((name) => {
      const drive = all.find((d) => d.name.toLowerCase() === name.toLowerCase());
      if (!drive)
        throw new ConfigError(
          `source ${this.deps.sourceName}: the site has no document library "${name}" (it has: ${all.map((d) => d.name).join(', ')})`,
        );
      return drive;
    });
  }

  private async list(
    drives: readonly Drive[],
    cursor: Cursor | undefined,
    signal: AbortSignal | undefined,
  ): Promise<SourceChanges> {
    const complete = cursor === undefined;
    const items: SourceItem[] = [];
    const deleted: string[] = [];
    const skipped: { key: string; source: string; reason: string }[] = [];
    const links: Record<string, string> = {};
    const audiences: Record<string, Record<string, FolderRecord>> = {};
    let seen = 0;
    for (const drive of drives) {
      const entries = new Map<string, DriveItem>();
      let deltaLink: string | undefined;
      for await (const page of this.graph.pages<DriveItem>(
        cursor?.drives[drive.id] ?? `/drives/${encodeURIComponent(drive.id)}/root/delta`,
        { signal, headers: { prefer: DELTA_PREFER } },
      )) {
        // The same item may come more than once: the last occurrence is its state.
        for (const entry of page.value) entries.set(entry.id, entry);
        seen += page.value.length;
        if (seen > MAX_SHAREPOINT_ITEMS) throw tooManyItems();
        deltaLink = page['@odata.deltaLink'];
      }
      if (!deltaLink)
        throw new GraphError(`Microsoft Graph gave drive ${drive.id}'s delta no @odata.deltaLink`, 200);
      links[drive.id] = deltaLink;
      const { inside, target, aboveTarget } = await this.folderFilter(drive, entries, signal);
      const targetId = target?.id;
      const candidates = new Map<string, DriveItem>();
      const considered = new Set<string>();
      /** A listed file: a candidate, skipped, or (incremental) no longer listable. */
      const consider = async (entry: DriveItem, listable: boolean) => {
        if (considered.has(entry.id)) return;
        considered.add(entry.id);
        const key = `${drive.id}/${entry.id}`;
        // Not (or no longer) listable: in an incremental listing it may have been stored before.
        const gone = () => {
          if (!complete) deleted.push(key);
        };
        if (!listable) return gone();
        const name = entry.name ?? '';
        const rule = listingRule(name);
        if (rule !== 'load') {
          if (rule !== 'skip') skipped.push({ key, source: entry.webUrl ?? name, reason: rule.unsupported });
          return gone();
        }
        if (entry.size !== undefined && entry.size > this.deps.maxFileBytes) {
          skipped.push({
            key,
            source: entry.webUrl ?? name,
            reason: `larger than MAX_FILE_BYTES (${this.deps.maxFileBytes} bytes)`,
          });
          return gone();
        }
        candidates.set(entry.id, entry);
      };
      const count = () => {
        if (++seen > MAX_SHAREPOINT_ITEMS) throw tooManyItems();
      };
      // Each folder that matters to the source (every folder; with `folder` set, that folder and those
      // inside it) is kept with its audience and its parent. One whose audience or place changed since
      // the last run passes the change on to the files below it, which delta does not list; one that
      // left the source's folder takes its files with it. A folder above the source's folder is not
      // kept: when delta lists one, the source's folder is read again (it may inherit what changed).
      const records: Record<string, FolderRecord> = complete ? {} : { ...cursor.folders[drive.id] };
      const matters = async (entry: DriveItem) =>
        targetId === undefined || entry.id === targetId || (await inside(entry));
      const folders = new Map<string, DriveItem>();
      const movedOut: string[] = [];
      for (const entry of entries.values()) {
        if (entry.deleted) {
          deleted.push(`${drive.id}/${entry.id}`);
          delete records[entry.id];
          continue;
        }
        if (entry.folder || entry.root) {
          if (target && aboveTarget.has(entry.id)) folders.set(target.id, target);
          else if (await matters(entry)) folders.set(entry.id, entry);
          else if (records[entry.id]) {
            delete records[entry.id];
            movedOut.push(entry.id);
          }
        }
        if (!entry.file || entry.root || entry.package) continue;
        await consider(entry, await inside(entry));
      }
      const listedFolders = [...folders.values()];
      const read = await mapConcurrently(listedFolders, PERMISSION_CONCURRENCY, (entry) =>
        this.audienceDigest(drive, entry, signal),
      );
      const changed: DriveItem[] = [];
      listedFolders.forEach((entry, i) => {
        const digest = read[i];
        if (digest === undefined) return; // gone meanwhile
        const record: FolderRecord = { d: digest, p: entry.parentReference?.id };
        const before = records[entry.id];
        if (!complete && (before?.d !== record.d || before?.p !== record.p)) changed.push(entry);
        records[entry.id] = record;
      });
      if (!complete) {
        // Each folder is walked once a run, whichever change reached it first.
        const walked = new Set<string>();
        const walk = async (start: string, startInside: boolean) => {
          let level = [{ id: start, inside: startInside }];
          for (let depth = 0; level.length > 0; depth++) {
            const todo = level.filter((folder) => !walked.has(folder.id));
            for (const folder of todo) walked.add(folder.id);
            // The folders of one depth are listed several at a time.
            const listings = await mapConcurrently(todo, PERMISSION_CONCURRENCY, (folder) =>
              this.children(drive, folder.id, signal),
            );
            const next: { id: string; inside: boolean }[] = [];
            for (const [k, folder] of todo.entries()) {
              const below = listings[k]!;
              const subfolders = depth < MAX_FOLDER_DEPTH ? below.filter((child) => child.folder) : [];
              // A subfolder's audience is read again: it may inherit what just changed.
              const digests = folder.inside
                ? await mapConcurrently(subfolders, PERMISSION_CONCURRENCY, (child) =>
                    this.audienceDigest(drive, child, signal),
                  )
                : [];
              for (const [i, child] of subfolders.entries()) {
                if (!entries.has(child.id)) count();
                const childInside = folder.inside || child.id === targetId;
                const digest = digests[i];
                if (childInside && digest !== undefined) records[child.id] = { d: digest, p: folder.id };
                else if (!childInside) delete records[child.id];
                next.push({ id: child.id, inside: childInside });
              }
              for (const child of below) {
                if (!child.file || child.package || entries.has(child.id)) continue;
                count();
                await consider(child, folder.inside);
              }
            }
            level = next;
          }
        };
        for (const folder of changed) {
          this.deps.logger('info', 'source.folder_changed', {
            source: this.deps.sourceName,
            folder: folder.id,
          });
          await walk(folder.id, true);
        }
        // Moved out of the source's folder: its files are no longer the source's.
        for (const id of movedOut) await walk(id, false);
      }
      audiences[drive.id] = records;
      const mapped = await mapConcurrently([...candidates.values()], PERMISSION_CONCURRENCY, (entry) =>
        this.item(drive, entry, signal),
      );
      for (const item of mapped) if (item) items.push(item);
    }
    const next: Cursor = {
      v: 2,
      s: this.settingsDigest(),
      drives: links,
      listedAt: complete ? Date.now() : (cursor?.listedAt ?? Date.now()),
      folders: audiences,
    };
    return { complete, items, deleted, skipped, cursor: JSON.stringify(next) };
  }

  /** An item's audience at the source, within the source's; undefined when it disappeared meanwhile. */
  private async audienceOf(
    drive: Drive,
    entry: DriveItem,
    signal: AbortSignal | undefined,
  ): Promise<string[] | undefined> {
    const path = itemPath(drive, entry.id);
    const permissions: GraphPermission[] = [];
    try {
      for await (const page of this.graph.pages<GraphPermission>(`${path}/permissions`, {
        signal,
        maxPages: 100,
      }))
        permissions.push(...page.value);
    } catch (error) {
      if (error instanceof GraphError && error.status === 404) return undefined;
      throw error;
    }
    return narrow(
      audienceFromPermissions(permissions, {
        groups: this.settings.groups,
        anyoneLinks: this.settings.anyoneLinks,
        unmappedGroups: this.settings.unmappedGroups,
      }),
      this.deps.audience,
    );
  }

  private async audienceDigest(
    drive: Drive,
    entry: DriveItem,
    signal: AbortSignal | undefined,
  ): Promise<string | undefined> {
    const audience = await this.audienceOf(drive, entry, signal);
    return audience && digestOf(audience);
  }

  /** A folder's children, page by page; none when it was deleted meanwhile. */
  private async children(
    drive: Drive,
    folderId: string,
    signal: AbortSignal | undefined,
  ): Promise<DriveItem[]> {
    const found: DriveItem[] = [];
    try {
      const path = `${itemPath(drive, folderId)}/children?$select=${CHILD_FIELDS}`;
      for await (const page of this.graph.pages<DriveItem>(path, { signal })) found.push(...page.value);
    } catch (error) {
      if (error instanceof GraphError && error.status === 404) return [];
      throw error;
    }
    return found;
  }

  /** One listed file with its audience; undefined when it disappeared meanwhile. */
  private async item(
    drive: Drive,
    entry: DriveItem,
    signal: AbortSignal | undefined,
  ): Promise<SourceItem | undefined> {
    const path = itemPath(drive, entry.id);
    const audience = await this.audienceOf(drive, entry, signal);
    if (!audience) return undefined;
    const digest = digestOf(audience);
    // The eTag first: SharePoint's and OneDrive for Business's delta gives no cTag, a folder's children
    // listing does, and the same file must have the same version whichever listed it.
    const content = entry.eTag ?? entry.cTag ?? `${entry.lastModifiedDateTime ?? ''}:${entry.size ?? ''}`;
    const webUrl =
      citableUrl(entry.webUrl) ?? `${this.settings.graphUrl ?? 'https://graph.microsoft.com/v1.0'}${path}`;
    const maxBytes = this.deps.maxFileBytes;
    return {
      key: `${drive.id}/${entry.id}`,
      source: webUrl,
      name: entry.name ?? entry.id,
      version: `${content}|audience:${digest}`,
      audience,
      url: webUrl,
      fetch: (fetchSignal) => this.graph.download(`${path}/content`, maxBytes, { signal: fetchSignal }),
    };
  }

  /**
   * Whether an item lies inside `folder`: its parents walked up by id (delta gives no paths), from
   * the folders of this listing and, for the others, one request each.
   */
  private async folderFilter(
    drive: Drive,
    entries: ReadonlyMap<string, DriveItem>,
    signal: AbortSignal | undefined,
  ): Promise<{
    inside: (entry: DriveItem) => Promise<boolean>;
    /** The source's `folder`, when one is set. */
    target: DriveItem | undefined;
    /** The folders above `folder`, up to the library's root. */
    aboveTarget: ReadonlySet<string>;
  }> {
    const folder = this.settings.folder?.replace(/^\/+|\/+$/g, '');
    if (!folder) return { inside: async () => true, target: undefined, aboveTarget: new Set() };
    const drivePath = `/drives/${encodeURIComponent(drive.id)}`;
    const target = await this.graph.get<DriveItem>(`${drivePath}/root:${encodePath(`/${folder}`)}:`, {
      signal,
    });
    const parents = new Map<string, string | undefined>();
    for (const entry of entries.values())
      if (entry.folder) parents.set(entry.id, entry.root ? undefined : entry.parentReference?.id);
    const parentOf = async (id: string): Promise<string | undefined> => {
      if (!parents.has(id)) {
        const item = await this.graph.get<DriveItem>(
          `${drivePath}/items/${encodeURIComponent(id)}?$select=id,root,parentReference`,
          { signal },
        );
        parents.set(id, item.root ? undefined : item.parentReference?.id);
      }
      return parents.get(id);
    };
    const inside = async (entry: DriveItem) => {
      let id = entry.parentReference?.id;
      for (let depth = 0; id !== undefined && depth < MAX_FOLDER_DEPTH; depth++) {
        if (id === target.id) return true;
        id = await parentOf(id);
      }
      return false;
    };
    const aboveTarget = new Set<string>();
    let above = target.root ? undefined : target.parentReference?.id;
    for (let depth = 0; above !== undefined && depth < MAX_FOLDER_DEPTH; depth++) {
      aboveTarget.add(above);
      above = await parentOf(above);
    }
    return { inside, target, aboveTarget };
  }
}

/**
 * The item's audience within the source's: the source's `audience` (when it is not everyone) is the
 * most an item may reach, so an item shared with everyone gets the source's groups, and one shared
 * with groups keeps those of them the source names.
 */
function narrow(item: readonly string[], source: readonly string[] | undefined): string[] {
  return source ? intersectAudiences(item, source) : [...item];
}

function tooManyItems(): Error {
  return new Error(
    `the source lists more than ${MAX_SHAREPOINT_ITEMS} items: split it into several sources (by library or folder)`,
  );
}

/** An item's Graph path. */
function itemPath(drive: Drive, itemId: string): string {
  return `/drives/${encodeURIComponent(drive.id)}/items/${encodeURIComponent(itemId)}`;
}

/** A short digest of an audience, part of a file's version and a folder's record. */
function digestOf(audience: readonly string[]): string {
  return createHash('sha256').update(audience.join('\n')).digest('hex').slice(0, 16);
}

function parseCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(cursor) as Partial<Cursor>;
    if (
      parsed.v !== 2 ||
      typeof parsed.s !== 'string' ||
      typeof parsed.folders !== 'object' ||
      !parsed.folders ||
      typeof parsed.listedAt !== 'number' ||
      typeof parsed.drives !== 'object' ||
      !parsed.drives
    )
      return undefined;
    if (!Object.values(parsed.drives).every((link) => typeof link === 'string')) return undefined;
    return parsed as Cursor;
  } catch {
    return undefined;
  }
}

/** A path with each segment URL-encoded, slashes kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

async function mapConcurrently<T, R>(
  list: readonly T[],
  limit: number,
  fn: (value: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(list.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < list.length; i = next++) out[i] = await fn(list[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
  return out;
}

export const sharePointConnector: ConnectorFactory<SharePointSettings> = {
  schema: sharePointSettings as unknown as z.ZodType<SharePointSettings, z.ZodTypeDef, unknown>,
  create: (settings, deps) => new SharePointSource(settings, deps),
};

/**
 * An item's `webUrl` as PolyDesk may store and cite it: normalised (no credentials, `|` encoded),
 * https only, http only to a loopback host (a test server); undefined for anything else (Graph
 * passes on what the site gives, and a document's source is shown as a link).
 */
function citableUrl(value: string | null | undefined): string | undefined {
  const url = value ? normalizeHttpUrl(value) : undefined;
  if (!url) return undefined;
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || isLoopbackHost(hostname) ? url : undefined;
}
