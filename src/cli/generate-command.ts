import type { Config } from '../config.js';
import { InputError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { runGenerateCommand } from '../inference/generate-command.js';
import { intOption, parseCommand } from './args.js';

const USAGE = 'polydesk generate "text" [--max-tokens N] [--temperature T] [--top-p P] [--seed S] [--json]';

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
    },
    USAGE,
  );
  if (positionals.length === 0) throw new InputError(`give the text to continue\nusage: ${USAGE}`);
  if (!config.llm.modelDir)
    throw new InputError(
      'generate runs the ONNX export in LLM_MODEL_DIR; set LLM_MODEL_DIR (and LLM_DEVICE) to the model folder',
    );
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
