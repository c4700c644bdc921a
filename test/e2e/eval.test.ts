import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_XQUAD_DIR, loadXquad, passageFile } from '../../bench/xquad-recall.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/core/log.js';
import { createRuntime } from '../../src/runtime.js';
import { jsonLines, ROOT, runCli } from '../helpers/cli.js';

interface EvalJson {
  summary: {
    questions: number;
    k: number;
    hitAtK: number | null;
    answerContains: number | null;
    languageMatch: number | null;
    notFound: number | null;
    p50Ms: number | null;
  };
  results: {
    question: string;
    status: string;
    hit: boolean | null;
    contains: boolean | null;
    language: string;
    ms: number;
  }[];
}

describe('polydesk eval on XQuAD (English, 40 passages)', () => {
  let work: string;
  let questions: { query: string; passage: number }[];
  const env = () => ({ DATA_DIR: path.join(work, 'data') });

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'polydesk-eval-xquad-'));
    const set = loadXquad(DEFAULT_XQUAD_DIR, 'en');
    const docs = path.join(work, 'docs');
    mkdirSync(docs);
    for (const [i, text] of set.passages.slice(0, 40).entries())
      writeFileSync(path.join(docs, passageFile(i)), text + '\n');
    questions = set.questions.filter((q) => q.passage < 40);
    const golden = questions.map((q) =>
      JSON.stringify({ question: q.query, expected_source: passageFile(q.passage) }),
    );
    writeFileSync(path.join(work, 'golden.jsonl'), golden.join('\n') + '\n');
    const ingest = await runCli(['ingest', docs, '--json'], { env: env() });
    expect(ingest.code).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Per question, whether `polydesk search --k K` (batch mode) has the question's passage. */
  async function searchHits(k: number): Promise<boolean[]> {
    const input = questions.map((q, id) => JSON.stringify({ id, query: q.query })).join('\n') + '\n';
    const result = await runCli(['search', '--k', String(k), '--json'], { env: env(), input });
    expect(result.code).toBe(0);
    const hits = new Array<boolean>(questions.length);
    for (const line of jsonLines(result.stdout)) {
      const id = line.id as number;
      const want = passageFile(questions[id]!.passage);
      hits[id] = (line.hits as { source: string }[]).some((h) => path.basename(h.source) === want);
    }
    return hits;
  }

  // hit@1 misses some questions (measured 0.938 on these 225), so equality there is not 1 = 1.
  it.each([5, 1])('reports the same hit@%i that polydesk search gives, question by question', async (k) => {
    const result = await runCli(['eval', path.join(work, 'golden.jsonl'), '--k', String(k), '--json'], {
      env: env(),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as EvalJson;
    const search = await searchHits(k);
    // The golden set's values are trimmed (three XQuAD questions end with a space).
    expect(report.results.map((r) => r.question)).toEqual(questions.map((q) => q.query.trim()));
    expect(report.results.map((r) => r.hit)).toEqual(search);
    expect(report.summary.hitAtK).toBe(search.filter(Boolean).length / search.length);
    expect(report.summary).toMatchObject({
      questions: questions.length,
      k,
      answerContains: null,
      languageMatch: null,
    });
    if (k === 1) expect(report.summary.hitAtK).toBeLessThan(1);
  });
});

describe('polydesk eval on the sample knowledge base', () => {
  let work: string;
  const env = (extra: Record<string, string> = {}) => ({
    DATA_DIR: path.join(work, 'data'),
    DIRECTORY_FILE: path.join(ROOT, 'examples/directory.json'),
    ...extra,
  });
  const write = (name: string, text: string) => {
    writeFileSync(path.join(work, name), text);
    return path.join(work, name);
  };

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'polydesk-eval-'));
    const result = await runCli(['ingest', 'examples/knowledge', '--json'], { env: env() });
    expect(result.code).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints exactly the contract JSON: summary and one result per question', async () => {
    const file = write(
      'shape.jsonl',
      [
        {
          question: 'How many days of paid leave do I get?',
          expected_source: 'hr/annual-leave.md',
          expected_answer: '20 days',
          language: 'en',
        },
        { question: '有給休暇は何日もらえますか？', expected_answer: '２０', language: 'ja-JP' },
        {
          question: '¿Cuántos días de vacaciones pagadas tengo?',
          expected_source: 'examples/knowledge/hr/annual-leave-es.md',
          language: 'fr',
        },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const result = await runCli(['eval', file, '--json'], { env: env() });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as EvalJson;
    expect(Object.keys(report).sort()).toEqual(['results', 'summary']);
    expect(Object.keys(report.summary).sort()).toEqual(
      ['answerContains', 'hitAtK', 'k', 'languageMatch', 'notFound', 'p50Ms', 'questions'].sort(),
    );
    for (const r of report.results)
      expect(Object.keys(r).sort()).toEqual(['contains', 'hit', 'language', 'ms', 'question', 'status']);
    const [en, ja, es] = report.results;
    expect(en).toMatchObject({ status: 'answered', hit: true, contains: true, language: 'en' });
    // Full-width ２０ folds to 20 (NFKC); no expected source: hit is not applicable.
    expect(ja).toMatchObject({ status: 'answered', hit: null, contains: true, language: 'ja' });
    expect(es).toMatchObject({ hit: true, contains: null, language: 'es' });
    expect(report.summary).toMatchObject({
      questions: 3,
      k: 5,
      hitAtK: 1,
      answerContains: 1,
      languageMatch: 2 / 3,
      notFound: 0,
    });
    expect(report.summary.p50Ms).toBe([...report.results.map((r) => r.ms)].sort((a, b) => a - b)[1]);
  });

  it('reads CSV as spreadsheets write it: byte order mark, CRLF, quoted separators, quotes and line breaks', async () => {
    const csv =
      '\uFEFFQuestion,Expected_Source,expected_answer,notes\r\n' +
      '"How many days of paid leave do I get, per year?",hr/annual-leave.md,20 days,"a ""note"", ignored"\r\n' +
      '\r\n' +
      '"How do I connect\r\nto the VPN?" ,it/vpn-setup.md,,\r\n' +
      'What is the "home office" allowance?,,allowance,\r\n';
    const result = await runCli(['eval', write('golden.csv', csv), '--json'], { env: env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as EvalJson;
    expect(report.results.map((r) => r.question)).toEqual([
      'How many days of paid leave do I get, per year?',
      'How do I connect\nto the VPN?',
      'What is the "home office" allowance?',
    ]);
    expect(report.results[0]).toMatchObject({ hit: true, contains: true });
    expect(report.results[1]).toMatchObject({ hit: true, contains: null });
    expect(report.results[2]!.hit).toBeNull();
  });

  it('reads semicolon-separated CSV and JSON lines with a byte order mark and CRLF', async () => {
    const semicolons = 'question;expected_source\n"Where is the VPN guide; for Windows?";vpn-setup.md\n';
    const a = await runCli(['eval', write('semi.csv', semicolons), '--json'], { env: env() });
    expect(a.code).toBe(0);
    expect((JSON.parse(a.stdout) as EvalJson).results).toMatchObject([
      { question: 'Where is the VPN guide; for Windows?', hit: true },
    ]);
    const jsonl = `\uFEFF${JSON.stringify({ question: 'VPN', expected_source: 'it/vpn-setup.md' })}\r\n\r\n${JSON.stringify({ question: 'Wi-Fi guest password', expected_answer: 'zzz-not-there' })}\r\n`;
    const b = await runCli(['eval', write('bom.jsonl', jsonl), '--json'], { env: env() });
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect((JSON.parse(b.stdout) as EvalJson).results).toMatchObject([
      { question: 'VPN', hit: true },
      { question: 'Wi-Fi guest password', contains: false },
    ]);
  });

  it('reports each bad line with its number, skips it, runs the rest and exits 1', async () => {
    const csv = [
      'question,expected_source,language',
      'How many days of paid leave do I get?,hr/annual-leave.md,en',
      'How do I reset my password, please?,it/password-reset.md,en', // unquoted comma: 4 fields
      '"Where is the VPN guide?"x,it/vpn-setup.md,en', // text after the closing quote
      ',it/vpn-setup.md,en', // no question
      'What about sick leave?,,', // nothing expected
      'How do I book a meeting room?,facilities/meeting-rooms.md,english', // not a language code
      '"Unclosed quote, about expenses?,hr/expenses.md,en',
      'How do I claim expenses?,hr/expenses.md,en',
    ].join('\n');
    const file = write('bad.csv', csv);
    const markdown = await runCli(['eval', file], { env: env() });
    expect(markdown.code).toBe(1);
    for (const line of [3, 4, 5, 6, 7, 8]) expect(markdown.stderr).toContain(`${file} line ${line}: `);
    expect(markdown.stderr).toContain('line 3: 4 fields where the header has 3');
    expect(markdown.stderr).toContain('line 8: a quoted value is not closed');
    expect(markdown.stdout).toContain('## Lines skipped (6)');
    expect(markdown.stdout).toMatch(/\| 7 \| language "english" is not a language code/);
    const json = await runCli(['eval', file, '--json'], { env: env() });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as EvalJson;
    expect(report.results.map((r) => r.question)).toEqual([
      'How many days of paid leave do I get?',
      'How do I claim expenses?',
    ]);

    const jsonl = [
      '{"question": "VPN", "expected_source": "it/vpn-setup.md"}',
      '{"question": "VPN"',
      '[1]',
      '{"question": 5, "expected_answer": "x"}',
    ];
    const lines = await runCli(['eval', write('bad.jsonl', jsonl.join('\n')), '--json'], { env: env() });
    expect(lines.code).toBe(1);
    expect(lines.stderr).toContain('line 2: invalid JSON');
    expect(lines.stderr).toContain('line 3: expected a JSON object per line');
    expect(lines.stderr).toContain('line 4: "question" must be a string');
    expect((JSON.parse(lines.stdout) as EvalJson).summary.questions).toBe(1);
  });

  it('counts a restricted document as a miss for someone outside its audience, a hit for HR', async () => {
    const csv = [
      'question,expected_source,user',
      'What are the salary bands for 2026?,hr/salary-bands-2026.md,',
      'What are the salary bands for 2026?,hr/salary-bands-2026.md,hana.sato@lumenworks.example',
    ].join('\n');
    const result = await runCli(['eval', write('restricted.csv', csv)], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\| hit@5: expected source in the first 5 \| 0\.500 \| 1 of 2 \|/);
    const misses = result.stdout.slice(result.stdout.indexOf('## Misses'));
    expect(misses).toMatch(
      /\| 2 \| What are the salary bands for 2026\? \| \w+ \| hr\/salary-bands-2026\.md not in the first 5/,
    );
    expect(misses).not.toMatch(/\| 3 \|/);
    expect(misses).not.toContain('examples/knowledge/hr/salary-bands-2026.md');
  });

  it('runs the guardrails as ask does: an answer that would reveal a planted password is held, a miss', async () => {
    const line = {
      question: 'What is the password of the backup database?',
      expected_source: 'it/runbooks/backup-server-runbook.md',
      expected_answer: 'Tq8!vRm2-Lk5wZp9',
    };
    const result = await runCli(['eval', write('held.jsonl', JSON.stringify(line)), '--json'], {
      env: env(),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Tq8!vRm2');
    expect((JSON.parse(result.stdout) as EvalJson).results).toMatchObject([
      { status: 'held', hit: true, contains: false },
    ]);
  });

  it('compares two configurations with --baseline: deltas, newly hit and newly missed questions', async () => {
    const golden = write(
      'compare.jsonl',
      [
        {
          question: 'How many days of paid leave do I get?',
          expected_source: 'hr/annual-leave.md',
          expected_answer: '20 days',
        },
        { question: 'VPN', expected_source: 'it/vpn-setup.md' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    // Questions over 20 characters are refused before retrieval: the long one misses there.
    const short = path.join(work, 'short.json');
    const refusing = await runCli(['eval', golden, '--out', short], {
      env: env({ MAX_QUESTION_CHARS: '20' }),
    });
    expect(refusing.code).toBe(0);
    expect(refusing.stdout).toContain('# polydesk eval:');
    expect((JSON.parse(readFileSync(short, 'utf8')) as EvalJson).summary).toMatchObject({
      hitAtK: 0.5,
      answerContains: 0,
    });
    const full = path.join(work, 'full.json');
    expect((await runCli(['eval', golden, '--out', full], { env: env() })).code).toBe(0);

    const better = await runCli(['eval', golden, '--baseline', short], { env: env() });
    expect(better.code).toBe(0);
    expect(better.stdout).toMatch(
      /\| hit@5: expected source in the first 5 \| 0\.500 \| 1\.000 \| \+0\.500 \|/,
    );
    expect(better.stdout).toMatch(/\| answer contains the expected text \| 0\.000 \| 1\.000 \| \+1\.000 \|/);
    expect(better.stdout).toMatch(
      /## Newly hit \(1\)\n\n.*\n.*\n\| How many days of paid leave do I get\? \| expected source now in the first 5; answer now contains the expected text \| invalid → answered \|/,
    );
    expect(better.stdout).toContain('## Newly missed (0)');

    const worse = await runCli(['eval', golden, '--baseline', full], {
      env: env({ MAX_QUESTION_CHARS: '20' }),
    });
    expect(worse.stdout).toMatch(
      /\| hit@5: expected source in the first 5 \| 1\.000 \| 0\.500 \| −0\.500 \|/,
    );
    expect(worse.stdout).toMatch(
      /## Newly missed \(1\)\n\n.*\n.*\n\| How many days of paid leave do I get\? \| expected source no longer/,
    );
    expect(worse.stdout).toContain('## Newly hit (0)');

    // --json with --baseline: this run's report as the contract pins it, the baseline beside it.
    const json = await runCli(['eval', golden, '--json', '--baseline', short], { env: env() });
    expect(json.code).toBe(0);
    const compared = JSON.parse(json.stdout) as EvalJson & {
      baseline: { summary: EvalJson['summary']; change: Record<string, number | null> };
    };
    expect(compared.summary).toMatchObject({ hitAtK: 1, answerContains: 1 });
    expect(compared.baseline.summary).toMatchObject({ hitAtK: 0.5, answerContains: 0 });
    expect(compared.baseline.change).toMatchObject({ hitAtK: 0.5, answerContains: 1 });
  });

  it('refuses what it cannot run with the reason, before asking anything', async () => {
    const golden = write('ok.jsonl', '{"question": "VPN", "expected_source": "it/vpn-setup.md"}\n');
    const missing = await runCli(['eval', path.join(work, 'nope.csv')], { env: env() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv: no such file/);
    const noQuestion = await runCli(['eval', write('cols.csv', 'query,expected_source\nVPN,x\n')], {
      env: env(),
    });
    expect(noQuestion.code).toBe(2);
    expect(noQuestion.stderr).toMatch(/"question"/);
    const notReport = await runCli(['eval', golden, '--baseline', golden], { env: env() });
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toMatch(/is not a report of polydesk eval --json/);
  });
});

describe('polydesk eval with a standard answer', () => {
  let work: string;
  const env = () => ({ DATA_DIR: path.join(work, 'data') });

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'polydesk-eval-standard-'));
    expect((await runCli(['ingest', 'examples/knowledge/facilities', '--json'], { env: env() })).code).toBe(
      0,
    );
    // Published as the admin UI and the JSON API do, through the runtime's service.
    const runtime = await createRuntime(
      loadConfig({ ...env(), POLYDESK_SAMPLES: '0' }),
      createLogger({ level: 'error' }),
      {
        metrics: 'discard',
      },
    );
    try {
      await runtime.standardAnswers.create({
        question: 'How do I replace a lost office badge?',
        answer:
          'Tell reception the same day: the badge is blocked at once and a new one is printed while you wait.',
        team: 'Facilities',
        audience: ['all'],
        origin: 'admin',
        createdBy: 'facilities-admin@lumenworks.example',
      });
    } finally {
      await runtime.close();
    }
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('counts what the standard answer says, and no hit: no document was read', async () => {
    const line = {
      question: 'I lost my office badge, how do I replace it?',
      expected_source: 'facilities/office-badges.md',
      expected_answer: 'a new one is printed while you wait',
    };
    const file = path.join(work, 'standard.jsonl');
    writeFileSync(file, JSON.stringify(line) + '\n');
    const json = await runCli(['eval', file, '--json'], { env: env() });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as EvalJson).results).toMatchObject([
      { status: 'answered', hit: false, contains: true },
    ]);
    const markdown = await runCli(['eval', file], { env: env() });
    expect(markdown.stdout).toContain(
      'facilities/office-badges.md not in the first 5 (got a standard answer, no document)',
    );
    // The same question over the documents alone finds the badge page: the miss is the standard answer's.
    const search = jsonLines(
      (await runCli(['search', line.question, '--k', '5', '--json'], { env: env() })).stdout,
    );
    expect((search[0]!.hits as { source: string }[]).map((h) => h.source)).toContain(
      'examples/knowledge/facilities/office-badges.md',
    );
  });
});
