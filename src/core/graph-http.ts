import { PolyDeskError } from './errors.js';

/** HTTP details of the Graph client (src/core/graph-client.ts): errors, limits, Retry-After. */

/** A request Graph answered with an error, or that could not be completed. */
export class GraphError extends PolyDeskError {
  /** The HTTP status, or 0 when no response came (network failure, timeout). */
  readonly status: number;
  /** Graph's `error.code` (`itemNotFound`, `resyncRequired`, `InvalidAuthenticationToken`, ...) or the token endpoint's `error`. */
  readonly graphCode: string | undefined;
  constructor(message: string, status: number, graphCode?: string, options?: { cause?: unknown }) {
    super('PLATFORM_API_FAILED', message, options);
    this.name = 'GraphError';
    this.status = status;
    this.graphCode = graphCode;
  }
}

/** A URL for messages: host and path, never the query (a pre-authenticated download URL carries its key there). */
export function describe(url: URL): string {
  return `GET ${url.host}${url.pathname}`;
}

export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

export function withTimeout(signal: AbortSignal | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** Retry-After as delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export async function errorBody(response: Response): Promise<{ code?: string; message?: string }> {
  try {
    const bytes = await readBounded(response, 64 * 1024, '', undefined);
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as {
      error?: { code?: unknown; message?: unknown };
    };
    const code = typeof parsed.error?.code === 'string' ? parsed.error.code : undefined;
    const message = typeof parsed.error?.message === 'string' ? parsed.error.message : undefined;
    return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
  } catch {
    return {};
  }
}

/** Reads a response's body, failing once it passes `maxBytes` (the rest is not read). */
export async function readBounded(
  response: Response,
  maxBytes: number,
  what: string,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        throw new GraphError(`Microsoft Graph ${what} is larger than the limit of ${maxBytes} bytes`, 413);
      }
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof GraphError || signal?.aborted) throw error;
    throw new GraphError(`Microsoft Graph ${what}: the response broke off`, response.status, undefined, {
      cause: error,
    });
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Text from a server with the given secrets (the client secret, a token) taken out, at most 500 characters. */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out.slice(0, 500);
}
