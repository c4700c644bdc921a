/**
 * The open chat page of a fresh install (WEB_CHAT=auto, no Slack or Teams) answers only this
 * machine, even on the default HOST=0.0.0.0: a peer from the network gets 403 and one line saying
 * how to open it; WEB_CHAT=open opens it on purpose. Real `polydesk serve`, real sockets: the
 * non-loopback peer is this host's own network address (skipped where the host has none).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'express';
import { loadConfig } from '../../src/config.js';
import type { AdminRepository } from '../../src/store/admin-repository.js';
import { LOCAL_ONLY, webChatAccess } from '../../src/wiring/web-chat-access.js';
import { BIN, ROOT } from '../helpers/cli.js';

/** An IPv4 address of this host that is not loopback, or undefined. */
const NETWORK_ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;
const NO_NETWORK = 'this host has no non-loopback IPv4 address to connect from';

interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  readonly port: number;
  logs(): string;
}

/** `polydesk serve` on HOST=0.0.0.0 and a free port, no sample documents; resolves once it listens. */
async function serve(dataDir: string, env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: '0.0.0.0',
      PORT: '0',
      DATA_DIR: dataDir,
      POLYDESK_SAMPLES: '0',
      ...env,
    },
  });
  let logs = '';
  child.stdout.resume();
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${logs}`)), 90_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      logs += chunk;
      const match = /"event":"server.listening","url":"http:\/\/[^"]+:(\d+)"/.exec(logs);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${logs}`)));
  });
  return { child, port, logs: () => logs };
}

function ask(host: string, port: number, headers: Record<string, string> = {}) {
  return fetch(`http://${host}:${port}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ question: 'How do I set up the VPN?' }),
  });
}

async function doneEvent(res: Response): Promise<{ type: string; answer?: { status: string } } | undefined> {
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; answer?: { status: string } })
    .find((event) => event.type === 'done');
}

describe('the open chat page on HOST=0.0.0.0', () => {
  const dirs: string[] = [];
  let auto: Served;
  let open: Served;

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) dirs.push(mkdtempSync(path.join(tmpdir(), 'polydesk-webnet-')));
    [auto, open] = await Promise.all([serve(dirs[0]!, {}), serve(dirs[1]!, { WEB_CHAT: 'open' })]);
  }, 120_000);
  afterAll(() => {
    auto?.child.kill('SIGKILL');
    open?.child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('WEB_CHAT=auto answers a browser on this machine, as `npm start` on a laptop needs', async () => {
    const page = await fetch(`http://127.0.0.1:${auto.port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form id="ask">');
    const res = await ask('127.0.0.1', auto.port);
    expect(res.status).toBe(200);
    expect((await doneEvent(res))?.answer?.status).toBeDefined();
    expect(auto.logs()).toMatch(/"event":"web_chat.local_only"/);
    expect(auto.logs()).not.toMatch(/"event":"web_chat.open"/);
  });

  it('WEB_CHAT=auto refuses a peer from the network with 403 and says how to open the page', async ({
    skip,
  }) => {
    if (!NETWORK_ADDRESS) skip(NO_NETWORK);
    const page = await fetch(`http://${NETWORK_ADDRESS}:${auto.port}/`);
    expect(page.status).toBe(403);
    const line = await page.text();
    expect(line).toMatch(/^the chat page answers only this machine .*WEB_CHAT=on.*WEB_CHAT=open.*\n$/);
    expect(line.trim().split('\n')).toHaveLength(1);
    const res = await ask(NETWORK_ADDRESS!, auto.port);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/WEB_CHAT=open/);
    // A forwarded header never admits anyone: the TCP peer is what counts.
    const claimsLocal = await ask(NETWORK_ADDRESS!, auto.port, {
      'x-forwarded-for': '127.0.0.1',
      forwarded: 'for=127.0.0.1',
    });
    expect(claimsLocal.status).toBe(403);
    // The held-answer endpoint is refused the same way, before anything is looked up.
    const held = await fetch(`http://${NETWORK_ADDRESS}:${auto.port}/api/chat/held/${crypto.randomUUID()}`);
    expect(held.status).toBe(403);
  });

  it('WEB_CHAT=auto refuses a local proxy relaying someone else', async () => {
    expect((await ask('127.0.0.1', auto.port, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(403);
    expect((await ask('127.0.0.1', auto.port, { forwarded: 'for=203.0.113.7' })).status).toBe(403);
  });

  it('WEB_CHAT=open answers a peer from the network, and the log warns of it', async ({ skip }) => {
    expect(open.logs()).toMatch(/"event":"web_chat.open".*WEB_CHAT=open/);
    if (!NETWORK_ADDRESS) skip(NO_NETWORK);
    expect((await fetch(`http://${NETWORK_ADDRESS}:${open.port}/`)).status).toBe(200);
    const res = await ask(NETWORK_ADDRESS!, open.port);
    expect(res.status).toBe(200);
    expect((await doneEvent(res))?.type).toBe('done');
  });
});

describe('which peers the open page of WEB_CHAT=auto takes for this machine', () => {
  // Never asked: the open page signs nobody in.
  const admins = undefined as unknown as AdminRepository;
  const access = webChatAccess({ config: loadConfig({ WEB_CHAT: 'auto' }), admins });
  const refusal = (remoteAddress: string | undefined, headers: Record<string, string> = {}) => {
    if (access?.mode !== 'open' || !access.refuse) throw new Error('expected the local-only open page');
    return access.refuse({ socket: { remoteAddress }, headers } as unknown as Request);
  };

  it('admits loopback in every form a socket reports it, and nothing else', () => {
    for (const peer of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(refusal(peer), peer).toBeUndefined();
    for (const peer of ['192.0.2.2', '10.0.0.1', '::ffff:10.0.0.1', 'fd00::2', 'fe80::1', '::', undefined])
      expect(refusal(peer), String(peer)).toBe(LOCAL_ONLY);
  });

  it('refuses a loopback peer that relays someone else, whatever the header claims', () => {
    expect(refusal('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' })).toBe(LOCAL_ONLY);
    expect(refusal('::1', { forwarded: 'for=127.0.0.1' })).toBe(LOCAL_ONLY);
  });

  it('WEB_CHAT=open refuses nobody; on and off are not the open page', () => {
    expect(webChatAccess({ config: loadConfig({ WEB_CHAT: 'open' }), admins })).toEqual({ mode: 'open' });
    expect(webChatAccess({ config: loadConfig({ WEB_CHAT: 'off' }), admins })).toBeUndefined();
    expect(webChatAccess({ config: loadConfig({ WEB_CHAT: 'on' }), admins })?.mode).toBe('signed-in');
  });
});
