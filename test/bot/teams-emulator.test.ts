/**
 * The Teams endpoint without a Bot Connector token (security issue 21, finding 1): it exists only
 * when TEAMS_EMULATOR=1 asks for it, replies only to loopback IP addresses, and never takes anyone's
 * identity from the connector an unauthenticated caller names.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackUrl } from '../../src/bot/teams/messages-endpoint.js';
import { loadConfig } from '../../src/config.js';
import { type LogLevel, silentLogger } from '../../src/core/log.js';
import { createRuntime } from '../../src/runtime.js';
import { InFlight, createExpressApp, listen } from '../../src/server.js';
import { createAdapters } from '../../src/wiring/adapters.js';
import { type FakeMember, deliverActivity, teamsActivity } from '../fakes/bot-connector.js';
import { HANA, type TeamsHarness, createPipeline, startTeams } from './teams-setup.js';

/** Someone whose own connector claims they are Hana, of HR. */
const MALLORY: FakeMember = { id: '29:mallory', name: 'Mallory' };

describe('Teams in Emulator mode', () => {
  let harness: TeamsHarness;
  let pipeline: Awaited<ReturnType<typeof createPipeline>>;
  const logs: { level: LogLevel; event: string }[] = [];
  let asked = 0;

  beforeAll(async () => {
    pipeline = await createPipeline();
    harness = await startTeams({
      answers: {
        ask: (question, options) => {
          asked += 1;
          return pipeline.answers.ask(question, options);
        },
        recordClaimed: (question, claims) => pipeline.answers.recordClaimed!(question, claims),
      },
      directory: pipeline.directory,
      claims: pipeline.store.events,
      feedback: pipeline.store.feedback,
      logger: (level, event) => void logs.push({ level, event }),
    });
    // The caller's connector would say that Mallory is Hana.
    harness.connector.addUsers([{ ...MALLORY, email: 'hana@example.com' }]);
    harness.connector.addMembers('team-1', [{ ...MALLORY, email: 'hana@example.com' }, HANA]);
  });

  afterAll(async () => {
    await harness?.close();
    await pipeline?.dispose();
  });

  function question(init: Partial<Parameters<typeof teamsActivity>[1]> = {}): Record<string, unknown> {
    return teamsActivity(harness.connector, {
      scope: 'personal',
      from: MALLORY,
      text: 'What is the salary band for senior engineers?',
      ...init,
    });
  }

  it('refuses an activity whose service URL is a host name, even one starting with 127., before any turn runs', async () => {
    const port = new URL(harness.connector.serviceUrl).port;
    for (const serviceUrl of [
      `http://127.attacker.test:${port}/`,
      `http://localhost.evil:${port}/`,
      `http://localhost:${port}/`,
      `http://127.0.0.1.nip.io:${port}/`,
      `ftp://127.0.0.1:${port}/`,
      'https://smba.trafficmanager.net/amer/',
    ]) {
      const response = await deliverActivity(harness.endpoint, { ...question(), serviceUrl });
      expect(response.status, serviceUrl).toBe(403);
    }
    await harness.teams.idle();
    expect(asked).toBe(0);
    expect(harness.connector.requests).toEqual([]);
    const events = logs.map((l) => l.event);
    expect(events).toContain('teams.service_url_refused');
    expect(events).not.toContain('teams.user_lookup_failed');
  });

  it('refuses an activity without a service URL (the SDK would reply to the public Bot Framework service)', async () => {
    const { serviceUrl: _, ...activity } = question();
    expect((await deliverActivity(harness.endpoint, activity)).status).toBe(403);
    await harness.teams.idle();
    expect(asked).toBe(0);
    expect(harness.connector.requests).toEqual([]);
  });

  it('answers on a 127.0.0.1 connector, with an identity the connector cannot choose', async () => {
    const activity = question();
    const conversation = (activity['conversation'] as { id: string }).id;
    expect((await deliverActivity(harness.endpoint, activity)).status).toBe(200);
    const reply = await harness.connector.waitFor(() =>
      harness.connector.conversation(conversation).find((m) => m.stream?.state !== 'streaming'),
    );
    expect(asked).toBe(1);
    expect(JSON.stringify(reply)).not.toContain('90000');
    expect(harness.connector.requests.filter((r) => r.method === 'GET')).toEqual([]);

    // Who the activity itself says, through the directory: Hana's e-mail as the Emulator user id.
    const hana = question({ from: HANA });
    const hanaConversation = (hana['conversation'] as { id: string }).id;
    expect((await deliverActivity(harness.endpoint, hana)).status).toBe(200);
    const answer = await harness.connector.waitFor(() =>
      harness.connector.conversation(hanaConversation).find((m) => m.stream?.state !== 'streaming'),
    );
    expect(answer.text).toContain('90000');
  });

  it('treats only IP literals in 127.0.0.0/8 and ::1 as loopback', () => {
    for (const url of [
      'http://127.0.0.1:3978/',
      'http://127.5.6.7/',
      'https://[::1]:443/',
      'http://[0:0:0:0:0:0:0:1]/',
    ])
      expect(isLoopbackUrl(new URL(url)), url).toBe(true);
    for (const url of [
      'http://127.attacker.test/',
      'http://localhost/',
      'http://localhost.evil/',
      'http://128.0.0.1/',
      'http://[::2]/',
      'http://[::ffff:7f00:1]/',
      'file://127.0.0.1/etc/passwd',
    ])
      expect(isLoopbackUrl(new URL(url)), url).toBe(false);
  });
});

describe('POST /api/messages as serve wires it', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'polydesk-teams-wiring-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function statusOfMessages(env: Record<string, string>): Promise<number> {
    const config = loadConfig({ DATA_DIR: path.join(dir, 'data'), POLYDESK_SAMPLES: '0', ...env }, dir);
    const runtime = await createRuntime(config, silentLogger);
    const adapters = await createAdapters(runtime);
    const inFlight = new InFlight();
    const app = createExpressApp(
      {
        answers: runtime.answers,
        directory: runtime.directory,
        metrics: runtime.metrics,
        logger: silentLogger,
        readiness: [],
        mounts: adapters.mounts,
      },
      inFlight,
    );
    const server = await listen(app, inFlight, 0, '127.0.0.1');
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"message","text":"hi"}',
      });
      return response.status;
    } finally {
      await server.close(1_000);
      await adapters.stop();
      await runtime.close();
    }
  }

  it('is not mounted (404) without MICROSOFT_APP_ID or TEAMS_EMULATOR, and is with TEAMS_EMULATOR=1', async () => {
    expect(await statusOfMessages({})).toBe(404);
    // Mounted: this activity has no service URL, so it is refused.
    expect(await statusOfMessages({ TEAMS_EMULATOR: '1' })).toBe(403);
  });

  it('refuses TEAMS_EMULATOR together with MICROSOFT_APP_ID, or a value it does not know', () => {
    expect(() =>
      loadConfig({ TEAMS_EMULATOR: '1', MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret' }, dir),
    ).toThrow(/TEAMS_EMULATOR=1 .*cannot be combined with MICROSOFT_APP_ID/);
    expect(() => loadConfig({ TEAMS_EMULATOR: 'yes' }, dir)).toThrow(/TEAMS_EMULATOR/);
    expect(loadConfig({}, dir).teams.emulator).toBe(false);
  });
});
