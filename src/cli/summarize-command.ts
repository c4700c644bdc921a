import type { SummaryResult } from '../answer/summary-ports.js';
import { InputError } from '../core/errors.js';
import type { Runtime } from '../runtime.js';
import { cliUser, citationsJson, verdictJson, writeSources } from './answer-output.js';
import { parseCommand } from './args.js';

const USAGE = 'polydesk summarize <source|docId> [--user EMAIL] [--language xx] [--json]';

/** A BCP-47 tag such as `ja`, `pt-BR`, `zh-Hant`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/u;

/** The contract's `summarize --json` shape. A held summary's text is never printed. */
export function summaryJson(result: SummaryResult) {
  return {
    status: result.status,
    summary: result.text,
    language: result.language,
    citations: citationsJson(result.citations),
    verdict: verdictJson(result.verdict),
    generator: result.generator,
    extractive: result.extractive,
    ...(result.reviewId ? { reviewId: result.reviewId } : {}),
  };
}

export async function summarizeCommand(runtime: Runtime, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    { user: { type: 'string' }, language: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  if (positionals.length === 0) throw new InputError(`name the document: its source or id\nusage: ${USAGE}`);
  const language = typeof values.language === 'string' ? values.language.trim() : undefined;
  if (language !== undefined && !LANGUAGE_TAG.test(language))
    throw new InputError(`--language takes a language tag such as ja, en or pt-BR\nusage: ${USAGE}`);
  const requester = cliUser(runtime, values.user);
  const result = await runtime.summaries.summarizeDocument({
    document: positionals.join(' '),
    requester,
    readers: [requester],
    platform: 'cli',
    language: language?.toLowerCase().split(/[-_]/u)[0],
    place: { kind: 'local' },
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summaryJson(result))}\n`);
  } else {
    process.stdout.write(`${result.text}\n`);
    writeSources(result.citations, result.reviewId);
  }
  return result.status === 'failed' ? 1 : 0;
}
