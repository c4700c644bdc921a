/**
 * A deterministic AnswerService for adapter tests: streams progress like the real pipeline and
 * returns a result of the status the question asks for (`HOLD`, `BLOCK`, `BUSY`, `FAIL`, `LONG`,
 * `NOTHING` in the text), recording every question it was asked.
 */
import type { AnswerProgress, AnswerService, AskOptions } from '../../src/answer/ports.js';
import type { CheckedText } from '../../src/core/checked-text.js';
import type { AnswerResult, AnswerStatus, Citation, IncomingQuestion } from '../../src/core/types.js';
import { notice, released } from '../../src/guardrails/checked-text.js';

export const FAKE_CITATIONS: readonly Citation[] = [
  {
    n: 1,
    title: 'VPN setup guide',
    source: 'it/vpn.md',
    url: 'https://intranet.example/it/vpn',
    docId: 'doc-vpn',
  },
  { n: 2, title: 'Remote work policy', source: 'hr/remote.md', docId: 'doc-remote' },
];

export interface FakeAnswersOptions {
  /** Language of every answer (default: the asker's locale, else `en`). */
  readonly language?: string;
  /** Pause between streamed pieces, so that streaming is observable (default 5 ms). */
  readonly stepMs?: number;
  /** Records questions for real (e.g. the store's question repository), so ids can take feedback. */
  readonly recorder?: {
    create(question: IncomingQuestion): Promise<string>;
    /** Records the outcome too, when given (conversation history is read back from it). */
    complete?(questionId: string, result: AnswerResult): Promise<unknown>;
  };
}

export class FakeAnswers implements AnswerService {
  readonly questions: IncomingQuestion[] = [];
  private seq = 0;

  constructor(private readonly options: FakeAnswersOptions = {}) {}

  async ask(question: IncomingQuestion, options: AskOptions = {}): Promise<AnswerResult> {
    const result = await this.answer(question, options);
    await this.options.recorder?.complete?.(result.questionId, result);
    return result;
  }

  private async answer(question: IncomingQuestion, options: AskOptions): Promise<AnswerResult> {
    this.questions.push(question);
    const questionId = this.options.recorder
      ? await this.options.recorder.create(question)
      : `q${++this.seq}`;
    const language = this.options.language ?? question.asker.locale?.slice(0, 2) ?? 'en';
    const progress = (p: AnswerProgress) => options.onProgress?.(p);
    const step = () => new Promise((resolve) => setTimeout(resolve, this.options.stepMs ?? 5));
    progress({ type: 'started', questionId, language });
    await step();
    progress({ type: 'retrieved', sources: 2 });

    const text = question.text;
    const result = (
      status: AnswerStatus,
      answer: CheckedText,
      citations: readonly Citation[] = [],
    ): AnswerResult => ({
      questionId,
      status,
      answer,
      language,
      citations,
      verdict: {
        action: status === 'held' ? 'hold' : status === 'blocked' ? 'block' : 'allow',
        findings: [],
        text: answer,
      },
      reviewId: status === 'held' ? `review-${questionId}` : undefined,
      generator: 'fake',
      extractive: true,
      retrievedChunkIds: ['c1', 'c2'],
      latencyMs: 1,
    });
    if (text.includes('BUSY')) return result('busy', notice(language, 'busy'));
    if (text.includes('FAIL')) return result('failed', notice(language, 'failed'));
    if (text.includes('NOTHING')) return result('not_found', notice(language, 'notFound'));

    const answer = text.includes('LONG')
      ? Array.from({ length: 2_000 }, (_, i) => `Paragraph ${i + 1} of the long answer [1].`).join('\n\n')
      : `**Answer** to "${text}": connect with the VPN client [1], then follow the remote work policy [2].`;
    const pieces = text.includes('LONG') ? [answer] : [answer.slice(0, 30), answer.slice(0, 70), answer];
    for (const piece of pieces) {
      progress({ type: 'text', text: released(piece) });
      await step();
    }
    if (text.includes('HOLD')) return result('held', notice(language, 'held'));
    if (text.includes('BLOCK')) return result('blocked', notice(language, 'blocked'));
    return result('answered', released(answer), FAKE_CITATIONS);
  }
}
