/**
 * A fake Confluence site on 127.0.0.1 speaking the v1 REST API's JSON as Cloud and Data Center
 * serve it: `/rest/api/content` listings paged through `_links.next` (Cloud-style opaque cursors or
 * Data Center's `start`), CQL search (`space`, `type`, `lastmodified >=` only, dates read in the API
 * user's time zone to the minute, as Confluence does), expansions (nothing beyond the basics unless
 * asked), read restrictions, ancestors, child attachments and their downloads. Cloud checks Basic
 * auth (e-mail and API token), Data Center a Bearer personal access token; a wrong one gets 401.
 * Restriction changes do not make a new version, as in Confluence.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRestriction {
  readonly groups?: readonly string[];
  readonly users?: readonly string[];
}

export interface FakeAttachment {
  readonly id: string;
  readonly pageId: string;
  readonly title: string;
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  version: number;
  when: Date;
}

export interface FakePage {
  readonly id: string;
  readonly space: string;
  title: string;
  parentId: string | undefined;
  body: string;
  version: number;
  when: Date;
  restriction: FakeRestriction | undefined;
  readonly type: 'page' | 'blogpost';
}

export interface RecordedRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorized: boolean;
}

export interface FakeConfluenceOptions {
  readonly deployment: 'cloud' | 'datacenter';
  /** Cloud: the account's e-mail. */
  readonly email?: string;
  /** Cloud: the API token; Data Center: the personal access token. */
  readonly token: string;
  /** Most results one response gives, whatever `limit` asks (Confluence caps it too). Default 2. */
  readonly pageSize?: number;
  /** The API user's time zone as minutes east of UTC: CQL dates are read in it. Default 0. */
  readonly userTimeZoneOffsetMinutes?: number;
}

export interface FakeConfluence {
  /** `http://127.0.0.1:PORT/wiki` (Cloud) or `http://127.0.0.1:PORT/confluence` (Data Center). */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** The clock that stamps changes. */
  now: Date;
  addSpace(key: string): void;
  addPage(page: {
    id: string;
    space: string;
    title: string;
    body: string;
    parentId?: string;
    restriction?: FakeRestriction;
    type?: 'page' | 'blogpost';
  }): FakePage;
  /** A new version of the page, stamped `now`. */
  editPage(id: string, changes: { title?: string; body?: string; parentId?: string }): void;
  /** Sets the page's own read restriction (undefined: none). Not a new version. */
  restrict(id: string, restriction: FakeRestriction | undefined): void;
  /** Moves the page to the trash: no longer listed. */
  deletePage(id: string): void;
  addAttachment(
    pageId: string,
    attachment: { id: string; title: string; bytes: Uint8Array; mediaType: string },
  ): void;
  /** The next `count` requests get 429 with this Retry-After. */
  throttle(count: number, retryAfter: string): void;
  /** Requests that fetched a page's body (`expand=body.storage`), by page id. */
  bodyFetches(): string[];
  close(): Promise<void>;
}

export async function startFakeConfluence(options: FakeConfluenceOptions): Promise<FakeConfluence> {
  const context = options.deployment === 'cloud' ? '/wiki' : '/confluence';
  const pageSize = options.pageSize ?? 2;
  const spaces = new Set<string>();
  const pages = new Map<string, FakePage>();
  const attachments = new Map<string, FakeAttachment>();
  const requests: RecordedRequest[] = [];
  let throttled = { count: 0, retryAfter: '1' };
  let base = '';

  const expected =
    options.deployment === 'cloud'
      ? `Basic ${Buffer.from(`${options.email}:${options.token}`).toString('base64')}`
      : `Bearer ${options.token}`;

  const send = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  const error = (res: http.ServerResponse, status: number, message: string) =>
    send(res, status, { statusCode: status, message, data: { authorized: status !== 401, valid: false } });

  const webui = (page: FakePage) =>
    options.deployment === 'cloud'
      ? `/spaces/${page.space}/pages/${page.id}/${encodeURIComponent(page.title.replace(/ /g, '+'))}`
      : `/display/${page.space}/${encodeURIComponent(page.title.replace(/ /g, '+'))}`;

  const ancestorsOf = (page: FakePage): FakePage[] => {
    const out: FakePage[] = [];
    for (let id = page.parentId; id !== undefined; id = pages.get(id)?.parentId) {
      const parent = pages.get(id);
      if (!parent) break;
      out.unshift(parent);
    }
    return out;
  };

  const restrictionJson = (page: FakePage, expandLists: boolean) => {
    const link = { self: `${base}/rest/api/content/${page.id}/restriction/byOperation/read` };
    if (!expandLists)
      return {
        operation: 'read',
        _expandable: { restrictions: '', content: '' },
        _links: link,
      };
    const users = (page.restriction?.users ?? []).map((name) =>
      options.deployment === 'cloud'
        ? { type: 'known', accountId: `acc-${name}`, accountType: 'atlassian', displayName: name }
        : { type: 'known', username: name, userKey: `key-${name}`, displayName: name },
    );
    const groups = (page.restriction?.groups ?? []).map((name) => ({
      type: 'group',
      name,
      ...(options.deployment === 'cloud' ? { id: `gid-${name}` } : {}),
    }));
    return {
      operation: 'read',
      restrictions: {
        user: { results: users, start: 0, limit: 200, size: users.length },
        group: { results: groups, start: 0, limit: 200, size: groups.length },
      },
      _expandable: { content: '' },
      _links: link,
    };
  };

  const pageJson = (page: FakePage, expand: ReadonlySet<string>) => {
    const json: Record<string, unknown> = {
      id: page.id,
      type: page.type,
      status: 'current',
      title: page.title,
      _links: { webui: webui(page), self: `${base}/rest/api/content/${page.id}`, tinyui: `/x/${page.id}` },
      _expandable: {
        container: `/rest/api/space/${page.space}`,
        children: `/rest/api/content/${page.id}/child`,
      },
    };
    if (expand.has('version')) json.version = versionJson(page.version, page.when);
    if (expand.has('ancestors'))
      json.ancestors = ancestorsOf(page).map((a) => ({
        id: a.id,
        type: a.type,
        status: 'current',
        title: a.title,
        _links: { webui: webui(a) },
      }));
    if (expand.has('space')) json.space = { key: page.space, name: page.space, type: 'global' };
    if (expand.has('body.storage')) json.body = { storage: { value: page.body, representation: 'storage' } };
    if ([...expand].some((e) => e.startsWith('restrictions')))
      json.restrictions = {
        read: restrictionJson(
          page,
          expand.has('restrictions.read.restrictions.group') &&
            expand.has('restrictions.read.restrictions.user'),
        ),
        update: { operation: 'update', _expandable: { restrictions: '' } },
      };
    return json;
  };

  const downloadPath = (a: FakeAttachment) =>
    `/download/attachments/${a.pageId}/${encodeURIComponent(a.title)}?version=${a.version}&modificationDate=${a.when.getTime()}&api=v2`;

  const attachmentJson = (a: FakeAttachment, expand: ReadonlySet<string>) => {
    const json: Record<string, unknown> = {
      id: a.id,
      type: 'attachment',
      status: 'current',
      title: a.title,
      metadata: { mediaType: a.mediaType },
      extensions: { mediaType: a.mediaType, fileSize: a.bytes.byteLength },
      _links: {
        webui: `/pages/viewpage.action?pageId=${a.pageId}&preview=${encodeURIComponent(`/${a.pageId}/${a.id}/${a.title}`)}`,
        download: downloadPath(a),
        self: `${base}/rest/api/content/${a.id}`,
      },
    };
    if (expand.has('version')) json.version = versionJson(a.version, a.when);
    if (expand.has('container')) {
      const page = pages.get(a.pageId);
      if (page) json.container = pageJson(page, new Set());
    }
    return json;
  };

  /** A collection with Cloud's opaque cursor or Data Center's start in `_links.next`. */
  const collection = <T>(
    res: http.ServerResponse,
    url: URL,
    all: readonly T[],
    toJson: (item: T) => unknown,
  ) => {
    const cursor = url.searchParams.get('cursor');
    const start = cursor
      ? Number(Buffer.from(cursor, 'base64url').toString())
      : Number(url.searchParams.get('start') ?? 0);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 25), pageSize);
    const results = all.slice(start, start + limit).map(toJson);
    const links: Record<string, string> = {
      base,
      context,
      self: `${base}${url.pathname.slice(context.length)}`,
    };
    if (start + limit < all.length) {
      const next = new URLSearchParams(url.searchParams);
      if (options.deployment === 'cloud') {
        next.delete('start');
        next.set('cursor', Buffer.from(String(start + limit)).toString('base64url'));
        next.set('next', 'true');
      } else next.set('start', String(start + limit));
      links.next = `${url.pathname.slice(context.length)}?${next.toString()}`;
    }
    send(res, 200, { results, start, limit, size: results.length, _links: links });
  };

  const live = () => [...pages.values()];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const authorized = req.headers.authorization === expected;
    requests.push({ path: url.pathname, query: url.searchParams, authorized });
    if (throttled.count > 0) {
      throttled.count -= 1;
      send(res, 429, { message: 'Rate limit exceeded' }, { 'retry-after': throttled.retryAfter });
      return;
    }
    if (!authorized) {
      error(res, 401, 'Unauthorized; scope does not match');
      return;
    }
    if (req.method !== 'GET' || !url.pathname.startsWith(`${context}/`)) {
      error(res, 404, 'not found');
      return;
    }
    const path = url.pathname.slice(context.length);
    const expand = new Set((url.searchParams.get('expand') ?? '').split(',').filter(Boolean));
    const route = (pattern: RegExp) => pattern.exec(path);
    let match = route(/^\/rest\/api\/space\/([^/]+)$/);
    if (match) {
      const key = decodeURIComponent(match[1]!);
      if (!spaces.has(key)) error(res, 404, `No space found with key : ${key}`);
      else send(res, 200, { key, name: key, type: 'global', _links: { webui: `/spaces/${key}` } });
      return;
    }
    if (path === '/rest/api/content') {
      const space = url.searchParams.get('spaceKey');
      const type = url.searchParams.get('type') ?? 'page';
      const listed = live().filter((p) => (!space || p.space === space) && p.type === type);
      collection(res, url, listed, (p) => pageJson(p, expand));
      return;
    }
    if (path === '/rest/api/content/search') {
      const query = parseCql(url.searchParams.get('cql') ?? '', options.userTimeZoneOffsetMinutes ?? 0);
      if (!query) {
        send(res, 400, { statusCode: 400, message: 'Could not parse cql' });
        return;
      }
      const inSpace = (space: string) => query.spaces.includes(space);
      const since = (when: Date) => query.since === undefined || when.getTime() >= query.since;
      const found: (() => unknown)[] = [];
      if (query.type === 'page' || query.type === 'blogpost')
        for (const p of live())
          if (p.type === query.type && inSpace(p.space) && since(p.when))
            found.push(() => pageJson(p, expand));
      if (query.type === 'attachment')
        for (const a of attachments.values()) {
          const page = pages.get(a.pageId);
          if (page && inSpace(page.space) && since(a.when)) found.push(() => attachmentJson(a, expand));
        }
      collection(res, url, found, (json) => json());
      return;
    }
    match = route(/^\/rest\/api\/content\/([^/]+)\/child\/attachment$/);
    if (match) {
      const page = pages.get(match[1]!);
      if (!page) {
        error(res, 404, 'No content found');
        return;
      }
      const list = [...attachments.values()].filter((a) => a.pageId === page.id);
      collection(res, url, list, (a) => attachmentJson(a, expand));
      return;
    }
    match = route(/^\/rest\/api\/content\/([^/]+)\/restriction\/byOperation\/read$/);
    if (match) {
      const page = pages.get(match[1]!);
      if (!page) error(res, 404, 'No content found');
      else send(res, 200, restrictionJson(page, true));
      return;
    }
    match = route(/^\/rest\/api\/content\/([^/]+)$/);
    if (match) {
      const page = pages.get(match[1]!);
      const attachment = attachments.get(match[1]!);
      if (page) send(res, 200, pageJson(page, expand));
      else if (attachment) send(res, 200, attachmentJson(attachment, expand));
      else error(res, 404, 'No content found with id');
      return;
    }
    match = route(/^\/download\/attachments\/([^/]+)\/([^/]+)$/);
    if (match) {
      const pageId = match[1];
      const name = decodeURIComponent(match[2]!);
      const attachment = [...attachments.values()].find((a) => a.pageId === pageId && a.title === name);
      if (!attachment) {
        error(res, 404, 'not found');
        return;
      }
      res
        .writeHead(200, {
          'content-type': attachment.mediaType,
          'content-length': attachment.bytes.byteLength,
        })
        .end(Buffer.from(attachment.bytes));
      return;
    }
    error(res, 404, 'not found');
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}${context}`;

  const fake: FakeConfluence = {
    baseUrl: base,
    requests,
    now: new Date('2026-11-02T09:00:00Z'),
    addSpace: (key) => void spaces.add(key),
    addPage(input) {
      const page: FakePage = {
        id: input.id,
        space: input.space,
        title: input.title,
        parentId: input.parentId,
        body: input.body,
        version: 1,
        when: fake.now,
        restriction: input.restriction,
        type: input.type ?? 'page',
      };
      pages.set(page.id, page);
      return page;
    },
    editPage(id, changes) {
      const page = pages.get(id)!;
      if (changes.title !== undefined) page.title = changes.title;
      if (changes.body !== undefined) page.body = changes.body;
      if (changes.parentId !== undefined) page.parentId = changes.parentId;
      page.version += 1;
      page.when = fake.now;
    },
    restrict(id, restriction) {
      pages.get(id)!.restriction = restriction;
    },
    deletePage(id) {
      pages.delete(id);
      for (const [key, a] of attachments) if (a.pageId === id) attachments.delete(key);
    },
    addAttachment(pageId, input) {
      attachments.set(input.id, { ...input, pageId, version: 1, when: fake.now });
    },
    throttle(count, retryAfter) {
      throttled = { count, retryAfter };
    },
    bodyFetches: () =>
      requests
        .filter((r) => r.query.get('expand')?.split(',').includes('body.storage'))
        .map((r) => /\/content\/([^/]+)$/.exec(r.path)?.[1] ?? '?'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}

function versionJson(number: number, when: Date) {
  return { number, when: when.toISOString(), minorEdit: false, by: { type: 'known', displayName: 'Editor' } };
}

/**
 * The CQL this fake understands: `space = "X"` or `space in ("X", "Y")`, `type = page|attachment`,
 * `lastmodified >= "yyyy-MM-dd HH:mm"` (in the user's time zone), joined by `and`. Anything else is
 * refused, as Confluence refuses CQL it cannot parse.
 */
function parseCql(
  cql: string,
  offsetMinutes: number,
): { spaces: string[]; type: string; since: number | undefined } | undefined {
  let spaces: string[] | undefined;
  let type: string | undefined;
  let since: number | undefined;
  for (const clause of cql.split(/\s+and\s+/i)) {
    const text = clause.trim();
    const one = /^space\s*=\s*"([^"]+)"$/i.exec(text);
    const list = /^space\s+in\s*\(([^)]*)\)$/i.exec(text);
    const typed = /^type\s*=\s*(page|blogpost|attachment)$/i.exec(text);
    const date = /^lastmodified\s*>=\s*"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})"$/i.exec(text);
    if (one) spaces = [one[1]!];
    else if (list) spaces = list[1]!.split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
    else if (typed) type = typed[1]!.toLowerCase();
    else if (date) {
      const [, y, mo, d, h, mi] = date.map(Number) as number[];
      since = Date.UTC(y!, mo! - 1, d!, h!, mi!) - offsetMinutes * 60_000;
    } else return undefined;
  }
  if (!spaces || !type) return undefined;
  return { spaces, type, since };
}
