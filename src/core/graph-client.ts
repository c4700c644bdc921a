import { ConfigError } from './errors.js';
import {
  GraphError,
  describe,
  errorBody,
  isRedirect,
  readBounded,
  retryAfterMs,
  scrub,
  withTimeout,
} from './graph-http.js';
import { fetchWithRetries } from './http-limits.js';
import { type AccessToken, ClientCredentialsTokens } from './graph-token.js';
import { type Logger, silentLogger } from './log.js';

export { GraphError, retryAfterMs };

/**
 * A small Microsoft Graph client for app-only (client credentials) access: the token cached until
 * shortly before it expires and renewed once on a 401, throttling (429/503/504 and Retry-After)
 * waited out within a bound, `@odata.nextLink` paging, bounded JSON and byte downloads. Errors name
 * the request's path and Graph's error code, never the secret, the token or a download's query string.
 */
export interface GraphClientOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Graph's base URL with its version. Default `https://graph.microsoft.com/v1.0`. */
  readonly graphUrl?: string | undefined;
  /** The authority's base URL (`{loginUrl}/{tenantId}/oauth2/v2.0/token`). Default `https://login.microsoftonline.com`. */
  readonly loginUrl?: string | undefined;
  /**
   * Retries of one request after throttling or a transient failure. Default 5: Graph's SDKs retry
   * 3 times by default; a sync is a background job that can afford a little more patience.
   */
  readonly maxRetries?: number | undefined;
  /**
   * The most one request may spend waiting for retries, in ms (all waits together). Default 120 s:
   * Graph usually asks for seconds to tens of seconds; SharePoint has been seen asking for 300 s,
   * and a request told to wait longer than this fails at once rather than holding a sync for minutes.
   */
  readonly maxRetryWaitMs?: number | undefined;
  /** One attempt's time limit, in ms (its body included). Default 60 s. */
  readonly requestTimeoutMs?: number | undefined;
  /** One download attempt's time limit, in ms: 50 MB at 1 MB/s fits. Default 10 minutes. */
  readonly downloadTimeoutMs?: number | undefined;
  /** The largest JSON response read, in bytes. Default 16 MiB (a delta page of 200 items is well under 1 MiB). */
  readonly maxJsonBytes?: number | undefined;
  readonly logger?: Logger | undefined;
}

/** One page of a Graph collection. */
export interface GraphPage<T> {
  readonly value: readonly T[];
  readonly '@odata.nextLink'?: string;
  readonly '@odata.deltaLink'?: string;
}

export interface GraphRequestOptions {
  readonly signal?: AbortSignal | undefined;
  /** Extra request headers (e.g. `ConsistencyLevel`, `Prefer`). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com/v1.0';
const DEFAULT_LOGIN_URL = 'https://login.microsoftonline.com';
/** Redirects followed by one download (Graph answers `/content` with one 302). */
const MAX_REDIRECTS = 5;

/** A Microsoft Graph client holding one app's token. */
export class GraphClient {
  private readonly graphUrl: URL;
  private readonly maxRetries: number;
  private readonly maxRetryWaitMs: number;
  private readonly requestTimeoutMs: number;
  private readonly downloadTimeoutMs: number;
  private readonly maxJsonBytes: number;
  private readonly logger: Logger;
  private readonly tokens: ClientCredentialsTokens;

  constructor(private readonly options: GraphClientOptions) {
    for (const field of ['tenantId', 'clientId', 'clientSecret'] as const) {
      if (!options[field]?.trim()) throw new ConfigError(`Microsoft Graph: ${field} is required`);
    }
    if (!/^[\w.-]+$/.test(options.tenantId))
      throw new ConfigError('Microsoft Graph: tenantId must be a tenant id (a GUID) or a domain name');
    this.graphUrl = baseUrl(options.graphUrl ?? DEFAULT_GRAPH_URL, 'graphUrl');
    const login = baseUrl(options.loginUrl ?? DEFAULT_LOGIN_URL, 'loginUrl');
    this.maxRetries = options.maxRetries ?? 5;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 120_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.tokens = new ClientCredentialsTokens({
      tokenUrl: new URL(`${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`, login).href,
      tenantId: options.tenantId,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      timeoutMs: this.requestTimeoutMs,
    });
    this.downloadTimeoutMs = options.downloadTimeoutMs ?? 10 * 60_000;
    this.maxJsonBytes = options.maxJsonBytes ?? 16 * 1024 * 1024;
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * GET a Graph resource as JSON. `pathOrUrl` is a path under the base URL (`/drives/x/root/delta`)
   * or a full URL Graph gave (`@odata.nextLink`), which must be under the same base URL: the token
   * is never sent anywhere else.
   */
  async get<T = unknown>(pathOrUrl: string, options: GraphRequestOptions = {}): Promise<T> {
    const url = this.resolve(pathOrUrl);
    const response = await this.send(url, options, 'application/json');
    const bytes = await readBounded(response, this.maxJsonBytes, describe(url), options.signal);
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as T;
    } catch (error) {
      throw new GraphError(
        `Microsoft Graph ${describe(url)} returned invalid JSON`,
        response.status,
        undefined,
        {
          cause: error,
        },
      );
    }
  }

  /**
   * The pages of a collection, following `@odata.nextLink` until there is none; the last page
   * carries `@odata.deltaLink` for a delta query. Stops with an error past `maxPages`.
   */
  async *pages<T = unknown>(
    pathOrUrl: string,
    options: GraphRequestOptions & { readonly maxPages?: number } = {},
  ): AsyncGenerator<GraphPage<T>> {
    const maxPages = options.maxPages ?? 10_000;
    let next: string | undefined = pathOrUrl;
    for (let count = 0; next !== undefined; count++) {
      if (count >= maxPages)
        throw new GraphError(
          `Microsoft Graph ${describe(this.resolve(pathOrUrl))} has more than ${maxPages} pages`,
          0,
        );
      const page: GraphPage<T> = await this.get<GraphPage<T>>(next, options);
      if (!Array.isArray(page?.value))
        throw new GraphError(`Microsoft Graph ${describe(this.resolve(next))} is not a collection`, 200);
      yield page;
      next = page['@odata.nextLink'];
    }
  }

  /**
   * Downloads bytes (a drive item's `/content`), at most `maxBytes`. Graph answers with a redirect
   * to a pre-authenticated URL on another host; it is followed without the token.
   */
  async download(
    pathOrUrl: string,
    maxBytes: number,
    options: GraphRequestOptions = {},
  ): Promise<Uint8Array> {
    let url = this.resolve(pathOrUrl);
    const timeoutMs = this.downloadTimeoutMs;
    let response = await this.send(url, options, '*/*', { timeoutMs });
    for (let hops = 0; isRedirect(response.status); hops++) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location || hops >= MAX_REDIRECTS)
        throw new GraphError(
          `Microsoft Graph ${describe(url)} redirected without a usable location`,
          response.status,
        );
      url = new URL(location, url);
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new GraphError(
          `Microsoft Graph ${describe(url)} redirected to an unsupported URL`,
          response.status,
        );
      response = await this.send(url, options, '*/*', { authorize: this.isGraphUrl(url), timeoutMs });
    }
    const length = Number(response.headers.get('content-length'));
    if (Number.isFinite(length) && length > maxBytes) {
      await response.body?.cancel();
      throw new GraphError(
        `Microsoft Graph ${describe(url)} is ${length} bytes, over the limit of ${maxBytes}`,
        413,
      );
    }
    return readBounded(response, maxBytes, describe(url), options.signal);
  }

  private resolve(pathOrUrl: string): URL {
    if (/^https?:\/\//i.test(pathOrUrl)) {
      const url = new URL(pathOrUrl);
      if (!this.isGraphUrl(url))
        throw new GraphError(`Microsoft Graph: ${describe(url)} is not under the configured Graph URL`, 0);
      return url;
    }
    // Appended, not resolved: a first segment with a colon (`sites/host:/path`) is no scheme here.
    return new URL(this.graphUrl.href + pathOrUrl.replace(/^\/+/, ''));
  }

  private isGraphUrl(url: URL): boolean {
    return url.origin === this.graphUrl.origin && url.pathname.startsWith(this.graphUrl.pathname);
  }

  /**
   * One request with its retries: throttling and transient failures waited out (Retry-After or
   * exponential backoff) within `maxRetries` and `maxRetryWaitMs`; a 401 renews the token once.
   * Returns a response with status 2xx or 3xx; anything else throws a {@link GraphError}.
   */
  private async send(
    url: URL,
    options: GraphRequestOptions,
    accept: string,
    { authorize = true, timeoutMs = this.requestTimeoutMs }: { authorize?: boolean; timeoutMs?: number } = {},
  ): Promise<Response> {
    let renewed = false;
    let token: AccessToken | undefined;
    let code: string | undefined;
    return fetchWithRetries({
      signal: options.signal,
      maxRetries: this.maxRetries,
      maxRetryWaitMs: this.maxRetryWaitMs,
      prepare: async () => {
        token = authorize ? await this.tokens.current(options.signal) : undefined;
      },
      attempt: () => {
        const headers: Record<string, string> = { accept, ...options.headers };
        if (token) headers.authorization = `Bearer ${token.value}`;
        return fetch(url, { headers, redirect: 'manual', signal: withTimeout(options.signal, timeoutMs) });
      },
      judge: async (response) => {
        if (response.ok || isRedirect(response.status)) return 'ok';
        const body = await errorBody(response);
        code = body.code;
        if (response.status === 401 && token && !renewed) {
          renewed = true;
          this.tokens.forget(token);
          return 'again';
        }
        if (response.status === 429 || response.status === 503 || response.status === 504) return 'throttled';
        return new GraphError(
          `Microsoft Graph ${describe(url)} failed: ${response.status}${body.code ? ` ${body.code}` : ''}${body.message ? `: ${scrub(body.message, [this.options.clientSecret, token?.value])}` : ''}`,
          response.status,
          body.code,
        );
      },
      unreachable: (cause) =>
        new GraphError(`Microsoft Graph ${describe(url)} could not be reached`, 0, undefined, { cause }),
      stillThrottled: (response, detail) =>
        new GraphError(`Microsoft Graph ${describe(url)} ${detail}`, response.status, code),
      onWait: (status, waitMs) =>
        this.logger('warn', status === 0 ? 'graph_retry' : 'graph_throttled', {
          path: url.pathname,
          status,
          waitMs,
        }),
    });
  }
}

function baseUrl(value: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new ConfigError(
      `Microsoft Graph: ${name} must be an http(s) URL, e.g. ${name === 'graphUrl' ? DEFAULT_GRAPH_URL : DEFAULT_LOGIN_URL}`,
      { cause: error },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`Microsoft Graph: ${name} must be an http(s) URL`);
  if (url.username || url.password || url.search || url.hash)
    throw new ConfigError(
      `Microsoft Graph: ${name} must be a plain base URL, without credentials, query or fragment`,
    );
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
