import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/log.js';
import { createStandardAnswerService } from '../../src/helpdesk/standard-answers.js';
import { Store } from '../../src/store/store.js';
import { runCli } from '../helpers/cli.js';

/** `polydesk ask --json` with a standard answer in the database, through the real runtime. */
describe('ask --json and standard answers', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-standard-'));
    const store = await Store.open({ dataDir });
    await createStandardAnswerService({
      repository: store.standardAnswers,
      audit: store.audit,
      logger: silentLogger,
    }).create({
      question: 'How do I reset my VPN password?',
      answer: 'Open https://id.corp.example and choose "Forgot password".',
      title: 'Resetting the VPN password',
      team: 'IT',
      audience: ['all'],
      origin: 'admin',
      createdBy: 'paul@corp.example',
    });
    await store.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints "standard": true for a question that means the same, in another language', async () => {
    const run = await runCli(['ask', '--json', 'VPNのパスワードを忘れた場合はどうすればいいですか'], {
      env: { DATA_DIR: dataDir },
    });
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      standard: true,
      status: 'answered',
      answer: 'Open https://id.corp.example and choose "Forgot password".',
      verdict: { action: 'allow' },
      citations: [],
    });
    const text = await runCli(['ask', 'I forgot my VPN password, what now?'], { env: { DATA_DIR: dataDir } });
    expect(text.stdout).toContain('Resetting the VPN password');
    expect(text.stdout).toMatch(/Answered by IT on /);
  });

  it('leaves other questions to the knowledge base, and follows STANDARD_ANSWER_MIN_SCORE', async () => {
    const other = await runCli(['ask', '--json', 'Where is the cafeteria?'], { env: { DATA_DIR: dataDir } });
    expect(JSON.parse(other.stdout)).not.toHaveProperty('standard');
    const strict = await runCli(['ask', '--json', 'VPNのパスワードを忘れた場合はどうすればいいですか'], {
      env: { DATA_DIR: dataDir, STANDARD_ANSWER_MIN_SCORE: '1' },
    });
    expect(JSON.parse(strict.stdout)).not.toHaveProperty('standard');
    const invalid = await runCli(['ask', 'x'], {
      env: { DATA_DIR: dataDir, STANDARD_ANSWER_MIN_SCORE: '2' },
    });
    expect(invalid.code).not.toBe(0);
    expect(invalid.stderr).toContain('STANDARD_ANSWER_MIN_SCORE');
  });
});
