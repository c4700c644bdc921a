import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LmConfig } from './onnx/model-folder.js';
import type { PromptFormat } from './prompt.js';

/** A PolyLM model recognised from its export folder, with what its model card says about prompting. */
export interface KnownModel {
  readonly name: string;
  /** A pretrained model that continues text; it does not follow instructions. */
  readonly base: boolean;
  /** The format it was trained on; undefined when the shape alone cannot tell the variants apart. */
  readonly promptFormat?: PromptFormat | undefined;
}

const POLYLM_VOCAB = 256_000;

/**
 * PolyLM by shape (the PolyLM model cards' table: 1.7B = 24 layers × 2,048 with 16 heads; 13B = 40 ×
 * 5,120 with 40 heads; vocabulary 256,000) and, for the three 13B models of one shape, by the Hub name an
 * export keeps in config.json (`_name_or_path`) or the folder's name.
 */
export function recognizeModel(config: LmConfig, dir: string): KnownModel | undefined {
  if (config.vocabSize !== POLYLM_VOCAB) return undefined;
  if (config.nLayer === 24 && config.nEmbd === 2048)
    return { name: 'PolyLM-1.7B', base: true, promptFormat: 'fewshot' };
  if (config.nLayer !== 40 || config.nEmbd !== 5120) return undefined;
  const name = `${hubName(dir)} ${path.basename(dir)}`.toLowerCase();
  if (name.includes('multialpaca'))
    return { name: 'PolyLM-MultiAlpaca-13B', base: false, promptFormat: 'multialpaca' };
  if (name.includes('chat')) return { name: 'PolyLM-Chat-13B', base: false, promptFormat: 'chat' };
  return { name: 'a PolyLM-13B model (base, MultiAlpaca or Chat: the shape does not tell)', base: false };
}

function hubName(dir: string): string {
  try {
    const raw = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    const name = raw['_name_or_path'] ?? raw['name_or_path'];
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
}

/**
 * What is wrong with prompting `known` in `format`, if anything: a base model prompted as a chat
 * model answers badly, and so does a tuned model prompted in the other tuned model's format.
 */
export function promptFormatProblem(known: KnownModel | undefined, format: PromptFormat): string | undefined {
  if (!known?.promptFormat || known.promptFormat === format) return undefined;
  return known.base
    ? `${known.name} is a base model, not instruction-tuned: set LLM_PROMPT_FORMAT=fewshot (configured: ${format}), and for employees use PolyLM-MultiAlpaca-13B or PolyLM-Chat-13B (docs/models.md)`
    : `${known.name} expects LLM_PROMPT_FORMAT=${known.promptFormat} (configured: ${format})`;
}
