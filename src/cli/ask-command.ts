import { resultForWaitingAsker } from '../answer/failed-result.js';
import { InputError } from '../core/errors.js';
import type { AnswerResult } from '../core/types.js';
import type { Runtime } from '../runtime.js';
import { cliUser, citationsJson, verdictJson, writeSources } from './answer-output.js';
import { parseCommand } from './args.js';

const USAGE = 'polydesk ask "question" [--user EMAIL] [--json]';

/** The contract's `ask --json` shape. A held answer's text is never printed. */
export function askJson(result: AnswerResult) {
  return {
    answer: result.answer,
    language: result.language,
    status: result.status,
    citations: citationsJson(result.citations),
    verdict: verdictJson(result.verdict),
    generator: result.generator,
    extractive: result.extractive,
    ...(result.reviewId ? { reviewId: result.reviewId } : {}),
    ...(result.standard ? { standard: true } : {}),
  };
}

export async function askCommand(runtime: Runtime, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    { user: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  if (positionals.length === 0) throw new InputError(`give the question in quotes\nusage: ${USAGE}`);
  const asker = cliUser(runtime, values.user);
  const result = resultForWaitingAsker(
    await runtime.answers.ask({
      text: positionals.join(' '),
      asker,
      place: { platform: 'cli', kind: 'local', readers: [asker] },
      history: [],
    }),
  );
  if (values.json) {
    process.stdout.write(JSON.stringify(askJson(result)) + '\n');
  } else {
    if (result.standard) process.stdout.write(`${result.standard.title}\n\n`);
    process.stdout.write(result.answer + '\n');
    if (result.standard) process.stdout.write(`\n${result.standard.byline}\n`);
    writeSources(result.citations, result.reviewId);
  }
  return result.status === 'failed' ? 1 : 0;
}
