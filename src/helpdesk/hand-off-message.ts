import { allCanRead } from '../core/access.js';
import type { CheckedText } from '../core/checked-text.js';
import { t } from '../core/i18n.js';
import type { ChunkWithDoc, Citation, DocumentRecord, Principal, SearchHit, Verdict } from '../core/types.js';
import { notice } from '../guardrails/checked-text.js';
import type { Guard } from '../guardrails/guard.js';
import type { Escalation, HandedOffQuestion } from '../store/escalation-repository.js';
import type { ExpertRoute } from './expert-routes.js';
import type { HandOffMessage } from './hand-off-ports.js';

/** The guard's text, or undefined when it holds or blocks it. */
export const shown = (verdict: Verdict): CheckedText | undefined =>
  verdict.action === 'allow' || verdict.action === 'redact' ? verdict.text : undefined;

/** What composing a hand-off message reads: the guard, and the cited documents and passages. */
export interface HandOffMessageDeps {
  readonly guard: Pick<Guard, 'check'>;
  readonly documents: {
    get(id: string): Promise<DocumentRecord | undefined>;
    getChunks(ids: readonly string[]): Promise<Map<string, ChunkWithDoc>>;
  };
}

/**
 * The hand-off message for the readers of the route's expert channel, in the route's language: the
 * question (with the asker's language) and PolyDesk's answer, each through the guard for those
 * readers; the answer and its sources only when every reader may read every document it cited,
 * otherwise a line saying it drew on what not all of them may see (no text, no titles).
 */
export async function composeHandOff(
  deps: HandOffMessageDeps,
  escalation: Escalation,
  question: HandedOffQuestion,
  route: ExpertRoute,
  readers: readonly Principal[],
): Promise<HandOffMessage> {
  const lang = route.language;
  const askerLanguage = languageName(escalation.language, lang);
  const askedText = `**${t(lang, 'handoff.question', { language: askerLanguage })}**\n${question.text}`;
  const asked = shown(await deps.guard.check(askedText, { readers, sources: [], language: lang }));
  let answer = notice(lang, 'handoff.notFound');
  let citations: readonly Citation[] = [];
  if (question.status === 'answered' && question.answerText) {
    const documents = await Promise.all(
      [...new Set(question.citations.map((c) => c.docId))].map((id) => deps.documents.get(id)),
    );
    const visible = documents.every((d) => d !== undefined && allCanRead(readers, d));
    answer = notice(lang, 'handoff.answerHidden');
    if (visible) {
      const chunks = await deps.documents.getChunks(question.retrievedChunkIds);
      const sources = [...chunks.values()].filter((c) => allCanRead(readers, c)).map(toHit);
      const text = `**${t(lang, 'handoff.answer')}**\n${question.answerText}`;
      const checked = shown(await deps.guard.check(text, { readers, sources, language: lang }));
      if (checked) {
        answer = checked;
        citations = question.citations;
      }
    }
  }
  return {
    escalationId: escalation.id,
    language: lang,
    title: notice(lang, 'handoff.title'),
    question: asked ?? notice(lang, 'handoff.questionHidden'),
    answer,
    citations,
    instructions: notice(lang, 'handoff.instructions'),
    mention: route.slack?.mention,
    resolved: escalation.status === 'resolved' ? notice(lang, 'handoff.resolved') : undefined,
  };
}

/** The name of a language in another one (`ja` in English: "Japanese (ja)"). */
export function languageName(code: string, inLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** A stored chunk as the guard takes a source. */
function toHit(chunk: ChunkWithDoc): SearchHit {
  return {
    docId: chunk.docId,
    source: chunk.source,
    title: chunk.title,
    chunkId: chunk.id,
    score: 0,
    text: chunk.text,
    url: chunk.url,
    language: chunk.language,
    headingPath: chunk.headingPath,
    classification: chunk.classification,
    audience: chunk.audience,
  };
}
