import { describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Principal, SearchHit } from '../core/types.js';
import { notice } from '../guardrails/checked-text.js';
import type { SummarySection, SummarySentence } from '../inference/extractive-summary.js';
import type { StreamGuardFactory } from './answer.js';
import type { SummaryWriter } from './summary.js';
import type { SummaryProgress } from './summary-ports.js';
import type { ComposedSummary } from './summary-text.js';

/** What a summary is made from, once the document (or thread) is known. */
export interface PreparedSummary {
  readonly status: 'ready';
  readonly sections: readonly SummarySection[];
  /** The language the sections are written in, when known (the document's). */
  readonly sectionLanguage: string | undefined;
  /** Every section as a guard source (a model's text may draw on any of them). */
  readonly sources: readonly SearchHit[];
  readonly chunkIds: readonly string[];
  extractive(chosen: readonly SummarySentence[], language: string, lead: string | undefined): ComposedSummary;
  abstractive(text: string, language: string): ComposedSummary;
}

/** A citation marker such as `[2]`: a model's streamed text is shown only once it cites. */
const CITATION = /\[\d+\]/u;

/**
 * The model's summary, its progress reported ("reading section n of m") and its text streamed
 * through the stream guard once it cites a section. Without `composed`, the model failed, missed a
 * deadline or wrote nothing usable: the caller gives the extractive summary, saying so. The asker's
 * cancellation is thrown.
 */
export async function writeWithModel(input: {
  readonly writer: SummaryWriter;
  readonly streamGuard?: StreamGuardFactory | undefined;
  readonly prepared: PreparedSummary;
  readonly readers: readonly Principal[];
  readonly language: string;
  readonly sentences: number;
  readonly signal?: AbortSignal | undefined;
  readonly progress: (p: SummaryProgress) => void;
  readonly logger: Logger;
  readonly questionId: string;
}): Promise<{ readonly composed?: ComposedSummary | undefined; readonly generator: string }> {
  const { prepared, language, progress } = input;
  const stream = input.streamGuard?.(
    { readers: input.readers, sources: prepared.sources, language },
    (text) => {
      if (CITATION.test(text)) progress({ type: 'text', text });
    },
    (text) => prepared.abstractive(text, language).text,
  );
  try {
    const written = await input.writer.write({
      sections: prepared.sections,
      language,
      sentences: input.sentences,
      signal: input.signal,
      onPart: (part, parts) =>
        progress({
          type: 'reading',
          part,
          parts,
          status: notice(language, 'summary.reading', { part, parts }),
        }),
      onText: stream ? (delta) => stream.push(delta) : undefined,
    });
    return { composed: prepared.abstractive(written.text, language), generator: input.writer.name };
  } catch (error) {
    if (input.signal?.aborted) throw error;
    input.logger('warn', 'summary.model_fallback', {
      questionId: input.questionId,
      error: describeError(error),
    });
    return { generator: 'extractive:fallback' };
  } finally {
    stream?.close();
  }
}
