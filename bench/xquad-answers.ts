/**
 * Answer quality on reading-comprehension sets (XQuAD, SQuAD-it, HeQ), through the product as an
 * employee meets it: each passage is one document (`polydesk ingest`), every question goes to a running
 * `polydesk serve` as `POST /api/chat`, and the reply is judged as shown.
 *
 *   node --import tsx bench/xquad-answers.ts [--set xquad|squad-it|heq] [--langs en,zh,...]
 *        [--leave-out 6] [--limit N] [--json] [--failures FILE]
 *
 * One article in `--leave-out` (articles 5, 11, 17, … counting from 0) is not ingested: its questions
 * have no answer in the knowledge base and must get "not found". For every other question the reply
 * must hold one of its gold answers. Figures per language:
 * - first source right: the reply's first citation is the question's passage;
 * - gold in reply: a gold answer appears in the reply (NFKC, case and spacing folded), counted over all
 *   answerable questions (a "not found" counts as a miss);
 * - median reply: characters of the answered replies as shown (heading, quotes and citation marks);
 * - unanswerable → not found, and answerable → wrongly "not found".
 * HeQ's own unanswerable questions (`is_impossible`, their passage present) are reported apart.
 * The server inherits the environment: `GENERATOR`, `EMBEDDING_MODEL_DIR`, … measure other setups.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { optionReader } from './options.js';
import { DEFAULT_XQUAD_DIR, XQUAD_LANGUAGES, passageFile, runCli } from './xquad-recall.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(root, '..', 'shared', 'data');

interface Question {
  readonly id: string;
  readonly text: string;
  readonly passage: number;
  readonly answers: readonly string[];
  /** The passage is in the knowledge base but does not answer (HeQ's `is_impossible`). */
  readonly impossible: boolean;
}

interface AnswerSet {
  readonly name: string;
  readonly language: string;
  readonly passages: readonly { readonly text: string; readonly article: number }[];
  readonly questions: readonly Question[];
}

interface SquadJson {
  data: {
    paragraphs: {
      context: string;
      qas: { id: string; question: string; answers: { text: string }[]; is_impossible?: boolean }[];
    }[];
  }[];
}

function loadSquad(file: string, name: string, language: string): AnswerSet {
  const json = JSON.parse(readFileSync(file, 'utf8')) as SquadJson;
  const passages: { text: string; article: number }[] = [];
  const questions: Question[] = [];
  json.data.forEach((article, a) => {
    for (const paragraph of article.paragraphs) {
      for (const qa of paragraph.qas) {
        questions.push({
          id: qa.id,
          text: qa.question,
          passage: passages.length,
          answers: qa.answers.map((answer) => answer.text),
          impossible: qa.is_impossible === true || qa.answers.length === 0,
        });
      }
      passages.push({ text: paragraph.context, article: a });
    }
  });
  return { name, language, passages, questions };
}

export function loadAnswerSet(set: string, language: string, dir?: string): AnswerSet {
  if (set === 'xquad')
    return loadSquad(path.join(dir ?? DEFAULT_XQUAD_DIR, `xquad.${language}.json`), set, language);
  if (set === 'squad-it')
    return loadSquad(path.join(dir ?? path.join(DATA, 'squad-it'), 'squad-it-dev.json'), set, 'it');
  if (set === 'heq') return loadSquad(path.join(dir ?? path.join(DATA, 'heq'), 'heq-val.json'), set, 'he');
  throw new Error(`unknown set ${set} (xquad, squad-it, heq)`);
}

/** The languages a set is measured in: XQuAD's seven (or `--langs`), Italian for SQuAD-it, Hebrew for HeQ. */
export function languagesOf(set: string, langs: string | undefined): string[] {
  if (set === 'xquad') return (langs ?? XQUAD_LANGUAGES.join(',')).split(',');
  return [set === 'heq' ? 'he' : 'it'];
}

/** Folds what cannot matter for "does the reply hold the answer": width, case, spacing. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

interface Reply {
  readonly status: string;
  readonly answer: string;
  readonly citations: readonly { readonly source: string }[];
}

interface Judged {
  readonly question: Question;
  readonly reply: Reply;
  readonly leftOut: boolean;
}

export interface LanguageFigures {
  readonly set: string;
  readonly language: string;
  readonly answerable: number;
  readonly unanswerable: number;
  readonly firstSourceRight: number;
  readonly goldInReply: number;
  readonly medianReplyChars: number;
  readonly unanswerableNotFound: number;
  readonly answerableNotFound: number;
  /** HeQ only: impossible questions whose passage is in the knowledge base. */
  readonly impossible?: { readonly count: number; readonly notFound: number };
  readonly seconds: number;
}

function figures(set: AnswerSet, judged: readonly Judged[], seconds: number): LanguageFigures {
  const answerable = judged.filter((j) => !j.leftOut && !j.question.impossible);
  const unanswerable = judged.filter((j) => j.leftOut);
  const impossible = judged.filter((j) => !j.leftOut && j.question.impossible);
  const share = (list: readonly Judged[], test: (j: Judged) => boolean) =>
    list.length === 0 ? 0 : list.filter(test).length / list.length;
  const notFound = (j: Judged) => j.reply.status === 'not_found';
  const lengths = answerable
    .filter((j) => !notFound(j))
    .map((j) => j.reply.answer.length)
    .sort((a, b) => a - b);
  return {
    set: set.name,
    language: set.language,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    firstSourceRight: share(
      answerable,
      (j) => path.basename(j.reply.citations[0]?.source ?? '') === passageFile(j.question.passage),
    ),
    goldInReply: share(answerable, (j) => {
      if (notFound(j)) return false;
      const reply = fold(j.reply.answer);
      return j.question.answers.some((gold) => reply.includes(fold(gold)));
    }),
    medianReplyChars: lengths.length === 0 ? 0 : lengths[Math.floor(lengths.length / 2)]!,
    unanswerableNotFound: share(unanswerable, notFound),
    answerableNotFound: share(answerable, notFound),
    ...(impossible.length > 0
      ? { impossible: { count: impossible.length, notFound: share(impossible, notFound) } }
      : {}),
    seconds,
  };
}

/** Ingests the set (one article in `leaveOut` left out), serves it, and asks every question. */
export async function measureAnswers(
  set: AnswerSet,
  options: { readonly leaveOut: number; readonly limit?: number; readonly concurrency?: number },
): Promise<{ figures: LanguageFigures; judged: Judged[] }> {
  const started = performance.now();
  const work = mkdtempSync(path.join(os.tmpdir(), `polydesk-answers-${set.name}-${set.language}-`));
  const leftOut = (article: number) =>
    options.leaveOut > 0 && article % options.leaveOut === options.leaveOut - 1;
  let server: ChildProcess | undefined;
  try {
    const docs = path.join(work, 'docs');
    mkdirSync(docs);
    set.passages.forEach((passage, i) => {
      if (!leftOut(passage.article)) writeFileSync(path.join(docs, passageFile(i)), passage.text + '\n');
    });
    const env = {
      ...process.env,
      DATA_DIR: path.join(work, 'data'),
      POLYDESK_SAMPLES: '0',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      RATE_LIMIT_PER_MINUTE: '0',
      WEB_CHAT: 'auto',
      LOG_LEVEL: 'warn',
    };
    await runCli(['ingest', docs, '--json'], env);
    server = spawn(process.execPath, [path.join(root, 'bin', 'polydesk.mjs'), 'serve'], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    server.stderr?.setEncoding('utf8').on('data', (data: string) => {
      stderr = (stderr + data).slice(-4000);
    });
    const base = `http://127.0.0.1:${env.PORT}`;
    await waitReady(base, server, () => stderr);

    const questions = sample(set.questions, options.limit);
    const judged: Judged[] = new Array(questions.length);
    let next = 0;
    const worker = async () => {
      while (next < questions.length) {
        const i = next++;
        const question = questions[i]!;
        judged[i] = {
          question,
          reply: await ask(base, question.text, set.language),
          leftOut: leftOut(set.passages[question.passage]!.article),
        };
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
    return { figures: figures(set, judged, (performance.now() - started) / 1000), judged };
  } finally {
    server?.kill('SIGTERM');
    if (server && server.exitCode === null) await new Promise((resolve) => server!.once('exit', resolve));
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every n-th question, spread over the set, when a limit is given (quick runs). */
function sample<T>(list: readonly T[], limit: number | undefined): T[] {
  if (!limit || limit >= list.length) return [...list];
  const step = list.length / limit;
  return Array.from({ length: limit }, (_, i) => list[Math.floor(i * step)]!);
}

async function ask(base: string, question: string, language: string): Promise<Reply> {
  const response = await fetch(`${base}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question, locale: language }),
  });
  if (!response.ok) throw new Error(`POST /api/chat: ${response.status} ${await response.text()}`);
  const lines = (await response.text()).split('\n').filter((line) => line.trim() !== '');
  for (const line of lines) {
    const event = JSON.parse(line) as { type: string; answer?: Reply; message?: string };
    if (event.type === 'done' && event.answer) return event.answer;
    if (event.type === 'error') throw new Error(`POST /api/chat: ${event.message}`);
  }
  throw new Error('POST /api/chat: no answer');
}

async function waitReady(base: string, server: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`polydesk serve exited ${server.exitCode}: ${stderr()}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`polydesk serve did not become ready in 60 s: ${stderr()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export function table(rows: readonly LanguageFigures[]): string {
  const f = (v: number) => v.toFixed(3);
  const lines = [
    '| set | language | answerable | unanswerable | first source right | gold in reply | median reply (chars) | unanswerable → not found | answerable → not found |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.set} | ${r.language} | ${r.answerable} | ${r.unanswerable} | ${f(r.firstSourceRight)} | ${f(r.goldInReply)} | ${r.medianReplyChars} | ${f(r.unanswerableNotFound)} | ${f(r.answerableNotFound)} |`,
    );
  }
  const impossible = rows.filter((r) => r.impossible);
  for (const r of impossible)
    lines.push(
      '',
      `${r.set} ${r.language}: ${r.impossible!.count} unanswerable questions on passages in the knowledge base → not found ${f(r.impossible!.notFound)}`,
    );
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = optionReader(args);
  const setName = option('--set') ?? 'xquad';
  const languages = languagesOf(setName, option('--langs'));
  const leaveOut = Number(option('--leave-out') ?? 6);
  const limit = option('--limit') ? Number(option('--limit')) : undefined;
  const failures = option('--failures');
  const rows: LanguageFigures[] = [];
  const failed: unknown[] = [];
  for (const language of languages) {
    const set = loadAnswerSet(setName, language, option('--data'));
    const { figures: row, judged } = await measureAnswers(set, { leaveOut, limit });
    rows.push(row);
    process.stderr.write(
      `[answers] ${setName} ${language}: gold ${row.goldInReply.toFixed(3)}, median ${row.medianReplyChars}, unanswerable→nf ${row.unanswerableNotFound.toFixed(3)}, answerable→nf ${row.answerableNotFound.toFixed(3)} (${row.seconds.toFixed(0)} s)\n`,
    );
    if (failures) {
      for (const j of judged) {
        const gold =
          j.reply.status !== 'not_found' &&
          j.question.answers.some((g) => fold(j.reply.answer).includes(fold(g)));
        const right = j.leftOut || j.question.impossible ? j.reply.status === 'not_found' : gold;
        if (!right)
          failed.push({
            language,
            question: j.question.text,
            answers: j.question.answers.slice(0, 3),
            leftOut: j.leftOut,
            passage: j.question.passage,
            status: j.reply.status,
            reply: j.reply.answer,
            sources: j.reply.citations.map((c) => path.basename(c.source)),
          });
      }
    }
  }
  if (failures) writeFileSync(failures, failed.map((f) => JSON.stringify(f)).join('\n') + '\n');
  if (args.includes('--json')) process.stdout.write(JSON.stringify({ leaveOut, limit, rows }) + '\n');
  else
    process.stdout.write(
      `PolyDesk answers through POST /api/chat (GENERATOR=${process.env['GENERATOR'] ?? 'default'}), one article in ${leaveOut} left out${limit ? `, ${limit} questions per language` : ''}.\n\n` +
        table(rows),
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
