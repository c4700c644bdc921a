/**
 * EXPERT_ROUTES_FILE is checked when `serve` builds its adapters: a route that can reach no running
 * platform stops the start with the route and what to set; without the file nothing offers a hand-off.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/log.js';
import { type Runtime, createRuntime } from '../../src/runtime.js';
import { createAdapters } from '../../src/wiring/adapters.js';

describe('EXPERT_ROUTES_FILE at start', () => {
  let dir: string | undefined;
  let runtime: Runtime | undefined;
  afterEach(async () => {
    await runtime?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function start(routes: unknown, env: Record<string, string> = {}) {
    dir = mkdtempSync(path.join(tmpdir(), 'polydesk-routes-'));
    const file = path.join(dir, 'routes.json');
    if (routes !== undefined) writeFileSync(file, JSON.stringify(routes));
    const config = loadConfig({
      DATA_DIR: dir,
      POLYDESK_SAMPLES: '0',
      ...(routes !== undefined ? { EXPERT_ROUTES_FILE: file } : {}),
      ...env,
    });
    runtime = await createRuntime(config, silentLogger, { metrics: 'discard' });
    return createAdapters(runtime);
  }

  it('stops when a route posts only to a platform that is not configured', async () => {
    const routes = [{ name: 'it', team: 'IT', default: true, slack: { channel: 'C0IT' } }];
    const failed = start(routes);
    await expect(failed).rejects.toThrow(ConfigError);
    await expect(failed).rejects.toThrow(/route "it" posts to Slack \(set SLACK_BOT_TOKEN/);
  });

  it('offers no hand-off without the file', async () => {
    expect((await start(undefined)).handOff).toBeUndefined();
  });
});
