import { PolyDeskError } from './errors.js';
import { type HttpErrorFactory, readBounded as readBoundedBody } from './http-limits.js';

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

export { describeGet as describe, retryAfterMs, withTimeout } from './http-limits.js';

export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
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
export function readBounded(
  response: Response,
  maxBytes: number,
  what: string,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  return readBoundedBody(response, maxBytes, `Microsoft Graph ${what}`, signal, graphFailure);
}

/** A GraphError without a Graph code (a body too large or cut off). */
export const graphFailure: HttpErrorFactory = (message, status, cause) =>
  new GraphError(message, status, undefined, cause === undefined ? undefined : { cause });

/** Text from a server with the given secrets (the client secret, a token) taken out, at most 500 characters. */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out.slice(0, 500);
}
