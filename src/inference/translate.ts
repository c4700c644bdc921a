import { neutralize } from './prompt.js';
import { languageName, promptText } from './prompt-text.js';
import type { TextEngine } from './text-engine.js';

export interface TranslateOptions {
  readonly signal?: AbortSignal | undefined;
  /** Most tokens of the translation (default: twice the text's tokens plus 16, at most 512). */
  readonly maxTokens?: number | undefined;
}

/**
 * Translates `text` into language `to` (BCP-47 primary subtag) with whichever model is configured,
 * greedily; used to search the corpus languages with a question asked in another one. Throws what the
 * engine throws (GeneratorUnavailableError, GeneratorBusyError): callers search without translations then.
 */
export async function translate(
  engine: TextEngine,
  text: string,
  to: string,
  options: TranslateOptions = {},
): Promise<string> {
  const instruction = promptText(to).translate.replace('{lang}', languageName(to));
  const messages = [{ role: 'user' as const, content: `${instruction}\n\n${neutralize(text.trim())}` }];
  const maxTokens =
    options.maxTokens ?? Math.min(512, 2 * engine.countTokens([{ role: 'user', content: text }]) + 16);
  const completion = await engine.complete(messages, {
    maxTokens,
    signal: options.signal,
    stop: ['\n\n'],
    short: true,
  });
  return completion.text.trim();
}
