import type { Config } from '../config.js';
import { InputError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { runGenerateCommand } from '../inference/generate-command.js';
import { runModelCheck } from '../inference/model-check.js';
import { intOption, parseCommand } from './args.js';

const USAGE =
  'polydesk generate "text" [--max-tokens N] [--temperature T] [--top-p P] [--seed S] [--json]\n' +
  '       polydesk generate --check [--max-tokens N] [--json]';

/** `polydesk generate`: the raw continuation by the ONNX model in LLM_MODEL_DIR, for smoke-testing an export. */
export async function generateCommand(
  config: Config,
  logger: Logger,
  args: readonly string[],
): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      'max-tokens': { type: 'string' },
      temperature: { type: 'string' },
      'top-p': { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      check: { type: 'boolean' },
    },
    USAGE,
  );
  if (!config.llm.modelDir)
    throw new InputError(
      'generate runs the ONNX export in LLM_MODEL_DIR; set LLM_MODEL_DIR (and LLM_DEVICE) to the model folder',
    );
  if (values.check) {
    if (positionals.length > 0) throw new InputError(`--check takes no text\nusage: ${USAGE}`);
    // Shape, weight types, provider, memory and a timed greedy run of the model `serve` would load.
    await runModelCheck(
      {
        modelDir: config.llm.modelDir,
        device: config.llm.device,
        promptFormat: config.generator === 'onnx' ? config.llm.promptFormat : undefined,
        maxTokens: intOption(values['max-tokens'], '--max-tokens', 2, 4096, 32),
        json: Boolean(values.json),
        logger,
      },
      process.stdout,
    );
    return 0;
  }
  if (positionals.length === 0) throw new InputError(`give the text to continue\nusage: ${USAGE}`);
  const temperature = values.temperature === undefined ? undefined : Number(values.temperature);
  const topP = values['top-p'] === undefined ? undefined : Number(values['top-p']);
  if (temperature !== undefined && !(temperature >= 0 && temperature <= 5))
    throw new InputError('--temperature must be 0..5');
  if (topP !== undefined && !(topP > 0 && topP <= 1)) throw new InputError('--top-p must be in (0, 1]');
  const sampled = temperature !== undefined || topP !== undefined || values.seed !== undefined;
  await runGenerateCommand(
    {
      modelDir: config.llm.modelDir,
      device: config.llm.device,
      text: positionals.join(' '),
      maxTokens: intOption(values['max-tokens'], '--max-tokens', 1, 4096, 64),
      sampling: sampled
        ? {
            temperature: temperature ?? 1,
            topP,
            seed: values.seed === undefined ? undefined : intOption(values.seed, '--seed', 0, 2 ** 31, 0),
          }
        : undefined,
      json: Boolean(values.json),
      logger,
    },
    process.stdout,
  );
  return 0;
}
