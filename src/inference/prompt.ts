/**
 * Answer prompts: the instruction in the asker's language, the sources numbered and fenced as
 * untrusted data (their sentences that instruct the assistant replaced by a placeholder), the thread
 * history, and the question. Fitted to the context window by dropping the least relevant sources (the
 * last ones) and then the oldest history, never by cutting the question.
 */
import type { SearchHit, Turn } from '../core/types.js';
import { FEW_SHOT_ANSWER, FEW_SHOT_EXAMPLES, FEW_SHOT_SEPARATOR } from './few-shot-examples.js';
import { languageName, promptText } from './prompt-text.js';
import type { ChatMessage } from './text-engine.js';
import { type InstructionFinder, untrustedRemoved } from './untrusted-sentences.js';

/**
 * PolyLM prompt formats, as the PolyLM model cards' usage examples write them: multialpaca = the
 * instruction then a blank line (PolyLM-MultiAlpaca-13B); chat = `<|user|>\n…\n<|assistant|>\n`
 * (PolyLM-Chat-13B); fewshot = solved examples before the prompt, for the base models (PolyLM-1.7B,
 * PolyLM-13B), which continue text and were not tuned on instructions.
 */
export type PromptFormat = 'multialpaca' | 'chat' | 'fewshot';
export const PROMPT_FORMATS: readonly PromptFormat[] = ['multialpaca', 'chat', 'fewshot'];

export interface AnswerPromptInput {
  readonly question: string;
  readonly language: string;
  readonly sources: readonly SearchHit[];
  readonly history: readonly Turn[];
  /** Insist harder on the answer language (the retry after a wrong-language answer). */
  readonly firm?: boolean | undefined;
  /** Finds instructions aimed at the assistant in a source; their sentences never reach the prompt. */
  readonly untrusted?: InstructionFinder | undefined;
}

/** A prompt that fits, and how many of the sources (the first ones) it carries. */
export interface FittedPrompt {
  readonly messages: readonly ChatMessage[];
  readonly sourceCount: number;
  readonly historyTurns: number;
  readonly promptTokens: number;
}

/** Makes text inert inside the prompt: no fence markers, no chat-turn or special-token markers. */
export function neutralize(text: string): string {
  return text
    .replace(/<{3,}/g, (m) => '‹'.repeat(m.length))
    .replace(/>{3,}/g, (m) => '›'.repeat(m.length))
    .replace(/<\|/g, '< |')
    .replace(/\|>/g, '| >');
}

function fill(template: string, language: string): string {
  return template.replace('{lang}', languageName(language));
}

function fence(hit: SearchHit, n: number): string {
  const title = neutralize(hit.title).replace(/\s+/g, ' ').trim();
  return `<<<SOURCE ${n}: ${title}>>>\n${neutralize(hit.text).trim()}\n<<<END SOURCE ${n}>>>`;
}

/** The messages of an answer prompt with the given sources and history. */
export function answerMessages(input: AnswerPromptInput): ChatMessage[] {
  const text = promptText(input.language);
  const instruction = [text.rules, text.data, fill(input.firm ? text.firm : text.answerIn, input.language)];
  if (input.firm) instruction.push(fill(text.answerIn, input.language));
  const sources = untrustedRemoved(input.sources, input.untrusted).map((hit, i) => fence(hit, i + 1));
  const body = [
    instruction.join(' '),
    ...(sources.length > 0 ? [`${text.sources}\n${sources.join('\n\n')}`] : []),
    `${text.question} ${neutralize(input.question).trim()}`,
  ].join('\n\n');
  const history: ChatMessage[] = input.history.map((turn) => ({
    role: turn.role,
    content: neutralize(turn.text),
  }));
  return [...history, { role: 'user', content: body }];
}

/**
 * The largest prompt within `budget` tokens: all sources and history if they fit; otherwise sources
 * are dropped from the end (least relevant first), then history from the oldest turn. Returns
 * undefined when even the bare question with its instruction does not fit.
 */
export function fitAnswerPrompt(
  input: AnswerPromptInput,
  countTokens: (messages: readonly ChatMessage[]) => number,
  budget: number,
): FittedPrompt | undefined {
  // Sources are cleaned once, not on every attempt of the search below.
  const sources = untrustedRemoved(input.sources, input.untrusted);
  const attempt = (sourceCount: number, historyTurns: number): FittedPrompt | undefined => {
    const messages = answerMessages({
      ...input,
      untrusted: undefined,
      sources: sources.slice(0, sourceCount),
      history: input.history.slice(input.history.length - historyTurns),
    });
    const promptTokens = countTokens(messages);
    return promptTokens <= budget ? { messages, sourceCount, historyTurns, promptTokens } : undefined;
  };
  const history = input.history.length;
  const all = attempt(input.sources.length, history);
  if (all) return all;
  // Binary search the number of sources that fit with the whole history (the count grows with it).
  let lo = 0;
  let hi = input.sources.length - 1;
  let best: FittedPrompt | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const fitted = attempt(mid, history);
    if (fitted) {
      best = fitted;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (best && best.sourceCount > 0) return best;
  // Not even one source with the whole history: give up history, oldest first, keeping one source.
  const minSources = Math.min(1, input.sources.length);
  for (let turns = history - 1; turns >= 0; turns--) {
    const fitted = attempt(minSources, turns);
    if (fitted) return fitted;
  }
  return best ?? attempt(0, 0);
}

/** Stop strings that end a turn in a raw-text format (the model starting the next turn). */
export function formatStops(format: PromptFormat): string[] {
  if (format === 'chat') return ['<|user|>', '<|assistant|>'];
  // A base model goes on to write the next example after its answer.
  if (format === 'fewshot') return ['<<<', `\n${FEW_SHOT_ANSWER}`];
  return [];
}

/**
 * The messages as one raw prompt in a PolyLM format. A system message is folded into the next user
 * turn (PolyLM has no system role). The text ends where the assistant's answer begins.
 */
export function renderPrompt(messages: readonly ChatMessage[], format: PromptFormat): string {
  if (format === 'fewshot') return renderFewShot(messages);
  let pending = '';
  let out = '';
  for (const message of messages) {
    if (message.role === 'system') {
      pending += `${message.content}\n\n`;
      continue;
    }
    const content = message.role === 'user' ? pending + message.content : message.content;
    if (message.role === 'user') pending = '';
    if (format === 'chat') out += `<|${message.role}|>\n${content}\n`;
    else out += `${content}\n\n`;
  }
  return format === 'chat' ? `${out}<|assistant|>\n` : out;
}

/** Each solved example as the answer prompt PolyDesk would build for it, then its answer. */
function fewShotPreamble(): string {
  return FEW_SHOT_EXAMPLES.map((example) => {
    const [prompt] = answerMessages({
      question: example.question,
      language: 'en',
      history: [],
      sources: [
        {
          docId: 'example',
          source: 'example',
          chunkId: 'example',
          score: 1,
          language: 'en',
          headingPath: [],
          classification: 'public',
          audience: ['all'],
          ...example.source,
        },
      ],
    });
    return `${prompt!.content}\n${FEW_SHOT_ANSWER} ${example.answer}\n${FEW_SHOT_SEPARATOR}\n`;
  }).join('');
}

/** Base-model layout: the examples, then the turns (earlier answers after `Answer:`), ending at `Answer:`. */
function renderFewShot(messages: readonly ChatMessage[]): string {
  let out = fewShotPreamble();
  let pending = '';
  for (const message of messages) {
    if (message.role === 'system') pending += `${message.content}\n\n`;
    else if (message.role === 'user') {
      out += `${pending}${message.content}\n`;
      pending = '';
    } else out += `${FEW_SHOT_ANSWER} ${message.content}\n${FEW_SHOT_SEPARATOR}\n`;
  }
  return `${out}${FEW_SHOT_ANSWER}`;
}
