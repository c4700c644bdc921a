import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestSamplesIfEmpty } from '../../src/cli/serve-command.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/log.js';
import type { AnswerResult, Turn } from '../../src/core/types.js';
import { type Runtime, createRuntime } from '../../src/runtime.js';
import { ROOT } from './cli.js';

/** One turn of an item of test/corpus/employee-questions (see its README). */
interface EmployeeTurn {
  readonly question: string;
  readonly expect:
    | { readonly answerable: true; readonly document: string; readonly facts: readonly (readonly string[])[] }
    | { readonly answerable: false };
}

export interface EmployeeItem {
  readonly id: string;
  readonly language: string;
  readonly asker: string;
  readonly kind: 'answerable' | 'unanswerable' | 'follow-up';
  readonly turns: readonly EmployeeTurn[];
}

/** How one turn went. */
export interface JudgedTurn {
  readonly id: string;
  readonly turn: number;
  readonly language: string;
  readonly kind: EmployeeItem['kind'];
  readonly answerable: boolean;
  readonly right: boolean;
  /** Why it is wrong, for the report. */
  readonly why?: string;
  readonly question: string;
  readonly reply: string;
  /** Sources the reply cites. */
  readonly cited: readonly string[];
}

export const EMPLOYEE_SET_DIR = path.join(ROOT, 'test', 'corpus', 'employee-questions');

export function loadEmployeeItems(file: 'dev' | 'test' | 'holdout' | 'tune'): EmployeeItem[] {
  return JSON.parse(readFileSync(path.join(EMPLOYEE_SET_DIR, `${file}.json`), 'utf8')) as EmployeeItem[];
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ');

function judge(expect: EmployeeTurn['expect'], result: AnswerResult): { right: boolean; why?: string } {
  if (!expect.answerable) {
    return result.status === 'not_found'
      ? { right: true }
      : { right: false, why: `expected not found, got ${result.status}` };
  }
  if (result.status !== 'answered') return { right: false, why: `status ${result.status}` };
  if (!result.citations.some((c) => c.source.endsWith(expect.document)))
    return {
      right: false,
      why: `does not cite ${expect.document} (${result.citations.map((c) => c.source).join(', ')})`,
    };
  const reply = fold(result.answer);
  const missing = expect.facts.filter((group) => !group.some((fact) => reply.includes(fold(fact))));
  return missing.length === 0
    ? { right: true }
    : { right: false, why: `missing ${missing.map((g) => g[0]).join(' / ')}` };
}

/**
 * The sample knowledge base in a fresh data folder, through the product's own runtime (the one `serve`
 * runs: configuration, ingest of examples/knowledge, directory, retrieval, generator, guardrails).
 */
export async function openSampleRuntime(env: Readonly<Record<string, string>> = {}): Promise<{
  runtime: Runtime;
  close: () => Promise<void>;
}> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-employee-'));
  const config = loadConfig(
    {
      DATA_DIR: dataDir,
      DIRECTORY_FILE: path.join(ROOT, 'examples', 'directory.json'),
      POLYDESK_SAMPLES: '1',
      ...env,
    },
    ROOT,
  );
  const runtime = await createRuntime(config, silentLogger);
  try {
    await ingestSamplesIfEmpty(runtime);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  return {
    runtime,
    close: async () => {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Asks every turn as the chat page does (earlier turns of the item as history) and judges the replies. */
export async function runEmployeeItems(
  runtime: Runtime,
  items: readonly EmployeeItem[],
): Promise<JudgedTurn[]> {
  const judged: JudgedTurn[] = [];
  for (const item of items) {
    const asker = runtime.directory.resolve(item.asker, item.language);
    const history: Turn[] = [];
    for (const [n, turn] of item.turns.entries()) {
      const result = await runtime.answers.ask({
        text: turn.question,
        asker,
        place: { platform: 'web', kind: 'local', readers: [asker] },
        history: [...history],
      });
      history.push({ role: 'user', text: turn.question }, { role: 'assistant', text: result.answer });
      judged.push({
        id: item.id,
        turn: n + 1,
        language: item.language,
        kind: item.kind,
        answerable: turn.expect.answerable,
        question: turn.question,
        reply: result.answer,
        cited: result.citations.map((c) => c.source),
        ...judge(turn.expect, result),
      });
    }
  }
  return judged;
}

export interface EmployeeFigures {
  readonly answerable: number;
  readonly answerableRight: number;
  readonly unanswerable: number;
  readonly unanswerableNotFound: number;
  readonly followUps: number;
  readonly followUpsRight: number;
}

export function employeeFigures(judged: readonly JudgedTurn[]): EmployeeFigures {
  const answerable = judged.filter((j) => j.answerable);
  const unanswerable = judged.filter((j) => !j.answerable);
  const followUps = judged.filter((j) => j.kind === 'follow-up' && j.turn > 1);
  return {
    answerable: answerable.length,
    answerableRight: answerable.filter((j) => j.right).length,
    unanswerable: unanswerable.length,
    unanswerableNotFound: unanswerable.filter((j) => j.right).length,
    followUps: followUps.length,
    followUpsRight: followUps.filter((j) => j.right).length,
  };
}

/**
 * A short report: the figures per language, then every wrong turn (`wrongTurns: false` leaves them out,
 * for a held-out set whose questions stay unread).
 */
export function employeeReport(judged: readonly JudgedTurn[], { wrongTurns = true } = {}): string {
  const languages = [...new Set(judged.map((j) => j.language))];
  const lines = ['| language | answerable right | unanswerable → not found |', '| --- | --- | --- |'];
  for (const language of languages) {
    const f = employeeFigures(judged.filter((j) => j.language === language));
    lines.push(
      `| ${language} | ${f.answerableRight}/${f.answerable} | ${f.unanswerableNotFound}/${f.unanswerable} |`,
    );
  }
  const all = employeeFigures(judged);
  lines.push(
    `| all | ${all.answerableRight}/${all.answerable} | ${all.unanswerableNotFound}/${all.unanswerable} |`,
    '',
    `follow-up turns right: ${all.followUpsRight}/${all.followUps}`,
  );
  for (const j of wrongTurns ? judged.filter((x) => !x.right) : [])
    lines.push(
      `- ${j.id}#${j.turn} ${j.question} → ${j.why}\n    ${j.reply.replace(/\n+/g, ' ¶ ').slice(0, 300)}`,
    );
  return lines.join('\n') + '\n';
}
