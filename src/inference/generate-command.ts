import type { Writable } from 'node:stream';
import type { Logger } from '../core/log.js';
import { OnnxCausalLm } from './onnx/onnx-causal-lm.js';
import type { LmDevice } from './onnx/ort-session.js';
import type { SamplingOptions } from './sampling.js';

/** `polydesk generate "text" [--max-tokens N] [--json]`: a raw continuation for smoke-testing a model export. */
export interface GenerateCommandOptions {
  readonly modelDir: string;
  readonly device?: LmDevice | undefined;
  readonly deviceId?: number | undefined;
  readonly threads?: number | undefined;
  readonly text: string;
  /** Default 64. */
  readonly maxTokens?: number | undefined;
  /** Greedy when absent. */
  readonly sampling?: SamplingOptions | undefined;
  readonly json?: boolean | undefined;
  readonly logger?: Logger | undefined;
}

/** What `--json` prints: `tokenIds` are the generated ids only. */
export interface GenerateCommandResult {
  readonly text: string;
  readonly tokenIds: readonly number[];
  readonly promptTokens: number;
  readonly ttftMs: number;
  readonly tokensPerSecond: number;
}

/**
 * Loads the model, continues `text` with no template and prints the result: with `json`, one JSON
 * line; otherwise the text streamed as it is generated, then a newline. Throws ModelLoadError or
 * InputError for the CLI to report.
 */
export async function runGenerateCommand(
  options: GenerateCommandOptions,
  out: Writable,
): Promise<GenerateCommandResult> {
  const lm = await OnnxCausalLm.load({
    modelDir: options.modelDir,
    device: options.device,
    deviceId: options.deviceId,
    intraOpThreads: options.threads,
    logger: options.logger,
  });
  try {
    const result = await lm.generate(options.text, {
      maxNewTokens: options.maxTokens ?? 64,
      sampling: options.sampling,
      onText: options.json ? undefined : (delta) => out.write(delta),
    });
    const summary: GenerateCommandResult = {
      text: result.text,
      tokenIds: result.tokenIds,
      promptTokens: result.promptTokens,
      ttftMs: Math.round(result.ttftMs * 10) / 10,
      tokensPerSecond: Math.round(result.tokensPerSecond * 10) / 10,
    };
    out.write(options.json ? `${JSON.stringify(summary)}\n` : '\n');
    return summary;
  } finally {
    await lm.release();
  }
}
