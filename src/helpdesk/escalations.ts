import { randomUUID } from 'node:crypto';
import type { DeliveryChannel, Directory } from '../answer/ports.js';
import { allCanRead } from '../core/access.js';
import type { CheckedText } from '../core/checked-text.js';
import { describeError, InputError } from '../core/errors.js';
import { t } from '../core/i18n.js';
import type { Logger } from '../core/log.js';
import type {
  ChunkWithDoc,
  Citation,
  DocumentRecord,
  Finding,
  Platform,
  Principal,
  SearchHit,
  Verdict,
} from '../core/types.js';
import { notice } from '../guardrails/checked-text.js';
import type { Guard } from '../guardrails/guard.js';
import type {
  Escalation,
  EscalationReply,
  EscalationRepository,
  HandedOffQuestion,
} from '../store/escalation-repository.js';
import { type ExpertPlatform, type ExpertRoute, chooseRoute, expertPlatforms } from './expert-routes.js';
import type { StandardAnswerPublisher } from './ports.js';

/** What the experts read about a hand-off: every part checked by the guard for the channel's readers. */
export interface HandOffMessage {
  readonly escalationId: string;
  /** The experts' language (the route's), for the platform's own labels (buttons). */
  readonly language: string;
  readonly title: CheckedText;
  /** The question and the asker's language. */
  readonly question: CheckedText;
  /** PolyDesk's answer, or a line saying why it is not shown. */
  readonly answer: CheckedText;
  /** The answer's sources: only when every reader of the channel may see every cited document. */
  readonly citations: readonly Citation[];
  readonly instructions: CheckedText;
  /** The on-call group to notify (`<!subteam^…>`, `<!here>`), Slack only. */
  readonly mention?: string | undefined;
  /** Set once resolved: the line that replaces the Resolved button. */
  readonly resolved?: CheckedText | undefined;
}

/** Where the asker of a hand-off asked (as recorded with the question), for the readers of a reply. */
export interface AskerPlace {
  readonly platform: string;
  readonly placeKind: string;
  readonly channelId?: string | undefined;
  readonly threadId?: string | undefined;
  readonly delivery?: unknown;
}

/** The expert side of one chat platform, implemented by its adapter. */
export interface ExpertChannel {
  readonly platform: ExpertPlatform;
  /** Everyone who reads the route's channel: the hand-off shows only what all of them may see. */
  readers(route: ExpertRoute): Promise<readonly Principal[]>;
  /** Posts the hand-off message; the channel and the thread the experts reply in. */
  post(
    route: ExpertRoute,
    message: HandOffMessage,
  ): Promise<{ readonly channel: string; readonly thread: string }>;
  /** Who reads a later message in the asker's conversation on this platform (a channel: its members). */
  askerReaders(place: AskerPlace, asker: Principal): Promise<readonly Principal[]>;
  /** Tells the experts in the thread what became of a reply (Teams: with "Save as standard answer"). */
  confirmReply?(
    route: ExpertRoute,
    escalation: Escalation,
    replyId: string,
    outcome: 'relayed' | 'held',
  ): Promise<void>;
}

export type EscalateOutcome =
  | { readonly status: 'posted' | 'already'; readonly escalation: Escalation }
  /** No route for this question, or no running adapter for its route's channel. */
  | { readonly status: 'no_route' }
  /** Not a question of this platform (or, on the chat page, of this asker) that was answered or not found. */
  | { readonly status: 'not_found' }
  | { readonly status: 'failed' };

export type ResolveOutcome =
  | { readonly status: 'resolved'; readonly escalation: Escalation; readonly seconds: number }
  | { readonly status: 'already'; readonly escalation: Escalation }
  | { readonly status: 'not_found' };

export type ReplyOutcome =
  | { readonly status: 'relayed' | 'held' | 'blocked'; readonly escalation: Escalation }
  /** Recorded before (a retried event, another replica): not relayed again. */
  | { readonly status: 'duplicate' }
  /** The thread is no hand-off's. */
  | { readonly status: 'not_hand_off' }
  | { readonly status: 'failed' };

export type SaveOutcome =
  | { readonly status: 'saved'; readonly id: string; readonly escalation: Escalation }
  | { readonly status: 'not_hand_off' | 'unavailable' | 'invalid' | 'empty' };

/** A reply as the chat page shows it to its asker. */
export type WebReply =
  | { readonly status: 'relayed'; readonly text: CheckedText; readonly at: string }
  | { readonly status: 'held' | 'blocked'; readonly text: CheckedText; readonly at: string };

export interface WebHandOff {
  readonly questionId: string;
  readonly question: string;
  readonly status: 'open' | 'resolved';
  readonly createdAt: string;
  readonly replies: readonly WebReply[];
}

/** "Ask a person", as the chat adapters use it. */
export interface HandOffs {
  /** Whether an answer (or not-found) to this asker, citing these, offers "Ask a person". */
  offered(asker: string, citations: readonly Citation[]): Promise<boolean>;
  /** Hands a question off (once per question); `by` is who pressed the button. */
  escalate(request: {
    readonly questionId: string;
    readonly by: string;
    readonly platform: Platform;
  }): Promise<EscalateOutcome>;
  resolve(escalationId: string, by: string): Promise<ResolveOutcome>;
  /** True when this expert-channel thread is a hand-off's (its replies are relayed, not answered). */
  isHandOffThread(platform: ExpertPlatform, channel: string, thread: string): Promise<boolean>;
  /** Records an expert's reply in a hand-off thread and relays it to the asker, once. */
  expertReply(reply: {
    readonly platform: ExpertPlatform;
    readonly channel: string;
    readonly thread: string;
    readonly replyId: string;
    readonly author: string;
    readonly text: string;
  }): Promise<ReplyOutcome>;
  /** The hand-off message as it reads now (for replacing it once resolved). */
  message(escalationId: string): Promise<HandOffMessage | undefined>;
  /**
   * Publishes an expert's reply as a standard answer to the hand-off's question: the reply is given
   * by `text` (Slack's message shortcut carries it) or by its id (Teams' action under a relayed reply).
   */
  saveStandard(request: {
    readonly platform: ExpertPlatform;
    readonly by: string;
    readonly escalationId?: string | undefined;
    readonly thread?: { readonly channel: string; readonly thread: string } | undefined;
    readonly replyId: string;
    readonly text?: string | undefined;
  }): Promise<SaveOutcome>;
  /** The chat page's hand-offs of one asker since `sinceMs` ago, with the replies checked for them. */
  webHandOffs(asker: string, sinceMs: number): Promise<WebHandOff[]>;
}

/** What counts hand-offs for /metrics. */
export interface HandOffObserver {
  handedOff(route: string, platform: string): void;
  resolved(route: string, seconds: number): void;
  replied(verdict: string): void;
}

export interface HandOffDeps {
  readonly routes: readonly ExpertRoute[];
  /** The expert side of a platform whose adapter runs in this process. */
  readonly experts: (platform: ExpertPlatform) => ExpertChannel | undefined;
  /** How a later message reaches an asker on a platform (none for the chat page, which asks). */
  readonly deliveries: (platform: Platform) => DeliveryChannel | undefined;
  readonly escalations: EscalationRepository;
  readonly documents: {
    get(id: string): Promise<DocumentRecord | undefined>;
    getChunks(ids: readonly string[]): Promise<Map<string, ChunkWithDoc>>;
  };
  /** Where a held reply waits for a reviewer (as held answers do). */
  readonly reviews: {
    create(input: {
      questionId: string;
      text: string;
      findings: readonly Finding[];
      language: string;
      citations: readonly Citation[];
    }): Promise<string>;
  };
  readonly directory: Directory;
  readonly guard: Pick<Guard, 'check'>;
  /** Standard answers from expert replies; without it "Save as standard answer" says it is unavailable. */
  readonly publisher?: StandardAnswerPublisher | undefined;
  readonly observe?: HandOffObserver | undefined;
  readonly logger: Logger;
}

/** Outcomes whose reply offers "Ask a person": an answer and a not-found. */
const HANDED_OFF_STATUSES: ReadonlySet<string> = new Set(['answered', 'not_found']);

/** Someone in a channel PolyDesk cannot list: only what everyone may read is shown to them. */
const ANYONE: Principal = Object.freeze({ email: 'anyone@channel', groups: Object.freeze(['all']) });

/**
 * "Ask a person": hands a question off to the expert channel of its route, relays the experts'
 * replies to the asker, records the resolution and publishes a reply as a standard answer. Every
 * text passes the guard for its readers: the hand-off for everyone in the expert channel, a reply
 * for the asker (or everyone in the asker's channel).
 */
export function createHandOffs(deps: HandOffDeps): HandOffs {
  const { escalations, logger } = deps;
  const running = () => new Set((['slack', 'teams'] as const).filter((p) => deps.experts(p) !== undefined));
  const usableRoutes = () => {
    const platforms = running();
    return deps.routes.filter((r) => expertPlatforms(r, platforms).length > 0);
  };
  const routeNamed = (name: string) => deps.routes.find((r) => r.name === name);

  async function citedDocuments(citations: readonly Citation[]): Promise<(DocumentRecord | undefined)[]> {
    const ids = [...new Set(citations.map((c) => c.docId))];
    return Promise.all(ids.map((id) => deps.documents.get(id)));
  }

  function routeFor(
    askerGroups: readonly string[],
    citations: readonly Citation[],
    documents: readonly (DocumentRecord | undefined)[],
  ): ExpertRoute | undefined {
    return chooseRoute(usableRoutes(), {
      sources: citations.map((c) => c.source),
      documentGroups: documents.flatMap((d) => d?.audience ?? []),
      askerGroups,
    });
  }

  /** The guard's text, or undefined when it holds or blocks it. */
  const shown = (verdict: Verdict): CheckedText | undefined =>
    verdict.action === 'allow' || verdict.action === 'redact' ? verdict.text : undefined;

  async function compose(
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
      const documents = await citedDocuments(question.citations);
      const visible = documents.every((d) => d !== undefined && allCanRead(readers, d));
      answer = notice(lang, 'handoff.answerHidden');
      if (visible) {
        const chunks = await deps.documents.getChunks(question.retrievedChunkIds);
        const sources = [...chunks.values()].filter((c) => allCanRead(readers, c)).map(toHit);
        const text = `**${t(lang, 'handoff.answer')}**\n${question.answerText}`;
        const checked = shown(
          await deps.guard.check(text, { readers, sources, language: escalation.language }),
        );
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

  async function escalate(request: {
    readonly questionId: string;
    readonly by: string;
    readonly platform: Platform;
  }): Promise<EscalateOutcome> {
    const question = await escalations.question(request.questionId);
    if (!question || question.platform !== request.platform || !HANDED_OFF_STATUSES.has(question.status))
      return { status: 'not_found' };
    if (request.platform === 'web' && question.asker !== request.by) return { status: 'not_found' };
    const existing = await escalations.forQuestion(question.id);
    if (existing) return { status: 'already', escalation: existing };
    const documents = await citedDocuments(question.citations);
    const asker = deps.directory.resolve(question.asker);
    const route = routeFor(asker.groups, question.citations, documents);
    const platform = route ? expertPlatforms(route, running(), question.platform)[0] : undefined;
    const channel = platform ? deps.experts(platform) : undefined;
    if (!route || !platform || !channel) {
      logger('warn', 'handoff.no_route', { questionId: question.id });
      return { status: 'no_route' };
    }
    const configured = platform === 'slack' ? route.slack!.channel : route.teams!.channel;
    const { created, escalation } = await escalations.create({
      id: randomUUID(),
      questionId: question.id,
      requestedBy: request.by,
      route: route.name,
      expertPlatform: platform,
      expertChannel: configured,
      language: question.language ?? 'en',
    });
    if (!created) return { status: 'already', escalation };
    try {
      const readers = await channel.readers(route);
      const message = await compose(escalation, question, route, readers);
      const posted = await channel.post(route, message);
      await escalations.markPosted(escalation.id, posted.channel, posted.thread);
      deps.observe?.handedOff(route.name, platform);
      logger('info', 'handoff.posted', { escalationId: escalation.id, route: route.name, platform });
      return {
        status: 'posted',
        escalation: { ...escalation, expertChannel: posted.channel, expertThread: posted.thread },
      };
    } catch (error) {
      // Forgotten, so that pressing the button again tries again.
      await escalations.remove(escalation.id).catch(() => undefined);
      logger('error', 'handoff.post_failed', { route: route.name, platform, error: describeError(error) });
      return { status: 'failed' };
    }
  }

  async function resolve(escalationId: string, by: string): Promise<ResolveOutcome> {
    const resolved = await escalations.resolve(escalationId, by);
    if (!resolved) {
      const existing = await escalations.get(escalationId);
      return existing ? { status: 'already', escalation: existing } : { status: 'not_found' };
    }
    const seconds = Math.max(0, (Date.parse(resolved.resolvedAt!) - Date.parse(resolved.createdAt)) / 1000);
    deps.observe?.resolved(resolved.route, seconds);
    logger('info', 'handoff.resolved', { escalationId, route: resolved.route, seconds });
    return { status: 'resolved', escalation: resolved, seconds };
  }

  /** The readers of a later message where the asker asked. */
  async function askerReaders(question: HandedOffQuestion, asker: Principal): Promise<readonly Principal[]> {
    if (question.placeKind !== 'channel') return [asker];
    const channel =
      question.platform === 'slack' || question.platform === 'teams'
        ? deps.experts(question.platform)
        : undefined;
    return channel ? channel.askerReaders(question, asker) : [asker, ANYONE];
  }

  /** A reply as the asker reads it: a line saying who replied, then the reply. */
  const replyText = (escalation: Escalation, reply: EscalationReply) =>
    `${t(escalation.language, 'handoff.replyFrom', { team: routeNamed(escalation.route)?.team ?? escalation.route })}\n\n${reply.text}`;

  async function relay(
    escalation: Escalation,
    reply: EscalationReply,
  ): Promise<'relayed' | 'held' | 'blocked'> {
    const question = await escalations.question(escalation.questionId);
    if (!question) throw new Error(`the question of hand-off ${escalation.id} is gone`);
    const asker = deps.directory.resolve(question.asker);
    const readers = await askerReaders(question, asker);
    const language = escalation.language;
    const text = replyText(escalation, reply);
    const verdict = await deps.guard.check(text, { readers, sources: [], language });
    let outcome: 'relayed' | 'held' | 'blocked' = 'relayed';
    let message = shown(verdict);
    if (verdict.action === 'hold') {
      // As a held answer: a reviewer may release it into the asker's conversation.
      await deps.reviews.create({
        questionId: question.id,
        text,
        findings: verdict.findings,
        language,
        citations: [],
      });
      outcome = 'held';
      message = notice(language, 'held');
    } else if (verdict.action === 'block') {
      outcome = 'blocked';
      message = notice(language, 'blocked');
    }
    const delivery = deps.deliveries(question.platform as Platform);
    // The chat page has no conversation to post into: it reads the replies when its asker looks.
    if (question.platform !== 'web') {
      if (!delivery?.deliverFollowUp)
        throw new Error(`no ${question.platform} adapter in this process to relay the reply`);
      await delivery.deliverFollowUp({
        questionId: question.id,
        text: message!,
        language,
        channelId: question.channelId,
        threadId: question.threadId,
        delivery: question.delivery,
        asker: question.asker,
      });
    }
    await escalations.markRelayed(escalation.id, reply.replyId, verdict.action);
    deps.observe?.replied(verdict.action);
    return outcome;
  }

  async function expertReply(input: {
    readonly platform: ExpertPlatform;
    readonly channel: string;
    readonly thread: string;
    readonly replyId: string;
    readonly author: string;
    readonly text: string;
  }): Promise<ReplyOutcome> {
    const escalation = await escalations.byThread(input.platform, input.channel, input.thread);
    if (!escalation) return { status: 'not_hand_off' };
    const text = input.text.trim();
    if (!text || input.replyId === escalation.expertThread) return { status: 'not_hand_off' };
    const recorded = await escalations.addReply({
      escalationId: escalation.id,
      replyId: input.replyId,
      author: input.author,
      text,
    });
    if (!recorded) return { status: 'duplicate' };
    const reply = (await escalations.reply(escalation.id, input.replyId))!;
    try {
      const status = await relay(escalation, reply);
      logger('info', 'handoff.reply_relayed', { escalationId: escalation.id, outcome: status });
      const route = routeNamed(escalation.route);
      if (status !== 'blocked' && route)
        await deps
          .experts(input.platform)
          ?.confirmReply?.(route, escalation, input.replyId, status)
          .catch((error: unknown) =>
            logger('warn', 'handoff.confirm_failed', {
              escalationId: escalation.id,
              error: describeError(error),
            }),
          );
      return { status, escalation };
    } catch (error) {
      logger('error', 'handoff.relay_failed', { escalationId: escalation.id, error: describeError(error) });
      return { status: 'failed' };
    }
  }

  async function message(escalationId: string): Promise<HandOffMessage | undefined> {
    const escalation = await escalations.get(escalationId);
    const route = escalation && routeNamed(escalation.route);
    const channel = escalation && deps.experts(escalation.expertPlatform as ExpertPlatform);
    if (!escalation || !route || !channel) return undefined;
    const question = await escalations.question(escalation.questionId);
    if (!question) return undefined;
    return compose(escalation, question, route, await channel.readers(route));
  }

  async function saveStandard(request: Parameters<HandOffs['saveStandard']>[0]): Promise<SaveOutcome> {
    const escalation = request.escalationId
      ? await escalations.get(request.escalationId)
      : request.thread &&
        (await escalations.byThread(request.platform, request.thread.channel, request.thread.thread));
    if (
      !escalation ||
      escalation.expertPlatform !== request.platform ||
      request.replyId === escalation.expertThread
    )
      return { status: 'not_hand_off' };
    const text = (request.text ?? (await escalations.reply(escalation.id, request.replyId))?.text)?.trim();
    if (request.text === undefined && !text) return { status: 'not_hand_off' };
    if (!text) return { status: 'empty' };
    if (!deps.publisher) return { status: 'unavailable' };
    const question = await escalations.question(escalation.questionId);
    if (!question) return { status: 'not_hand_off' };
    const route = routeNamed(escalation.route);
    try {
      const { id } = await deps.publisher.create({
        question: question.text,
        answer: text,
        team: route?.team ?? escalation.route,
        audience: route?.audience ?? ['all'],
        origin: 'expert',
        originRef: escalation.id,
        createdBy: request.by,
      });
      await escalations.setStandard(escalation.id, id);
      logger('info', 'handoff.standard_saved', { escalationId: escalation.id, standardId: id });
      return { status: 'saved', id, escalation };
    } catch (error) {
      if (error instanceof InputError) {
        logger('info', 'handoff.standard_refused', { escalationId: escalation.id, error: error.message });
        return { status: 'invalid' };
      }
      throw error;
    }
  }

  async function webHandOffs(asker: string, sinceMs: number): Promise<WebHandOff[]> {
    const since = new Date(Date.now() - sinceMs).toISOString();
    const list = await escalations.forAsker('web', asker, since, 20);
    const principal = deps.directory.resolve(asker);
    return Promise.all(
      list.map(async (escalation): Promise<WebHandOff> => {
        const question = await escalations.question(escalation.questionId);
        const replies: WebReply[] = [];
        for (const reply of await escalations.replies(escalation.id)) {
          if (!reply.relayedAt) continue;
          // Checked again as the page shows it: the guard of today decides, not the one of the relay.
          const verdict = await deps.guard.check(replyText(escalation, reply), {
            readers: [principal],
            sources: [],
            language: escalation.language,
          });
          const text = shown(verdict);
          replies.push(
            text
              ? { status: 'relayed', text, at: reply.createdAt }
              : verdict.action === 'hold'
                ? { status: 'held', text: notice(escalation.language, 'held'), at: reply.createdAt }
                : { status: 'blocked', text: notice(escalation.language, 'blocked'), at: reply.createdAt },
          );
        }
        return {
          questionId: escalation.questionId,
          question: question?.text ?? '',
          status: escalation.status,
          createdAt: escalation.createdAt,
          replies,
        };
      }),
    );
  }

  return {
    async offered(asker, citations) {
      const routes = usableRoutes();
      if (routes.length === 0) return false;
      if (routes.some((r) => r.default)) return true;
      const documents = await citedDocuments(citations);
      return routeFor(deps.directory.resolve(asker).groups, citations, documents) !== undefined;
    },
    escalate,
    resolve,
    async isHandOffThread(platform, channel, thread) {
      return (await escalations.byThread(platform, channel, thread)) !== undefined;
    },
    expertReply,
    message,
    saveStandard,
    webHandOffs,
  };
}

/** The name of a language in another one (`ja` in English: "Japanese (ja)"). */
function languageName(code: string, inLanguage: string): string {
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
