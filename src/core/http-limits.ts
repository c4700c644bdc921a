import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What the HTTP clients of synced sources (Microsoft Graph, Confluence) share: bounded bodies,
 * per-attempt time limits, Retry-After, and one retry loop that waits out throttling and network
 * failures within a bound. Each client keeps its own errors, messages and log events.
 */

/** Makes a client's own error (GraphError, ConfluenceError) from a message and an HTTP status (0: none). */
export type HttpErrorFactory = (message: string, status: number, cause?: unknown) => Error;

/** First wait when throttled without Retry-After, or after a network failure; doubles each retry. */
export const BACKOFF_START_MS = 1_000;

/** Retry-After's delay-seconds past this are read as this: far beyond any wait a client accepts. */
const MAX_RETRY_AFTER_SECONDS = 1e9;

/** A URL for messages: method, host and path, never the query (a download URL may carry its key there). */
export function describeGet(url: URL): string {
  return `GET ${url.host}${url.pathname}`;
}

/** The caller's signal, also aborted once `ms` have passed. */
export function withTimeout(signal: AbortSignal | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** Retry-After as delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), MAX_RETRY_AFTER_SECONDS) * 1000;
  // An HTTP date names its day and month; Date.parse alone would read `-5` as a year.
  const date = /[a-z]{3}/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Reads a response's body, failing once it passes `maxBytes` (the rest is not read). `what` names
 * the request in messages (`Confluence GET host/path`).
 */
export async function readBounded(
  response: Response,
  maxBytes: number,
  what: string,
  signal: AbortSignal | undefined,
  fail: HttpErrorFactory,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge: Error | undefined;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        tooLarge = fail(`${what} is larger than the limit of ${maxBytes} bytes`, 413);
        throw tooLarge;
      }
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error === tooLarge || signal?.aborted) throw error;
    throw fail(`${what}: the response broke off`, response.status, error);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** How a client judges one response of {@link fetchWithRetries}. */
export type Verdict = 'ok' | 'again' | 'throttled' | Error;

export interface RetriedRequest {
  readonly signal: AbortSignal | undefined;
  readonly maxRetries: number;
  /** The most all waits of this request may add up to, in ms. */
  readonly maxRetryWaitMs: number;
  /** Runs before each attempt (fetching a token); what it throws is thrown, not retried. */
  prepare?(): Promise<void>;
  /** One attempt (its headers and time limit each time); throws when no response came. */
  attempt(): Promise<Response>;
  /**
   * What a response means: `ok` returns it, `again` retries at once (a renewed token), `throttled`
   * waits (Retry-After, else backoff) and retries, an Error is thrown. Reads or cancels the body of
   * anything but `ok`.
   */
  judge(response: Response): Promise<Verdict>;
  /** The error once retries after network failures are spent. */
  unreachable(cause: unknown): Error;
  /** The error once throttling outlasts the bound; `detail` says how long it was waited out. */
  stillThrottled(response: Response, detail: string): Error;
  /** Called before each wait: status 0 after a network failure. */
  onWait(status: number, waitMs: number): void;
}

/**
 * One request with its retries: network failures retried with exponential backoff, throttling
 * waited out as the server asks, both within `maxRetries` and `maxRetryWaitMs`; a wait past the
 * bound fails at once rather than holding a sync for minutes.
 */
export async function fetchWithRetries(request: RetriedRequest): Promise<Response> {
  const { signal } = request;
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    await request.prepare?.();
    let response: Response;
    try {
      response = await request.attempt();
    } catch (error) {
      signal?.throwIfAborted();
      const delay = BACKOFF_START_MS * 2 ** attempt;
      if (attempt >= request.maxRetries || waited + delay > request.maxRetryWaitMs)
        throw request.unreachable(error);
      waited += delay;
      request.onWait(0, delay);
      await sleep(delay, undefined, { signal });
      continue;
    }
    const verdict = await request.judge(response);
    if (verdict === 'ok') return response;
    if (verdict === 'again') continue;
    if (verdict !== 'throttled') throw verdict;
    const delay = retryAfterMs(response.headers.get('retry-after')) ?? BACKOFF_START_MS * 2 ** attempt;
    if (attempt < request.maxRetries && waited + delay <= request.maxRetryWaitMs) {
      waited += delay;
      request.onWait(response.status, delay);
      await sleep(delay, undefined, { signal });
      continue;
    }
    throw request.stillThrottled(
      response,
      `still throttled (${response.status}) after ${attempt} retries and ${Math.round(waited / 1000)} s; next wait asked: ${Math.round(delay / 1000)} s`,
    );
  }
}
