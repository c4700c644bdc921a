import { EVERYONE } from '../../src/core/access.js';
import { ConfigError } from '../../src/core/errors.js';
import {
  type GroupMapping,
  type RawReadRestriction,
  type ReadRestriction,
  groupMapping,
  mapRestrictions,
  readRestriction,
} from './confluence-audience.js';
import { ConfluenceClient, ConfluenceError } from './confluence-client.js';
import {
  type ItemContext,
  type ListedPage,
  type RawContent,
  SAFE_ID,
  attachmentItem,
  cleanTitle,
  content,
  digest,
  pageItem,
} from './confluence-items.js';
import { type ConfluenceSettings, confluenceSettings } from './confluence-settings.js';
import type { ConnectorDeps, ConnectorFactory } from './connectors.js';
import type { SourceChanges, SourceConnector, SourceItem } from './source-types.js';

/**
 * Confluence (Cloud or Data Center) spaces as a source, through the v1 REST API both serve.
 *
 * Items: each page (key: its id; its storage-format body turned into an HTML file; its ancestors'
 * titles as the heading path) and, with `attachments`, each attachment of a page whose file type a
 * loader reads (key: its id), with the page's audience. An item's version is Confluence's version
 * number plus a digest of the audience and heading path, so a restriction change or a move is
 * stored again even though Confluence's version did not change.
 *
 * Listings: every `fullListingEvery`-th run (and the first, and after the settings change) is
 * complete: every page's id, version, ancestors and restrictions, without bodies, so the sync
 * removes what is gone. The runs between are incremental: CQL `lastmodified >=` the newest change
 * seen, less a day (CQL reads dates in the API user's time zone, which the API does not tell, and to
 * the minute); what they list again unchanged keeps its version and is not fetched.
 */
export interface ConfluenceSourceOptions {
  /** Most result pages of one listing (100 results each). */
  readonly maxListingPages?: number | undefined;
}

/** Expansions of a page listing: no body, only what decides its version, audience and place. */
const PAGE_EXPAND =
  'version,ancestors,restrictions.read.restrictions.group,restrictions.read.restrictions.user';
const LIMIT = 100;
/** How far before the newest change seen an incremental listing starts (see above). */
const OVERLAP_MS = 24 * 60 * 60 * 1000;
interface Cursor {
  readonly v: 1;
  /** The newest `version.when` seen (ISO). */
  readonly since: string;
  /** Incremental runs since the last complete one. */
  readonly runs: number;
  /** Digest of the settings the listing was made with: a change makes the next listing complete. */
  readonly settings: string;
}

/** One run's memory: restrictions of pages already seen, so each ancestor is asked for once. */
class Run {
  readonly restrictions = new Map<string, ReadRestriction | undefined>();
  readonly pages = new Map<string, ListedPage>();
  newest: string | undefined;

  seen(when: string | undefined): void {
    if (
      when &&
      !Number.isNaN(Date.parse(when)) &&
      (!this.newest || Date.parse(when) > Date.parse(this.newest))
    )
      this.newest = new Date(Date.parse(when)).toISOString();
  }
}

export class ConfluenceSource implements SourceConnector {
  readonly type = 'confluence';
  private readonly client: ConfluenceClient;
  private readonly mapping: GroupMapping;
  private readonly spaceAudience: readonly string[];
  private readonly settingsDigest: string;
  private readonly maxListingPages: number;
  private readonly items: ItemContext;

  constructor(
    private readonly settings: ConfluenceSettings,
    private readonly deps: ConnectorDeps,
    options: ConfluenceSourceOptions = {},
  ) {
    this.client = new ConfluenceClient({
      baseUrl: settings.baseUrl,
      authorization: authorization(settings, deps),
      credentialHint:
        settings.deployment === 'cloud'
          ? `check that ${settings.apiTokenEnv} holds a valid API token of ${settings.email}`
          : `check that ${settings.tokenEnv} holds a valid personal access token that has not expired`,
      logger: deps.logger,
    });
    this.mapping = groupMapping(settings.groups);
    this.spaceAudience = settings.defaultAudience ?? deps.audience ?? [EVERYONE];
    this.settingsDigest = digest([
      this.client.baseUrl.href,
      settings.spaces,
      settings.attachments,
      [...this.mapping.entries()].sort(),
      this.spaceAudience,
    ]);
    this.maxListingPages = options.maxListingPages ?? 2_000;
    this.items = {
      client: this.client,
      maxFileBytes: deps.maxFileBytes,
      defaultAudience: settings.defaultAudience,
    };
  }

  async listChanges(cursor: string | undefined, signal?: AbortSignal): Promise<SourceChanges> {
    const state = this.parseCursor(cursor);
    const complete = !state || state.runs + 1 >= this.settings.fullListingEvery;
    const run = new Run();
    const changes = complete
      ? await this.listComplete(run, signal)
      : await this.listSince(run, state.since, signal);
    const since = run.newest ?? state?.since ?? new Date().toISOString();
    const next: Cursor = { v: 1, since, runs: complete ? 0 : state.runs + 1, settings: this.settingsDigest };
    this.deps.logger('info', 'confluence.listed', {
      source: this.deps.sourceName,
      complete,
      items: changes.items.length,
      deleted: changes.deleted.length,
    });
    return { ...changes, cursor: JSON.stringify(next) };
  }

  /** Every page of the spaces (and their attachments), ids and versions only. */
  private async listComplete(run: Run, signal?: AbortSignal): Promise<SourceChanges> {
    const listed: RawContent[] = [];
    for (const space of this.settings.spaces) {
      await this.checkSpace(space, signal);
      const path = `/rest/api/content?spaceKey=${encodeURIComponent(space)}&type=page&status=current&limit=${LIMIT}&expand=${PAGE_EXPAND}`;
      for await (const results of this.client.pages<unknown>(path, this.maxListingPages, signal))
        for (const result of results) listed.push(content(result));
    }
    // Ancestors are pages of the same space, listed here: their restrictions need no request.
    for (const page of listed) {
      const own = readRestriction(page.restrictions?.read);
      if (own !== 'unknown') run.restrictions.set(page.id, own);
    }
    const items: SourceItem[] = [];
    for (const raw of listed) {
      const page = await this.listedPage(run, raw, signal);
      if (page.audience.kind !== 'nobody') items.push(pageItem(this.items, page));
    }
    if (this.settings.attachments) {
      const cql = `space in (${this.spaceList()}) and type = attachment`;
      for (const attachment of await this.search(cql, 'version,container', signal)) {
        run.seen(attachment.version?.when);
        const page = run.pages.get(attachment.container?.id ?? '');
        if (page && page.audience.kind !== 'nobody') {
          const item = attachmentItem(this.items, page, attachment);
          if (item) items.push(item);
        }
      }
    }
    return { complete: true, items, deleted: [] };
  }

  /** Pages and attachments modified since the cursor (less the overlap). */
  private async listSince(run: Run, since: string, signal?: AbortSignal): Promise<SourceChanges> {
    const from = cqlDate(new Date(Date.parse(since) - OVERLAP_MS));
    const changed = `space in (${this.spaceList()}) and lastmodified >= "${from}"`;
    const items: SourceItem[] = [];
    const deleted: string[] = [];
    for (const raw of await this.search(`${changed} and type = page`, PAGE_EXPAND, signal)) {
      const page = await this.listedPage(run, raw, signal);
      if (page.audience.kind === 'nobody') deleted.push(page.raw.id);
      else items.push(pageItem(this.items, page));
      // A changed page's audience may have changed: its attachments follow it (or go with it).
      if (this.settings.attachments) {
        const path = `/rest/api/content/${page.raw.id}/child/attachment?limit=${LIMIT}&expand=version`;
        for await (const results of this.client.pages<unknown>(path, this.maxListingPages, signal)) {
          for (const result of results) {
            const attachment = content(result);
            run.seen(attachment.version?.when);
            if (page.audience.kind === 'nobody') deleted.push(attachment.id);
            else {
              const item = attachmentItem(this.items, page, attachment);
              if (item) items.push(item);
            }
          }
        }
      }
    }
    if (this.settings.attachments) {
      const listed = new Set(items.map((item) => item.key).concat(deleted));
      for (const attachment of await this.search(
        `${changed} and type = attachment`,
        'version,container',
        signal,
      )) {
        run.seen(attachment.version?.when);
        const pageId = attachment.container?.id;
        if (listed.has(attachment.id) || !pageId || !SAFE_ID.test(pageId)) continue;
        const page = await this.pageById(run, pageId, signal);
        if (!page) continue;
        if (page.audience.kind === 'nobody') deleted.push(attachment.id);
        else {
          const item = attachmentItem(this.items, page, attachment);
          if (item) items.push(item);
        }
      }
    }
    return { complete: false, items, deleted };
  }

  /** A missing space (a typo, or a user who lost access) fails the run instead of emptying the source. */
  private async checkSpace(space: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.client.get(`/rest/api/space/${encodeURIComponent(space)}`, signal);
    } catch (error) {
      if (error instanceof ConfluenceError && error.status === 404)
        throw new ConfluenceError(
          `Confluence space ${space} does not exist or the credentials' user cannot read it: check "spaces" and that user's space permissions`,
          404,
        );
      throw error;
    }
  }

  private async search(cql: string, expand: string, signal?: AbortSignal): Promise<RawContent[]> {
    const path = `/rest/api/content/search?cql=${encodeURIComponent(cql)}&limit=${LIMIT}&expand=${expand}`;
    const out: RawContent[] = [];
    for await (const results of this.client.pages<unknown>(path, this.maxListingPages, signal))
      for (const result of results) out.push(content(result));
    return out;
  }

  /** The page an attachment hangs on, when it was not listed in this run; undefined for a blog post. */
  private async pageById(run: Run, id: string, signal?: AbortSignal): Promise<ListedPage | undefined> {
    const known = run.pages.get(id);
    if (known) return known;
    const raw = content(await this.client.get(`/rest/api/content/${id}?expand=${PAGE_EXPAND}`, signal));
    return raw.type === 'page' ? this.listedPage(run, raw, signal) : undefined;
  }

  private async listedPage(run: Run, raw: RawContent, signal?: AbortSignal): Promise<ListedPage> {
    run.seen(raw.version?.when);
    const own = readRestriction(raw.restrictions?.read);
    const levels = [own === 'unknown' ? await this.restrictionOf(run, raw.id, signal) : own];
    for (const ancestor of raw.ancestors ?? [])
      levels.push(await this.restrictionOf(run, ancestor.id, signal));
    const audience = mapRestrictions(levels, this.mapping, this.spaceAudience);
    if (audience.kind === 'nobody')
      this.deps.logger('warn', 'confluence.page_unreadable', {
        source: this.deps.sourceName,
        page: raw.id,
        unmappedGroups: audience.unmapped,
        hint: 'restricted to users, or to groups "groups" does not map (or maps to none the space allows): not synced',
      });
    const headingPath = (raw.ancestors ?? []).map((a) => cleanTitle(a.title)).filter((t) => t !== '');
    const page = { raw, title: cleanTitle(raw.title) || 'untitled', audience, headingPath };
    run.pages.set(raw.id, page);
    return page;
  }

  /** A page's own read restriction, asked for once per run; fails closed when unreadable. */
  private async restrictionOf(
    run: Run,
    id: string,
    signal?: AbortSignal,
  ): Promise<ReadRestriction | undefined> {
    if (run.restrictions.has(id)) return run.restrictions.get(id);
    if (!SAFE_ID.test(id))
      throw new ConfluenceError('Confluence listed a content id of an unexpected form', 200);
    const raw = await this.client.get<RawReadRestriction>(
      `/rest/api/content/${id}/restriction/byOperation/read?expand=restrictions.user,restrictions.group`,
      signal,
    );
    const found = readRestriction(raw);
    const restriction = found === 'unknown' ? { groups: [], users: 1 } : found;
    run.restrictions.set(id, restriction);
    return restriction;
  }

  private spaceList(): string {
    return this.settings.spaces.map((key) => `"${key}"`).join(', ');
  }

  private parseCursor(cursor: string | undefined): Cursor | undefined {
    if (!cursor) return undefined;
    try {
      const parsed = JSON.parse(cursor) as Partial<Cursor>;
      if (
        parsed.v === 1 &&
        typeof parsed.since === 'string' &&
        !Number.isNaN(Date.parse(parsed.since)) &&
        typeof parsed.runs === 'number' &&
        parsed.settings === this.settingsDigest
      )
        return parsed as Cursor;
    } catch {
      // Not ours (or from an older version): start over with a complete listing.
    }
    return undefined;
  }
}

function authorization(settings: ConfluenceSettings, deps: ConnectorDeps): string {
  if (settings.deployment === 'cloud') {
    const token = deps.env[settings.apiTokenEnv ?? ''] ?? '';
    return `Basic ${Buffer.from(`${settings.email}:${token}`).toString('base64')}`;
  }
  return `Bearer ${deps.env[settings.tokenEnv ?? ''] ?? ''}`;
}

/** `yyyy-MM-dd HH:mm` in UTC, as CQL reads a date. */
function cqlDate(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

export const confluenceConnector: ConnectorFactory<ConfluenceSettings> = {
  schema: confluenceSettings,
  create: (settings, deps) => {
    // Space permissions are not read: a private space whose pages carry no restriction would reach
    // everyone through the sources file's default audience. Who may read is said, not assumed.
    if (settings.defaultAudience === undefined && !deps.audienceExplicit)
      throw new ConfigError(
        `SOURCES_FILE: source "${deps.sourceName}": Confluence space permissions are not read, so say who may read these spaces: set "audience" on the source (e.g. audience: [hr]) or "defaultAudience" in its settings; audience: [all] if everyone may`,
      );
    return new ConfluenceSource(settings, deps);
  },
};
