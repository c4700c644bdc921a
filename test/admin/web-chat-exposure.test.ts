/**
 * Who can reach the local chat page (issue 14, item 1): open (to this machine only, unless
 * WEB_CHAT=open) only while no chat platform is configured, off (404) with one unless WEB_CHAT=on, and then only for someone signed in — the
 * admin UI's session or API token, or the e-mail an SSO proxy named in TRUST_PROXY puts in
 * WEB_CHAT_SSO_HEADER. The asker's groups come from that identity, never from the request body.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { hashSecret, newSecret } from '../../src/admin/passwords.js';
import { AdminRepository } from '../../src/store/admin-repository.js';
import { type AdminServer, USERS, addDocument, signIn, startAdminServer } from './admin-harness.js';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret' };
const TEAMS = { MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'app-password' };

interface Chat {
  readonly status: number;
  readonly answer?: { status: string; answer: string; questionId: string };
  readonly error?: string;
}

async function chat(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Chat> {
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200)
    return { status: response.status, error: (JSON.parse(text) as { error: string }).error };
  const done = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; answer?: Chat['answer'] })
    .find((event) => event.type === 'done');
  return { status: 200, answer: done?.answer };
}

describe('WEB_CHAT configuration', () => {
  it('opens the page only while no chat platform is configured, unless asked', () => {
    // To this machine only (test/e2e/web-chat-network.test.ts): the network needs WEB_CHAT=open.
    expect(loadConfig({}).webChat).toEqual({ mode: 'local' });
    expect(loadConfig({ WEB_CHAT: 'auto', HOST: '0.0.0.0' }).webChat).toEqual({ mode: 'local' });
    expect(loadConfig({ WEB_CHAT: 'open' }).webChat).toEqual({ mode: 'open' });
    expect(loadConfig({ ...SLACK, WEB_CHAT: 'open' }).webChat).toEqual({ mode: 'open' });
    expect(loadConfig(SLACK).webChat).toEqual({ mode: 'off' });
    expect(loadConfig(TEAMS).webChat).toEqual({ mode: 'off' });
    expect(loadConfig({ TEAMS_EMULATOR: '1' }).webChat).toEqual({ mode: 'off' });
    expect(loadConfig({ ...SLACK, WEB_CHAT: 'on' }).webChat).toEqual({ mode: 'signed-in' });
    // Asked for explicitly, it is behind the sign-in even without a platform.
    expect(loadConfig({ WEB_CHAT: 'on' }).webChat).toEqual({ mode: 'signed-in' });
    expect(loadConfig({ WEB_CHAT: 'off' }).webChat).toEqual({ mode: 'off' });
  });

  it('refuses values it does not know and an SSO header it could not trust, saying how to fix it', () => {
    expect(() => loadConfig({ WEB_CHAT: 'yes' })).toThrow(
      /WEB_CHAT: .*set WEB_CHAT to auto .*on .*open .*off/,
    );
    expect(() => loadConfig({ WEB_CHAT: 'network' })).toThrow(
      /open \(no sign-in, for anyone who reaches the port\)/,
    );
    expect(() => loadConfig({ WEB_CHAT: 'on', WEB_CHAT_SSO_HEADER: 'X-Forwarded-Email' })).toThrow(
      /WEB_CHAT_SSO_HEADER needs TRUST_PROXY set to the SSO proxy's addresses/,
    );
    // A hop count cannot tell the proxy from a client that reaches the port directly.
    expect(() =>
      loadConfig({ WEB_CHAT: 'on', WEB_CHAT_SSO_HEADER: 'X-Forwarded-Email', TRUST_PROXY: '1' }),
    ).toThrow(/WEB_CHAT_SSO_HEADER needs TRUST_PROXY/);
    expect(() => loadConfig({ WEB_CHAT_SSO_HEADER: 'X-Forwarded-Email', TRUST_PROXY: 'loopback' })).toThrow(
      /set WEB_CHAT=on as well/,
    );
    expect(() =>
      loadConfig({ WEB_CHAT: 'on', WEB_CHAT_SSO_HEADER: 'Cookie', TRUST_PROXY: 'loopback' }),
    ).toThrow(/WEB_CHAT_SSO_HEADER cannot be Cookie/);
    expect(() =>
      loadConfig({ WEB_CHAT: 'on', WEB_CHAT_SSO_HEADER: 'X Email', TRUST_PROXY: 'loopback' }),
    ).toThrow(/WEB_CHAT_SSO_HEADER: must be a header name/);
    expect(
      loadConfig({ WEB_CHAT: 'on', WEB_CHAT_SSO_HEADER: 'X-Forwarded-Email', TRUST_PROXY: '10.0.0.5' })
        .webChat,
    ).toEqual({ mode: 'signed-in', ssoHeader: 'x-forwarded-email' });
  });
});

describe('the chat page with a chat platform configured', () => {
  let s: AdminServer;
  afterEach(async () => {
    await s?.close();
  });

  it('is not there (404) unless WEB_CHAT=on, even for a signed-in admin', async () => {
    s = await startAdminServer({ env: { ...SLACK, WEB_CHAT: 'auto' } });
    const { cookie } = await signIn(s.url, USERS.admin);
    expect((await chat(s.url, { question: 'How do I set up the VPN?' })).status).toBe(404);
    expect((await chat(s.url, { question: 'How do I set up the VPN?' }, { cookie })).status).toBe(404);
    expect((await fetch(`${s.url}/`)).status).toBe(404);
    expect((await fetch(`${s.url}/api/chat/held/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
    // The admin UI itself is unaffected.
    expect((await fetch(`${s.url}/admin/knowledge`, { headers: { cookie } })).status).toBe(200);
  });
});

describe('the chat page with WEB_CHAT=on', () => {
  let s: AdminServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'polydesk-web-chat-'));
    const directory = path.join(dir, 'directory.json');
    writeFileSync(directory, JSON.stringify({ groups: { hr: [USERS.publisher] } }));
    s = await startAdminServer({ env: { ...SLACK, WEB_CHAT: 'on', DIRECTORY_FILE: directory } });
    await addDocument(
      s.runtime,
      'bands.md',
      '---\ntitle: Pay bands\n---\n# Pay bands\n\nThe Quillfeather pay band review happens every March for all engineers.\n',
      { audience: ['hr'] },
    );
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const QUESTION = 'When does the Quillfeather pay band review happen?';

  it('refuses anyone not signed in: 401 from the API, the sign-in page for the page', async () => {
    const refused = await chat(s.url, { question: QUESTION });
    expect(refused.status).toBe(401);
    expect(refused.error).toMatch(/sign in first .*\/admin\/login/);
    const page = await fetch(`${s.url}/`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/admin/login?next=%2F');
    // An SSO header counts for nothing while WEB_CHAT_SSO_HEADER is not configured.
    expect((await chat(s.url, { question: QUESTION }, { 'x-forwarded-email': USERS.publisher })).status).toBe(
      401,
    );
  });

  it('answers a signed-in person as themselves, with their groups, whatever the body claims', async () => {
    const publisher = await signIn(s.url, USERS.publisher);
    const reviewer = await signIn(s.url, USERS.reviewer);
    const page = await fetch(`${s.url}/`, { headers: { cookie: publisher.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('chat.js');

    const asPublisher = await chat(s.url, { question: QUESTION }, { cookie: publisher.cookie });
    expect(asPublisher.answer?.status).toBe('answered');
    expect(asPublisher.answer?.answer).toContain('every March');
    const recorded = await s.runtime.store.questions.get(asPublisher.answer!.questionId);
    expect(recorded?.asker).toBe(USERS.publisher);

    // The reviewer is not in hr: naming the publisher in the body changes nothing.
    const asReviewer = await chat(
      s.url,
      { question: QUESTION, user: USERS.publisher, asker: { email: USERS.publisher, groups: ['hr'] } },
      { cookie: reviewer.cookie },
    );
    expect(asReviewer.answer?.status).toBe('not_found');
    expect((await s.runtime.store.questions.get(asReviewer.answer!.questionId))?.asker).toBe(USERS.reviewer);
  });

  it('does not let another site post with the session, and takes an API token instead of a cookie', async () => {
    const { cookie } = await signIn(s.url, USERS.publisher);
    const crossSite = await chat(s.url, { question: QUESTION }, { cookie, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(401);
    const token = newSecret();
    await new AdminRepository(s.runtime.store.db).addToken({
      tokenHash: hashSecret(token),
      id: 'chat-test',
      email: USERS.publisher,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const withToken = await chat(s.url, { question: QUESTION }, { authorization: `Bearer ${token}` });
    expect(withToken.answer?.answer).toContain('every March');
    expect((await chat(s.url, { question: QUESTION }, { authorization: 'Bearer nonsense' })).status).toBe(
      401,
    );
  });
});

describe('the chat page behind an SSO proxy', () => {
  let s: AdminServer;
  afterEach(async () => {
    await s?.close();
  });

  it('believes the header only from a proxy TRUST_PROXY names, and only a single e-mail', async () => {
    s = await startAdminServer({
      env: { ...SLACK, WEB_CHAT: 'on', WEB_CHAT_SSO_HEADER: 'X-Forwarded-Email', TRUST_PROXY: 'loopback' },
    });
    const sso = await chat(
      s.url,
      { question: 'How do I set up the VPN?' },
      { 'x-forwarded-email': 'Ana@Corp.Example' },
    );
    expect(sso.status).toBe(200);
    expect((await s.runtime.store.questions.get(sso.answer!.questionId))?.asker).toBe('ana@corp.example');
    for (const value of ['ana@corp.example, root@corp.example', 'not an e-mail', '"Ana" <ana@corp.example>'])
      expect((await chat(s.url, { question: 'VPN?' }, { 'x-forwarded-email': value })).status).toBe(401);
  });

  it('ignores the header from a peer that is not the configured proxy', async () => {
    s = await startAdminServer({
      env: { ...SLACK, WEB_CHAT: 'on', WEB_CHAT_SSO_HEADER: 'X-Forwarded-Email', TRUST_PROXY: '10.0.0.5' },
    });
    // This test connects from 127.0.0.1, as a client that reaches the port around the proxy would.
    const spoofed = await chat(s.url, { question: 'VPN?' }, { 'x-forwarded-email': USERS.admin });
    expect(spoofed.status).toBe(401);
    // The admin sign-in still works beside it.
    const { cookie } = await signIn(s.url, USERS.admin);
    expect((await chat(s.url, { question: 'How do I set up the VPN?' }, { cookie })).status).toBe(200);
  });
});
