import type { StandardAnswerLookup } from '../answer/ports.js';
import { allCanRead } from '../core/access.js';
import { InputError } from '../core/errors.js';
import { resolveLanguage, t } from '../core/i18n.js';
import type { Logger } from '../core/log.js';
import type { Principal } from '../core/types.js';
import type { Embedder } from '../rag/embedder.js';
import type { Lexicon } from '../rag/lexicon.js';
import { primaryLanguage } from '../rag/text-analyzer.js';
import type {
  StandardAnswer,
  StandardAnswerChanges,
  StandardAnswerListing,
  StandardAnswerRepository,
} from '../store/standard-answer-repository.js';
import type { AuditRepository } from '../store/small-repositories.js';
import type { StandardAnswerInput, StandardAnswerPublisher } from './ports.js';
import {
  DEFAULT_MIN_SCORE,
  type StandardAnswerIndex,
  buildStandardAnswerIndex,
} from './standard-answer-matcher.js';

/** Limits on what a standard answer holds: an answer is a chat message, not a document. */
const MAX_QUESTION_CHARS = 2_000;
const MAX_ANSWER_CHARS = 20_000;
const MAX_TITLE_CHARS = 300;
const MAX_TEAM_CHARS = 100;
const MAX_PHRASINGS = 50;
const MAX_GROUPS = 50;

/** Creating, editing, retiring and listing standard answers, each change in the audit log. */
export interface StandardAnswerService extends StandardAnswerPublisher {
  create(input: StandardAnswerInput): Promise<StandardAnswer>;
  /** Undefined when there is no such answer, or it is retired. Throws InputError on invalid changes. */
  update(id: string, changes: StandardAnswerEdit, actor: string): Promise<StandardAnswer | undefined>;
  /** False when there is no such answer, or it was retired already. */
  retire(id: string, actor: string): Promise<boolean>;
  get(id: string): Promise<StandardAnswer | undefined>;
  list(options?: { readonly includeRetired?: boolean }): Promise<StandardAnswerListing[]>;
}

/** An edit as a caller gives it (unchecked): only the fields present change. */
export type StandardAnswerEdit = Partial<
  Pick<
    StandardAnswerInput,
    'question' | 'answer' | 'title' | 'team' | 'audience' | 'languages' | 'reviewAt' | 'phrasings'
  >
>;

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new InputError(`"${field}" must be a non-empty text`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw new InputError(`"${field}" is longer than ${max} characters`);
  return trimmed;
}

function list(value: unknown, field: string, max: number): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new InputError(`"${field}" must be a list of texts`);
  const items = [...new Set((value as string[]).map((v) => v.trim()).filter(Boolean))];
  if (items.length > max) throw new InputError(`"${field}" has more than ${max} entries`);
  return items;
}

function audience(value: unknown): string[] {
  const groups = list(value, 'audience', MAX_GROUPS);
  if (groups.length === 0)
    throw new InputError('"audience" must name at least one group ("all" for everyone)');
  if (groups.some((g) => g.length > 200 || /[\s,]/.test(g)))
    throw new InputError('"audience" groups are single names without spaces or commas');
  return groups;
}

function languages(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const tags = list(value, 'languages', 50);
  return [
    ...new Set(
      tags.map((tag) => {
        if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(tag))
          throw new InputError(`"${tag}" is not a language tag (e.g. en, ja, pt-BR)`);
        return primaryLanguage(tag)!;
      }),
    ),
  ];
}

function reviewDate(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new InputError('"reviewAt" must be a date written YYYY-MM-DD');
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new InputError(`"reviewAt" ${value} is not a date in the calendar`);
  return value;
}

function phrasings(value: unknown, question: string): string[] {
  if (value === undefined || value === null) return [];
  return list(value, 'phrasings', MAX_PHRASINGS)
    .filter((p) => p !== question)
    .map((p) => text(p, 'phrasings', MAX_QUESTION_CHARS));
}

/** Checks and normalises every field of a new standard answer. */
export function checkInput(
  input: StandardAnswerInput,
): Omit<StandardAnswer, 'id' | 'createdAt' | 'updatedAt' | 'retiredAt'> {
  const question = text(input.question, 'question', MAX_QUESTION_CHARS);
  if (!['admin', 'expert', 'gap'].includes(input.origin))
    throw new InputError('"origin" must be admin, expert or gap');
  return {
    question,
    phrasings: phrasings(input.phrasings, question),
    answer: text(input.answer, 'answer', MAX_ANSWER_CHARS),
    title:
      input.title === undefined || input.title === null || input.title.trim() === ''
        ? question.slice(0, MAX_TITLE_CHARS)
        : text(input.title, 'title', MAX_TITLE_CHARS),
    team: text(input.team, 'team', MAX_TEAM_CHARS),
    audience: audience(input.audience),
    languages: languages(input.languages),
    reviewAt: reviewDate(input.reviewAt),
    origin: input.origin,
    originRef: input.originRef?.trim() ? input.originRef.trim().slice(0, 200) : null,
    createdBy: text(input.createdBy, 'createdBy', 320),
  };
}

function checkEdit(edit: StandardAnswerEdit, current: StandardAnswer): StandardAnswerChanges {
  const changes: { -readonly [K in keyof StandardAnswerChanges]: StandardAnswerChanges[K] } = {};
  if (edit.question !== undefined) changes.question = text(edit.question, 'question', MAX_QUESTION_CHARS);
  if (edit.answer !== undefined) changes.answer = text(edit.answer, 'answer', MAX_ANSWER_CHARS);
  if (edit.title !== undefined) changes.title = text(edit.title, 'title', MAX_TITLE_CHARS);
  if (edit.team !== undefined) changes.team = text(edit.team, 'team', MAX_TEAM_CHARS);
  if (edit.audience !== undefined) changes.audience = audience(edit.audience);
  if (edit.languages !== undefined) changes.languages = languages(edit.languages);
  if (edit.reviewAt !== undefined) changes.reviewAt = reviewDate(edit.reviewAt);
  if (edit.phrasings !== undefined)
    changes.phrasings = phrasings(edit.phrasings, changes.question ?? current.question);
  return changes;
}

export function createStandardAnswerService(deps: {
  readonly repository: StandardAnswerRepository;
  readonly audit: AuditRepository;
  readonly logger: Logger;
}): StandardAnswerService {
  const { repository, audit, logger } = deps;
  return {
    async create(input) {
      const created = await repository.create(checkInput(input));
      await audit.append({
        actor: created.createdBy,
        action: 'standard_answer.create',
        target: created.id,
        details: {
          title: created.title,
          origin: created.origin,
          ...(created.originRef ? { from: created.originRef } : {}),
        },
      });
      logger('info', 'standard_answer.created', { id: created.id, origin: created.origin });
      return created;
    },
    async update(id, edit, actor) {
      const current = await repository.get(id);
      if (!current || current.retiredAt) return undefined;
      const changes = checkEdit(edit, current);
      const updated = await repository.update(id, changes);
      if (updated) {
        await audit.append({
          actor,
          action: 'standard_answer.edit',
          target: id,
          details: { title: updated.title, changed: Object.keys(changes) },
        });
      }
      return updated;
    },
    async retire(id, actor) {
      const current = await repository.get(id);
      const retired = await repository.retire(id);
      if (retired) {
        await audit.append({
          actor,
          action: 'standard_answer.retire',
          target: id,
          details: { title: current?.title },
        });
      }
      return retired;
    },
    get: (id) => repository.get(id),
    list: (options) => repository.list(options),
  };
}

/** "Answered by <team> on <date>", the date written the way the language writes dates. */
export function bylineOf(language: string, team: string, answeredOn: string): string {
  const lang = resolveLanguage(language);
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${answeredOn}T00:00:00Z`),
  );
  return t(lang, 'standard.answeredBy', { team, date });
}

/**
 * A standard answer given to these readers: everyone who will read the reply may see its audience
 * (as an internal document's: `all` is everyone; groups, their members), and it is given in the
 * question's language (or in any).
 */
export function mayGive(
  answer: Pick<StandardAnswer, 'audience' | 'languages'>,
  readers: readonly Principal[],
  language: string,
): boolean {
  // An internal document's rule; with no readers (nobody known) that is nobody, as allCanRead says.
  if (!allCanRead(readers, { audience: answer.audience, classification: 'internal' })) return false;
  const lang = primaryLanguage(language);
  return answer.languages.length === 0 || (lang !== undefined && answer.languages.includes(lang));
}

/** The standard answers in the database as the pipeline looks them up (reloaded when they change). */
export function createStandardAnswerLookup(deps: {
  readonly repository: StandardAnswerRepository;
  /**
   * The language of an answer's wording (a short question, as employees' are), detected as questions
   * are: it may first load what question detection needs, so only when there are wordings.
   */
  readonly detectLanguage: (text: string) => Promise<string>;
  /** STANDARD_ANSWER_MIN_SCORE (default {@link DEFAULT_MIN_SCORE}). */
  readonly minScore?: number | undefined;
  readonly lexicon?: Lexicon | undefined;
  readonly embedder?: Embedder | undefined;
  /** The knowledge base's lexical index, for how rare a word is there. */
  readonly knowledge?:
    | (() => { documentFrequencyOf(term: string): number; readonly size: number })
    | undefined;
  readonly logger: Logger;
}): StandardAnswerLookup {
  const minScore = deps.minScore ?? DEFAULT_MIN_SCORE;
  let loaded:
    | Promise<{ version: string; answers: Map<string, StandardAnswer>; index: StandardAnswerIndex }>
    | undefined;
  let loadedVersion: string | undefined;

  async function current() {
    const version = await deps.repository.version();
    if (!loaded || loadedVersion !== version) {
      loadedVersion = version;
      loaded = (async () => {
        const active = await deps.repository.active();
        const wordings = new Set(
          active.flatMap((a) => [a.question, ...a.phrasings, a.title].map((w) => w.trim())).filter(Boolean),
        );
        const languages = new Map<string, string>();
        for (const wording of wordings) languages.set(wording, await deps.detectLanguage(wording));
        const detectLanguage = (text: string) => languages.get(text.trim()) ?? 'und';
        const index = await buildStandardAnswerIndex(
          active.map((a) => ({
            id: a.id,
            wordings: [a.question, ...a.phrasings, a.title],
            createdAt: a.createdAt,
          })),
          {
            lexicon: deps.lexicon,
            embedder: deps.embedder,
            detectLanguage,
            documentFrequency: deps.knowledge
              ? (term) => deps.knowledge!().documentFrequencyOf(term)
              : undefined,
            documentCount: deps.knowledge ? () => deps.knowledge!().size : undefined,
          },
        );
        return { version, answers: new Map(active.map((a) => [a.id, a])), index };
      })().catch((error: unknown) => {
        loaded = undefined;
        loadedVersion = undefined;
        throw error;
      });
    }
    return loaded;
  }

  return {
    async match(question) {
      const { answers, index } = await current();
      if (answers.size === 0) return undefined;
      const best = await index.best(question, (id) => {
        const answer = answers.get(id);
        return answer !== undefined && mayGive(answer, question.readers, question.language);
      });
      deps.logger('debug', 'standard_answer.best', { id: best?.id, score: best?.score, minScore });
      if (!best || best.score < minScore) return undefined;
      const answer = answers.get(best.id)!;
      const answeredOn = answer.updatedAt.slice(0, 10);
      return {
        id: answer.id,
        score: best.score,
        title: answer.title,
        answer: answer.answer,
        team: answer.team,
        answeredOn,
        byline: bylineOf(question.language, answer.team, answeredOn),
      };
    },
    recordUse: (use) => deps.repository.recordUse(use),
  };
}
