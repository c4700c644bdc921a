import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphClient, GraphError, retryAfterMs } from '../../src/core/graph-client.js';
import { type FakeGraph, startFakeGraph } from '../fakes/fake-graph.js';

let graph: FakeGraph;

function client(overrides: Partial<ConstructorParameters<typeof GraphClient>[0]> = {}): GraphClient {
  return new GraphClient({
    tenantId: graph.tenantId,
    clientId: graph.clientId,
    clientSecret: graph.clientSecret,
    graphUrl: graph.graphUrl,
    loginUrl: graph.loginUrl,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error('expected a GraphError');
}

const graphRequests = () => graph.requests.filter((r) => r.url.startsWith('/v1.0/'));
const tokenRequests = () => graph.requests.filter((r) => r.url.endsWith('/oauth2/v2.0/token'));

beforeEach(async () => {
  graph = await startFakeGraph({ pageSize: 2 });
});
afterEach(async () => {
  await graph.close();
});

describe('GraphClient', () => {
  it('gets JSON with a client-credentials token, asked for once and reused', async () => {
    graph.route('/me/thing', { hello: 'world' });
    const graphClient = client();
    expect(await graphClient.get('/me/thing')).toEqual({ hello: 'world' });
    expect(await graphClient.get('me/thing')).toEqual({ hello: 'world' });
    expect(tokenRequests()).toHaveLength(1);
    expect(graphRequests().map((r) => r.authorization)).toEqual([
      `Bearer ${graph.tokensIssued[0]}`,
      `Bearer ${graph.tokensIssued[0]}`,
    ]);
  });

  it('asks for a new token when the cached one is about to expire', async () => {
    // A token that expires at once is never reused.
    await graph.close();
    graph = await startFakeGraph({ tokenLifetimeSec: 0 });
    graph.route('/me/thing', { ok: true });
    const graphClient = client();
    await graphClient.get('/me/thing');
    await graphClient.get('/me/thing');
    expect(tokenRequests()).toHaveLength(2);
  });

  it('renews an expired token once on 401, then fails on a second 401', async () => {
    graph.route('/me/thing', { ok: true });
    const graphClient = client();
    await graphClient.get('/me/thing');
    graph.expireTokens();
    expect(await graphClient.get('/me/thing')).toEqual({ ok: true });
    expect(tokenRequests()).toHaveLength(2);
    expect(graphRequests().at(-1)?.authorization).toBe(`Bearer ${graph.tokensIssued[1]}`);

    graph.failNext(
      '/me/thing',
      { status: 401, code: 'InvalidAuthenticationToken' },
      { status: 401, code: 'InvalidAuthenticationToken' },
    );
    const error = await failure(graphClient.get('/me/thing'));
    expect(error.status).toBe(401);
    expect(error.graphCode).toBe('InvalidAuthenticationToken');
    expect(tokenRequests()).toHaveLength(3);
  });

  it('fails with a message that names the problem and never holds the secret', async () => {
    const error = await failure(client({ clientSecret: 'wrong-secret-value-123' }).get('/me/thing'));
    expect(error.status).toBe(401);
    expect(error.graphCode).toBe('invalid_client');
    expect(error.message).toContain('check the client id, the secret and the tenant');
    expect(error.message).not.toContain('wrong-secret-value-123');
    expect(error.message).not.toContain(graph.clientSecret);
  });

  it('keeps the token out of errors a server echoes it in', async () => {
    const graphClient = client();
    graph.route('/me/thing', { ok: true });
    await graphClient.get('/me/thing');
    const token = graph.tokensIssued[0] ?? '';
    graph.failNext('/me/other', { status: 403, code: 'accessDenied', message: `token ${token} may not` });
    const error = await failure(graphClient.get('/me/other'));
    expect(error.message).toContain('403 accessDenied');
    expect(error.message).not.toContain(token);
  });

  it('waits as long as Retry-After asks on 429 and 503, then succeeds', async () => {
    graph.route('/me/thing', { ok: true });
    graph.failNext('/me/thing', { status: 429, retryAfter: '1' }, { status: 503, retryAfter: '1' });
    expect(await client().get('/me/thing')).toEqual({ ok: true });
    const tries = graphRequests();
    expect(tries).toHaveLength(3);
    // Honoured, not a timing: no retry came before the server's Retry-After had passed.
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(990);
    expect(tries[2]!.at - tries[1]!.at).toBeGreaterThanOrEqual(990);
  });

  it('gives up at once when Retry-After is beyond the total wait it may spend, and after the retries allowed', async () => {
    graph.route('/me/thing', { ok: true });
    graph.failNext('/me/thing', { status: 429, retryAfter: '3600' });
    const error = await failure(client({ maxRetryWaitMs: 10_000 }).get('/me/thing'));
    expect(error.status).toBe(429);
    expect(error.message).toContain('still throttled');
    expect(graphRequests()).toHaveLength(1);

    graph.failNext(
      '/me/thing',
      { status: 429, retryAfter: '0' },
      { status: 429, retryAfter: '0' },
      { status: 429, retryAfter: '0' },
    );
    const again = await failure(client({ maxRetries: 2 }).get('/me/thing'));
    expect(again.status).toBe(429);
    expect(graphRequests()).toHaveLength(4);
  });

  it('stops waiting when aborted', async () => {
    graph.route('/me/thing', { ok: true });
    graph.failNext('/me/thing', { status: 429, retryAfter: '60' });
    const controller = new AbortController();
    const pending = client().get('/me/thing', { signal: controller.signal });
    const deadline = Date.now() + 10_000;
    while (graphRequests().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(graphRequests()).toHaveLength(1);
  });

  it('follows @odata.nextLink through every page', async () => {
    graph.setMembers(
      'g1',
      ['a', 'b', 'c', 'd', 'e'].map((n) => ({ type: 'user' as const, id: n, mail: `${n}@contoso.com` })),
    );
    const seen: string[] = [];
    let pages = 0;
    for await (const page of client().pages<{ mail: string }>('/groups/g1/transitiveMembers')) {
      pages++;
      for (const member of page.value) seen.push(member.mail);
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e'].map((n) => `${n}@contoso.com`));
  });

  it('refuses to send its token to a link outside the Graph URL', async () => {
    graph.route('/me/page', { value: [1], '@odata.nextLink': 'https://evil.example/v1.0/me/page2' });
    const pages = client().pages('/me/page');
    await pages.next();
    const error = await failure(pages.next());
    expect(error.message).toContain('not under the configured Graph URL');
    expect(graph.requests.some((r) => r.url.includes('page2'))).toBe(false);
  });

  it('downloads through the redirect without the token, within a byte limit', async () => {
    graph.addDrive({ id: 'd1', name: 'Documents' });
    const id = graph.putFile('d1', { name: 'a.txt', content: 'hello graph' });
    const bytes = await client().download(`/drives/d1/items/${id}/content`, 1024);
    expect(new TextDecoder().decode(bytes)).toBe('hello graph');
    const download = graph.requests.find((r) => r.url.startsWith('/download/'));
    expect(download?.authorization).toBeUndefined();

    const error = await failure(client().download(`/drives/d1/items/${id}/content`, 5));
    expect(error.message).toContain('over the limit of 5');
    expect(error.message).not.toContain('tempauth');
  });

  it('rejects configuration it cannot use with a message that says what to fix', () => {
    expect(() => client({ clientSecret: '' })).toThrow(/clientSecret is required/);
    expect(() => client({ tenantId: 'a/b' })).toThrow(/tenantId must be/);
    expect(() => client({ graphUrl: 'ftp://x' })).toThrow(/graphUrl must be an http\(s\) URL/);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(
      30_000,
    );
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
