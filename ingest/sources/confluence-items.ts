import { createHash } from 'node:crypto';
import { displayName } from '../../src/core/display-name.js';
import { IngestError } from '../../src/core/errors.js';
import { normalizeHttpUrl } from '../../src/core/http-url.js';
import { isSupportedFile } from '../load-file.js';
import type { MappedAudience, RawReadRestriction } from './confluence-audience.js';
import { type ConfluenceClient, ConfluenceError } from './confluence-client.js';
import { storageToHtml } from './confluence-storage.js';
import type { SourceItem } from './source-types.js';

/**
 * Confluence content as the sync's items: a page as an HTML file made from its storage format, an
 * attachment as its own file. Titles are shown without hidden controls (a bidi override in a title
 * would make it read as something else).
 */

/** Ids go into URL paths: Confluence's are digits (Cloud attachments: `att` and digits). */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The part of a v1 content object (page or attachment) that is used. */
export interface RawContent {
  readonly id: string;
  readonly type?: string;
  readonly title: string;
  readonly version?: { readonly number?: number; readonly when?: string };
  readonly ancestors?: readonly { readonly id: string; readonly title?: string; readonly type?: string }[];
  readonly restrictions?: { readonly read?: RawReadRestriction };
  readonly container?: { readonly id?: string; readonly type?: string };
  readonly extensions?: { readonly fileSize?: number };
  readonly body?: { readonly storage?: { readonly value?: string } };
  readonly _links?: { readonly webui?: string; readonly download?: string };
}

/** A page as listed, with what its restrictions came to and its place (its ancestors' titles). */
export interface ListedPage {
  readonly raw: RawContent;
  readonly title: string;
  readonly audience: MappedAudience;
  readonly headingPath: readonly string[];
}

/** What items need from the source. */
export interface ItemContext {
  readonly client: ConfluenceClient;
  readonly maxFileBytes: number;
  /** The audience of an unrestricted page: undefined leaves it to the source's. */
  readonly defaultAudience: readonly string[] | undefined;
}

/** One result of a listing, checked enough to be used: ids go into paths, titles into names. */
export function content(value: unknown): RawContent {
  const raw = value as Partial<RawContent> | null;
  if (!raw || typeof raw.id !== 'string' || !SAFE_ID.test(raw.id) || typeof raw.title !== 'string')
    throw new ConfluenceError('Confluence returned content without a usable id or title', 200);
  return raw as RawContent;
}

/** A title as people should see it, bounded. */
export function cleanTitle(raw: string | undefined): string {
  return displayName((raw ?? '').slice(0, 1000)).slice(0, 255);
}

export function pageItem(context: ItemContext, page: ListedPage): SourceItem {
  const { raw, title, headingPath } = page;
  const { client, maxFileBytes } = context;
  const audience = audienceOf(context, page);
  const base = client.baseUrl.href.replace(/\/$/, '');
  return {
    key: raw.id,
    source: `${base}/pages/viewpage.action?pageId=${raw.id}`,
    name: `${fileName(title)}.html`,
    version: `${raw.version?.number ?? 0}:${digest([audience ?? null, headingPath, title])}`,
    audience,
    title,
    headingPath,
    url: link(client, raw._links?.webui),
    fetch: async (signal) => {
      const fetched = content(await client.get(`/rest/api/content/${raw.id}?expand=body.storage`, signal));
      const body = fetched.body?.storage?.value;
      if (typeof body !== 'string')
        throw new ConfluenceError(`Confluence page ${raw.id} came without its storage-format body`, 200);
      const bytes = Buffer.from(storageToHtml(title, body));
      if (bytes.length > maxFileBytes)
        throw new IngestError(
          title,
          `page is ${bytes.length} bytes as HTML, over the limit of ${maxFileBytes}`,
        );
      return bytes;
    },
  };
}

/** An attachment of a type the loaders read, with its page's audience and place; undefined for others. */
export function attachmentItem(
  context: ItemContext,
  page: ListedPage,
  raw: RawContent,
): SourceItem | undefined {
  const { client, maxFileBytes } = context;
  const download = raw._links?.download;
  const name = cleanTitle(raw.title);
  if (!download || !isSupportedFile(name)) return undefined;
  const audience = audienceOf(context, page);
  const headingPath = [...page.headingPath, page.title];
  const size = raw.extensions?.fileSize;
  const downloadUrl = client.resolve(download);
  return {
    key: raw.id,
    source: `${downloadUrl.origin}${downloadUrl.pathname}`,
    name,
    version: `${raw.version?.number ?? 0}:${digest([audience ?? null, headingPath])}`,
    audience,
    title: name,
    headingPath,
    url: link(client, page.raw._links?.webui),
    fetch: async (signal) => {
      if (typeof size === 'number' && size > maxFileBytes)
        throw new IngestError(name, `attachment is ${size} bytes, over the limit of ${maxFileBytes}`);
      return client.download(download, maxFileBytes, signal);
    },
  };
}

/** Undefined (the source's audience) for an unrestricted page, unless `defaultAudience` says. */
function audienceOf(context: ItemContext, page: ListedPage): readonly string[] | undefined {
  return page.audience.kind === 'groups' ? page.audience.audience : context.defaultAudience;
}

function link(client: ConfluenceClient, webui: string | undefined): string | undefined {
  if (!webui) return undefined;
  try {
    return normalizeHttpUrl(client.resolve(webui).href);
  } catch {
    return undefined;
  }
}

function fileName(title: string): string {
  return title.replace(/[\\/:*?"<>|]/g, '_').slice(0, 200) || 'page';
}

export function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}
