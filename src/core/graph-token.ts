import { GraphError, readBounded, scrub, withTimeout } from './graph-http.js';

/** An app-only access token and when to ask for the next one. */
export interface AccessToken {
  readonly value: string;
  readonly renewAt: number;
}

const SCOPE = 'https://graph.microsoft.com/.default';
/** A token is renewed this long before it expires (Entra ID issues them for an hour or more), or half-way through a shorter life. */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Microsoft Graph tokens by the client-credentials grant (`{authority}/{tenant}/oauth2/v2.0/token`,
 * scope `https://graph.microsoft.com/.default`), cached until shortly before they expire. A failure
 * names the client and the tenant and what to check, never the secret.
 */
export class ClientCredentialsTokens {
  private token: AccessToken | undefined;
  private pendingToken: Promise<AccessToken> | undefined;

  constructor(
    private readonly options: {
      readonly tokenUrl: string;
      readonly tenantId: string;
      readonly clientId: string;
      readonly clientSecret: string;
      readonly timeoutMs: number;
    },
  ) {}

  async current(signal: AbortSignal | undefined): Promise<AccessToken> {
    if (this.token && Date.now() < this.token.renewAt) return this.token;
    // One token request at a time; callers that arrive meanwhile share it (an abort by the first
    // caller fails the others' wait too, and they ask again on their next attempt).
    this.pendingToken ??= this.request(signal)
      .then((token) => {
        this.token = token;
        return token;
      })
      .finally(() => {
        this.pendingToken = undefined;
      });
    return this.pendingToken;
  }

  /** Drops a token Graph refused, unless another request already replaced it. */
  forget(token: AccessToken): void {
    if (this.token === token) this.token = undefined;
  }

  private async request(signal: AbortSignal | undefined): Promise<AccessToken> {
    const form = new URLSearchParams({
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
      scope: SCOPE,
      grant_type: 'client_credentials',
    });
    let response: Response;
    try {
      response = await fetch(this.options.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form,
        redirect: 'error',
        signal: withTimeout(signal, this.options.timeoutMs),
      });
    } catch (error) {
      signal?.throwIfAborted();
      throw new GraphError('Microsoft Graph: the token endpoint could not be reached', 0, undefined, {
        cause: error,
      });
    }
    const bytes = await readBounded(response, 1024 * 1024, 'token endpoint', signal);
    let body: { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown };
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      body = {};
    }
    if (!response.ok || typeof body.access_token !== 'string' || !body.access_token) {
      const code = typeof body.error === 'string' ? body.error : undefined;
      const description =
        typeof body.error_description === 'string'
          ? scrub(body.error_description.split(/\r?\n/)[0] ?? '', [this.options.clientSecret])
          : '';
      throw new GraphError(
        `Microsoft Graph: no token for client ${this.options.clientId} in tenant ${this.options.tenantId} (${response.status}${code ? ` ${code}` : ''}${description ? `: ${description}` : ''}); check the client id, the secret and the tenant`,
        response.status,
        code,
      );
    }
    const lifeMs = Math.max(0, Number(body.expires_in) || 0) * 1000;
    return { value: body.access_token, renewAt: Date.now() + lifeMs - Math.min(RENEW_BEFORE_MS, lifeMs / 2) };
  }
}
