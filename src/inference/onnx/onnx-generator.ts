import type { Generator } from '../generator.js';
import { promptFormatProblem, recognizeModel } from '../known-models.js';
import { type LlmGeneratorOptions, createLlmGenerator } from '../llm-generator.js';
import type { PromptFormat } from '../prompt.js';
import type { TextEngine } from '../text-engine.js';
import { OnnxCausalLm, type OnnxCausalLmOptions } from './onnx-causal-lm.js';
import { createOnnxTextEngine } from './onnx-text-engine.js';

export interface OnnxGeneratorOptions extends OnnxCausalLmOptions, Omit<LlmGeneratorOptions, 'engine'> {
  readonly format: PromptFormat;
}

/** `GENERATOR=onnx`, wired: the model loaded, its engine (also for translation) and the Generator over it. */
export interface OnnxGeneratorParts {
  readonly generator: Generator;
  readonly engine: TextEngine;
  readonly lm: OnnxCausalLm;
}

/** Loads the export (ModelLoadError on any problem, so start-up fails with a clear message) and builds the generator. */
export async function createOnnxGenerator(options: OnnxGeneratorOptions): Promise<OnnxGeneratorParts> {
  const lm = await OnnxCausalLm.load(options);
  const problem = promptFormatProblem(recognizeModel(lm.config, options.modelDir), options.format);
  if (problem) options.logger?.('warn', 'llm.prompt_format', { problem });
  const engine = createOnnxTextEngine(lm, { format: options.format, sampling: options.sampling });
  return { lm, engine, generator: createLlmGenerator({ ...options, engine }) };
}
