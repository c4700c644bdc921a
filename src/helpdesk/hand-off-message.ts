import { allCanRead } from '../core/access.js';
import type { CheckedText } from '../core/checked-text.js';
import { t } from '../core/i18n.js';
import type { ChunkWithDoc, Citation, DocumentRecord, Principal, SearchHit, Verdict } from '../core/types.js';
import { notice } from '../guardrails/checked-text.js';
import type { Guard } from '../guardrails/guard.js';
import { toSearchHit } from '../rag/lexical-retriever.js';
import type { Escalation, HandedOffQuestion } from '../store/escalation-repository.js';
import type { ExpertRoute } from './expert-routes.js';
import type { HandOffMessage } from './hand-off-ports.js';

/** The guard's text, or undefined when it holds or blocks it. */
export const shown = (verdict: Verdict): CheckedText | undefined =>
  verdict.action === 'allow' || verdict.action === 'redact' ? verdict.text : undefined;

/** What composing a hand-off message reads: the guard, and the documents and passages the answer drew on. */
export interface HandOffMessageDeps {
  readonly guard: Pick<Guard, 'check'>;
  readonly documents: {
    get(id: string): Promise<DocumentRecord | undefined>;
    getChunks(ids: readonly string[]): Promise<Map<string, ChunkWithDoc>>;
  };
}

/**
 * Markdown links and images in text a person wrote (a question, an expert's reply), as
 * `label (url)`: whoever reads it sees where a link goes, and nothing hides behind a label.
 */
export function plainLinks(text: string): string {
  return text.replace(
    /!?\[([^\]\n]*)\]\(\s*<?([^\s()<>]+)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g,
    (_, label: string, url: string) => (label.trim() ? `${label} (${url})` : url),
  );
}

/**
 * The passages PolyDesk's answer drew on, when every reader may read all of them: the retrieved
 * chunks' documents (cited or not: a model may use a passage without citing it) and, for a standard
 * answer, its audience. Undefined when one of them is hidden from someone, gone, or when there is no
 * evidence at all of what the answer drew on: the answer is not shown then.
 */
async function readableEvidence(
  deps: HandOffMessageDeps,
  question: HandedOffQuestion,
  readers: readonly Principal[],
): Promise<SearchHit[] | undefined> {
  const ids = [...new Set(question.retrievedChunkIds)];
  if (ids.length === 0 && !question.standard) return undefined;
  const chunks = await deps.documents.getChunks(ids);
  if (chunks.size < ids.length) return undefined;
  if (![...chunks.values()].every((c) => allCanRead(readers, c))) return undefined;
  // A standard answer is read as an internal document addressed to its audience, as when it is given.
  if (
    question.standard &&
    !allCanRead(readers, { audience: question.standard.audience, classification: 'internal' })
  )
    return undefined;
  const cited = await Promise.all(
    [...new Set(question.citations.map((c) => c.docId))].map((id) => deps.documents.get(id)),
  );
  if (!cited.every((d) => d !== undefined && allCanRead(readers, d))) return undefined;
  // As the guard takes a source; a score means nothing here.
  return [...chunks.values()].map((chunk) => toSearchHit(chunk, 0));
}

/**
 * The hand-off message for the readers of the route's expert channel, in the route's language: the
 * question (with the asker's language) and PolyDesk's answer, each through the guard for those
 * readers; the answer and its sources only when every reader may read everything it drew on,
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
  const askedText = `**${t(lang, 'handoff.question', { language: askerLanguage })}**\n${plainLinks(question.text)}`;
  const asked = shown(await deps.guard.check(askedText, { readers, sources: [], language: lang }));
  let answer = notice(lang, 'handoff.notFound');
  let citations: readonly Citation[] = [];
  if (question.status === 'answered' && question.answerText) {
    answer = notice(lang, 'handoff.answerHidden');
    const sources = await readableEvidence(deps, question, readers);
    if (sources) {
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
