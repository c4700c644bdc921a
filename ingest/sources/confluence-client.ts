import { PolyDeskError } from '../../src/core/errors.js';
import {
  describeGet as describe,
  fetchWithRetries,
  type HttpErrorFactory,
  readBounded as readBoundedBody,
  withTimeout,
} from '../../src/core/http-limits.js';
import type { Logger } from '../../src/core/log.js';

/**
 * A small client for Confluence's v1 REST API (`/rest/api/...`), which Cloud and Data Center both
 * serve: Basic auth (Cloud: e-mail and API token) or Bearer (Data Center: personal access token),
 * throttling (429/503 with Retry-After) waited out within a bound, `_links.next` paging, bounded
 * JSON and downloads. Requests go only to the configured site: a `next` or download link that
 * points elsewhere is refused, so the credentials never leave it. Errors name the request's path,
 * never the credentials or a query string.
 */
export interface ConfluenceClientOptions {
  /** The site's base URL: `https://example.atlassian.net/wiki`, or a Data Center URL with its context path. */
  readonly baseUrl: string;
  /** The `Authorization` header's value. */
  readonly authorization: string;
  /** How to fix a refused credential, for the 401 message: "check that CONFLUENCE_TOKEN holds ...". */
  readonly credentialHint: string;
  /** Retries of one request after throttling or a transient failure. Default 5. */
  readonly maxRetries?: number | undefined;
  /**
   * The most one request may spend waiting for retries, in ms (all waits together). Default 120 s:
   * Atlassian asks for seconds to a minute or so; a request told to wait longer fails at once
   * rather than holding a sync for many minutes.
   */
  readonly maxRetryWaitMs?: number | undefined;
  /** One attempt's time limit, in ms. Default 60 s. */
  readonly requestTimeoutMs?: number | undefined;
  /** The largest JSON response read, in bytes. Default 32 MiB (a listing page of 100 pages without bodies is far less). */
  readonly maxJsonBytes?: number | undefined;
  readonly logger: Logger;
}

/** One page of a v1 collection (`/rest/api/content`, `/rest/api/content/search`, child attachments). */
export interface ConfluencePage<T> {
  readonly results: readonly T[];
  readonly _links?: { readonly next?: string | undefined } | undefined;
}

/** A request Confluence answered with an error, or that could not be completed. */
export class ConfluenceError extends PolyDeskError {
  /** The HTTP status, or 0 when no response came (network failure, timeout, a refused link). */
  readonly status: number;
  constructor(message: string, status: number, options?: { cause?: unknown }) {
    super(status === 401 ? 'UNAUTHORIZED' : 'PLATFORM_API_FAILED', message, options);
    this.name = 'ConfluenceError';
    this.status = status;
  }
}

export class ConfluenceClient {
  readonly baseUrl: URL;
  private readonly maxRetries: number;
  private readonly maxRetryWaitMs: number;
  private readonly requestTimeoutMs: number;
  private readonly maxJsonBytes: number;

  constructor(private readonly options: ConfluenceClientOptions) {
    const url = new URL(options.baseUrl);
    url.pathname = url.pathname.replace(/\/+$/, '');
    this.baseUrl = url;
    this.maxRetries = options.maxRetries ?? 5;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 120_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.maxJsonBytes = options.maxJsonBytes ?? 32 * 1024 * 1024;
  }

  /** GET as JSON. `pathOrUrl` is a path under the base URL (`/rest/api/space/HR`) or a link Confluence gave. */
  async get<T>(pathOrUrl: string, signal?: AbortSignal): Promise<T> {
    const url = this.resolve(pathOrUrl);
    const response = await this.send(url, 'application/json', signal);
    const bytes = await readBounded(response, this.maxJsonBytes, describe(url), signal);
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as T;
    } catch (error) {
      throw new ConfluenceError(`Confluence ${describe(url)} returned invalid JSON`, response.status, {
        cause: error,
      });
    }
  }

  /**
   * The pages of a collection, following `_links.next` until there is none; past `maxPages` it
   * stops with an error rather than looping on a server that always has a next page.
   */
  async *pages<T>(pathOrUrl: string, maxPages: number, signal?: AbortSignal): AsyncGenerator<readonly T[]> {
    const seen = new Set<string>();
    let next: string | undefined = pathOrUrl;
    while (next !== undefined) {
      const url = this.resolve(next);
      if (seen.size >= maxPages)
        throw new ConfluenceError(`Confluence ${describe(url)}: more than ${maxPages} pages of results`, 0);
      if (seen.has(url.href))
        throw new ConfluenceError(`Confluence ${describe(url)}: the next page link repeats itself`, 0);
      seen.add(url.href);
      const page = await this.get<ConfluencePage<T>>(url.href, signal);
      if (!Array.isArray(page?.results))
        throw new ConfluenceError(`Confluence ${describe(url)} is not a list of results`, 200);
      yield page.results;
      next = typeof page._links?.next === 'string' && page._links.next !== '' ? page._links.next : undefined;
    }
  }

  /** Downloads bytes (an attachment's `_links.download`), at most `maxBytes`. */
  async download(pathOrUrl: string, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
    const url = this.resolve(pathOrUrl);
    const response = await this.send(url, '*/*', signal);
    const length = Number(response.headers.get('content-length'));
    if (Number.isFinite(length) && length > maxBytes) {
      await response.body?.cancel();
      throw new ConfluenceError(
        `Confluence ${describe(url)} is ${length} bytes, over the limit of ${maxBytes}`,
        413,
      );
    }
    return readBounded(response, maxBytes, describe(url), signal);
  }

  /**
   * A link Confluence gave, or a path, as a URL on the site. Confluence's links are relative to
   * the site's base (`/rest/api/content?start=100`); some carry the context path already
   * (`/wiki/rest/...`). An absolute link must be on the site.
   */
  resolve(pathOrUrl: string): URL {
    const base = this.baseUrl;
    let url: URL;
    if (/^[a-z][a-z0-9+.-]*:/i.test(pathOrUrl) || pathOrUrl.startsWith('//')) {
      try {
        url = new URL(pathOrUrl, base.origin);
      } catch (error) {
        throw new ConfluenceError('Confluence gave a link that is not a URL', 0, { cause: error });
      }
    } else {
      const relative = pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
      const underBase = base.pathname !== '' && (relative + '/').startsWith(`${base.pathname}/`);
      url = new URL(underBase ? relative : base.pathname + relative, base.origin);
    }
    if (url.origin !== base.origin || !(url.pathname + '/').startsWith(`${base.pathname}/`))
      throw new ConfluenceError(
        `Confluence: a link to ${url.host}${url.pathname} is outside ${describeBase(base)}`,
        0,
      );
    return url;
  }

  /**
   * One request with its retries: 429 and 503 waited out (Retry-After, else exponential backoff)
   * and network failures retried, within `maxRetries` and `maxRetryWaitMs`. Returns a 2xx response;
   * anything else throws a {@link ConfluenceError}.
   */
  private send(url: URL, accept: string, signal: AbortSignal | undefined): Promise<Response> {
    return fetchWithRetries({
      signal,
      maxRetries: this.maxRetries,
      maxRetryWaitMs: this.maxRetryWaitMs,
      attempt: () =>
        fetch(url, {
          headers: { accept, authorization: this.options.authorization },
          redirect: 'manual',
          signal: withTimeout(signal, this.requestTimeoutMs),
        }),
      judge: async (response) => {
        if (response.ok) return 'ok';
        await response.body?.cancel().catch(() => {});
        if (response.status === 429 || response.status === 503) return 'throttled';
        return new ConfluenceError(this.failure(url, response.status), response.status);
      },
      unreachable: (cause) =>
        new ConfluenceError(`Confluence ${describe(url)} could not be reached`, 0, { cause }),
      stillThrottled: (response, detail) =>
        new ConfluenceError(`Confluence ${describe(url)} ${detail}`, response.status),
      onWait: (status, waitMs) =>
        this.options.logger('warn', status === 0 ? 'confluence.retry' : 'confluence.throttled', {
          path: url.pathname,
          status,
          waitMs,
        }),
    });
  }

  private failure(url: URL, status: number): string {
    if (status === 401)
      return `Confluence ${describeBase(this.baseUrl)} refused the credentials (401): ${this.options.credentialHint}`;
    if (status === 403)
      return `Confluence ${describe(url)} is forbidden (403) to the user the credentials belong to: give that user read access`;
    if (status >= 300 && status < 400)
      return `Confluence ${describe(url)} redirected (${status}): check baseUrl (for Cloud it ends in /wiki)`;
    return `Confluence ${describe(url)} failed: ${status}`;
  }
}

function describeBase(url: URL): string {
  return `${url.host}${url.pathname}`;
}

/** Reads a response's body, failing once it passes `maxBytes` (the rest is not read). */
function readBounded(
  response: Response,
  maxBytes: number,
  what: string,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  return readBoundedBody(response, maxBytes, `Confluence ${what}`, signal, confluenceFailure);
}

const confluenceFailure: HttpErrorFactory = (message, status, cause) =>
  new ConfluenceError(message, status, cause === undefined ? undefined : { cause });
