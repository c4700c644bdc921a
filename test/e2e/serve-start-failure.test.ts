import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackServer } from '../fakes/slack-server.js';
import { runCli } from '../helpers/cli.js';

/** A loopback port that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('polydesk serve when a chat platform fails at start', () => {
  let dataDir: string;
  let slack: FakeSlackServer;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-serve-fail-'));
    slack = await FakeSlackServer.start();
  });
  afterAll(async () => {
    await slack?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const serve = (apiUrl: string) =>
    runCli(['serve'], {
      env: {
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        SLACK_BOT_TOKEN: 'xoxb-rejected-token',
        SLACK_SIGNING_SECRET: 'signing-secret',
        SLACK_API_URL: apiUrl,
      },
      // Without the fix the process keeps serving /healthz and is killed here: the code is then null.
      timeoutMs: 60_000,
    });

  it('exits non-zero with the reason when Slack rejects the token (auth.test fails)', async () => {
    slack.disable('auth.test', 'invalid_auth');
    const result = await serve(slack.apiUrl);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SLACK_BOT_TOKEN was rejected by Slack \(invalid_auth\)/);
    expect(result.stderr).toMatch(/"event":"server.start_failed"/);
  }, 90_000);

  it('exits non-zero with the reason when the Slack Web API cannot be reached', async () => {
    const result = await serve(`http://127.0.0.1:${await closedPort()}/api/`);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /polydesk serve failed: .*could not reach the Slack Web API at http:\/\/127\.0\.0\.1/,
    );
  }, 90_000);
});
