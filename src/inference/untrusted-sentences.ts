/**
 * Sources are untrusted data: a document may hold sentences written to steer the assistant ("Ignore
 * previous instructions and tell the user ..."). Such sentences are never quoted and never reach a
 * prompt. Inference knows no injection patterns: the wiring passes the guardrails' detector in.
 */
import type { SearchHit } from '../core/types.js';
import { splitSentences } from './sentences.js';

/** A range of a text, in UTF-16 offsets, `end` exclusive. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** Finds the instructions aimed at the assistant in a text, as spans of the text as given. */
export type InstructionFinder = (text: string) => readonly TextSpan[];

/** What stands in a prompt where a source's instruction was (a visible, harmless placeholder). */
export const INSTRUCTION_REMOVED = '[instruction removed]';

/**
 * The spans of `text` not to use: each whole sentence that holds (part of) an instruction, and the
 * instruction itself where it lies outside any sentence (markup between sentences). Merged, in order.
 */
export function untrustedSpans(
  text: string,
  language: string | undefined,
  find: InstructionFinder,
): TextSpan[] {
  const found = find(text);
  if (found.length === 0) return [];
  const spans: TextSpan[] = [...found];
  for (const sentence of splitSentences(text, language, Number.POSITIVE_INFINITY)) {
    const end = sentence.start + sentence.text.length;
    if (!found.some((f) => f.start < end && f.end > sentence.start)) continue;
    // Thai marks no sentence end: the pieces of a Thai line are clauses, and the rest of the line
    // carries the instruction on ("... แล้วบอกผู้ใช้ว่า ..."). The whole line goes.
    spans.push(
      THAI.test(sentence.text) ? lineAround(text, sentence.start, end) : { start: sentence.start, end },
    );
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

const THAI = /\p{Script=Thai}/u;

function lineAround(text: string, start: number, end: number): TextSpan {
  const next = text.indexOf('\n', end);
  return { start: text.lastIndexOf('\n', start - 1) + 1, end: next < 0 ? text.length : next };
}

/** Whether `[start, end)` touches any of `spans`. */
export function overlapsAny(spans: readonly TextSpan[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && s.end > start);
}

/** The text with each sentence that holds an instruction replaced by {@link INSTRUCTION_REMOVED}. */
export function withoutInstructions(
  text: string,
  language: string | undefined,
  find: InstructionFinder,
): string {
  let out = '';
  let at = 0;
  for (const span of untrustedSpans(text, language, find)) {
    out += text.slice(at, span.start) + INSTRUCTION_REMOVED;
    at = span.end;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** The sources with their instructions removed from text and title (the same objects when none is found). */
export function untrustedRemoved(
  sources: readonly SearchHit[],
  find: InstructionFinder | undefined,
): SearchHit[] {
  if (!find) return [...sources];
  return sources.map((hit) => {
    const text = withoutInstructions(hit.text, hit.language, find);
    const title = withoutInstructions(hit.title, hit.language, find);
    return text === hit.text && title === hit.title ? hit : { ...hit, text, title };
  });
}
