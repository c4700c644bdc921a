import { randomUUID } from 'node:crypto';
import type { DeliveryChannel, Directory } from '../answer/ports.js';
import { describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Citation, DocumentRecord, Platform } from '../core/types.js';
import { notice } from '../guardrails/checked-text.js';
import type { Guard } from '../guardrails/guard.js';
import type { Escalation, EscalationRepository, HandedOffQuestion } from '../store/escalation-repository.js';
import { type ExpertPlatform, type ExpertRoute, chooseRoute, expertPlatforms } from './expert-routes.js';
import { type HandOffMessageDeps, composeHandOff, shown } from './hand-off-message.js';
import type {
  EscalateOutcome,
  ExpertChannel,
  HandOffObserver,
  HandOffs,
  ResolveOutcome,
  WebHandOff,
  WebReply,
} from './hand-off-ports.js';
import { createRelays } from './hand-off-relay.js';
import { createStandardSaves } from './hand-off-standard.js';
import type { StandardAnswerPublisher } from './ports.js';

export type {
  AskerPlace,
  EscalateOutcome,
  ExpertChannel,
  ExpertThread,
  HandOffMessage,
  HandOffObserver,
  HandOffs,
  ReplyClaim,
  ReplyOutcome,
  ResolveOutcome,
  SaveForm,
  SaveOutcome,
  SavePrepared,
  WebHandOff,
  WebReply,
} from './hand-off-ports.js';
export { ANY_MEMBER } from './hand-off-ports.js';

export interface HandOffDeps extends HandOffMessageDeps {
  /** `approve` releases an approved held reply for the chat page, as a reviewer's approval does. */
  readonly guard: Pick<Guard, 'check' | 'approve'>;
  readonly routes: readonly ExpertRoute[];
  /** The expert side of a platform whose adapter runs in this process. */
  readonly experts: (platform: ExpertPlatform) => ExpertChannel | undefined;
  /** How a later message reaches an asker on a platform (none for the chat page, which asks). */
  readonly deliveries: (platform: Platform) => DeliveryChannel | undefined;
  readonly escalations: EscalationRepository;
  readonly directory: Directory;
  /** Standard answers from expert replies; without it "Save as standard answer" says it is unavailable. */
  readonly publisher?: StandardAnswerPublisher | undefined;
  readonly observe?: HandOffObserver | undefined;
  readonly logger: Logger;
}

/** Outcomes whose reply offers "Ask a person": an answer and a not-found. */
const HANDED_OFF_STATUSES: ReadonlySet<string> = new Set(['answered', 'not_found']);

/**
 * A hand-off recorded but not posted for this long is taken to be abandoned (its process died or
 * lost the database between the two): pressing the button again posts it. Posting takes seconds.
 */
const UNPOSTED_STALE_MS = 2 * 60_000;

/** Review decisions that release a held reply to its asker. */
const RELEASED: ReadonlySet<string> = new Set(['approved', 'edited']);

/** The same person, however their e-mail was written (the directory keys them lowercased). */
const samePerson = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

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
  const saves = createStandardSaves({ ...deps, routeNamed });
  const relays = createRelays({ ...deps, routeNamed, saveForm: saves.form });

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

  /** The question of a request, when `by` asked it on this platform (and in `conversation`). */
  async function askersQuestion(request: Parameters<HandOffs['askedBy']>[0]) {
    const question = await escalations.question(request.questionId);
    if (!question || question.platform !== request.platform) return { question: undefined };
    if (request.conversation !== undefined && question.channelId !== request.conversation)
      return { question: undefined };
    return { question, asker: samePerson(question.asker, request.by) };
  }

  /** Posts a recorded hand-off; forgets it when the post failed, so that asking again tries again. */
  async function post(
    escalation: Escalation,
    question: HandedOffQuestion,
    route: ExpertRoute,
    platform: ExpertPlatform,
    channel: ExpertChannel,
  ): Promise<EscalateOutcome> {
    let posted: { readonly channel: string; readonly thread: string };
    try {
      const readers = await channel.readers(route);
      posted = await channel.post(route, await composeHandOff(deps, escalation, question, route, readers));
    } catch (error) {
      await escalations.remove(escalation.id).catch(() => undefined);
      logger('error', 'handoff.post_failed', { route: route.name, platform, error: describeError(error) });
      return { status: 'failed' };
    }
    try {
      await escalations.markPosted(escalation.id, posted.channel, posted.thread);
    } catch (error) {
      // Out, but not recorded: kept (removing it would let the next press post it again at once);
      // it is taken over once stale, as a hand-off whose process died is.
      logger('error', 'handoff.record_failed', {
        escalationId: escalation.id,
        thread: posted.thread,
        error: describeError(error),
      });
      return { status: 'failed' };
    }
    deps.observe?.handedOff(route.name, platform);
    logger('info', 'handoff.posted', { escalationId: escalation.id, route: route.name, platform });
    return {
      status: 'posted',
      escalation: { ...escalation, expertChannel: posted.channel, expertThread: posted.thread },
    };
  }

  async function escalate(request: Parameters<HandOffs['escalate']>[0]): Promise<EscalateOutcome> {
    const { question, asker } = await askersQuestion(request);
    if (!question || !HANDED_OFF_STATUSES.has(question.status)) return { status: 'not_found' };
    // The chat page says nothing of other people's questions; a chat platform's button is in sight of a channel.
    if (!asker) return { status: request.platform === 'web' ? 'not_found' : 'not_asker' };
    const existing = await escalations.forQuestion(question.id);
    if (existing) return takeOver(existing, question, request.by);
    const documents = await citedDocuments(question.citations);
    const route = routeFor(deps.directory.resolve(question.asker).groups, question.citations, documents);
    const platform = route ? expertPlatforms(route, running(), question.platform)[0] : undefined;
    const channel = platform ? deps.experts(platform) : undefined;
    if (!route || !platform || !channel) {
      logger('warn', 'handoff.no_route', { questionId: question.id });
      return { status: 'no_route' };
    }
    const { created, escalation } = await escalations.create({
      id: randomUUID(),
      questionId: question.id,
      requestedBy: request.by,
      route: route.name,
      expertPlatform: platform,
      expertChannel: platform === 'slack' ? route.slack!.channel : route.teams!.channel,
      language: question.language ?? 'en',
    });
    if (!created) return { status: 'already', escalation };
    return post(escalation, question, route, platform, channel);
  }

  /** A question handed off before: already, unless its message was never posted and is stale. */
  async function takeOver(
    existing: Escalation,
    question: HandedOffQuestion,
    by: string,
  ): Promise<EscalateOutcome> {
    if (existing.postedAt) return { status: 'already', escalation: existing };
    const staleBefore = new Date(Date.now() - UNPOSTED_STALE_MS).toISOString();
    const route = routeNamed(existing.route);
    const platform = existing.expertPlatform as ExpertPlatform;
    const channel = deps.experts(platform);
    if (!route || !channel || !(await escalations.reclaim(existing, by, staleBefore)))
      return { status: 'already', escalation: existing };
    logger('warn', 'handoff.taken_over', { escalationId: existing.id });
    const escalation = (await escalations.get(existing.id)) ?? existing;
    return post(escalation, question, route, platform, channel);
  }

  async function resolve(
    escalationId: string,
    by: string,
    from?: Parameters<HandOffs['resolve']>[2],
  ): Promise<ResolveOutcome> {
    if (from) {
      const escalation = await escalations.get(escalationId);
      if (!escalation || escalation.expertChannel !== from.channel || escalation.expertThread !== from.thread)
        return { status: 'not_found' };
    }
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

  async function message(escalationId: string) {
    const escalation = await escalations.get(escalationId);
    const route = escalation && routeNamed(escalation.route);
    const channel = escalation && deps.experts(escalation.expertPlatform as ExpertPlatform);
    if (!escalation || !route || !channel) return undefined;
    const question = await escalations.question(escalation.questionId);
    if (!question) return undefined;
    return composeHandOff(deps, escalation, question, route, await channel.readers(route));
  }

  /** A reply as the chat page shows it to its asker now. */
  async function webReply(
    escalation: Escalation,
    reply: Parameters<typeof relays.replyText>[1],
    asker: string,
  ): Promise<Omit<WebReply, 'id'>> {
    const language = escalation.language;
    const readers = [deps.directory.resolve(asker)];
    const at = reply.createdAt;
    if (reply.verdictAction === 'hold') {
      // What its reviewer decided: the text they released (masked as their approval masked it), or a no.
      const review = await escalations.replyReview(escalation.id, reply.replyId);
      if (review && RELEASED.has(review.status)) {
        const approved = await deps.guard.approve(
          review.text,
          { readers, sources: [], language },
          { reveal: review.revealed },
        );
        return { status: 'relayed', text: approved.text, at };
      }
      return review?.status === 'rejected'
        ? { status: 'rejected', text: notice(language, 'rejected'), at }
        : { status: 'held', text: notice(language, 'held'), at };
    }
    if (reply.verdictAction === 'block') return { status: 'blocked', text: notice(language, 'blocked'), at };
    // Checked again as the page shows it: the guard of today decides, not the one of the relay.
    const verdict = await deps.guard.check(relays.replyText(escalation, reply), {
      readers,
      sources: [],
      language,
    });
    const text = shown(verdict);
    if (text) return { status: 'relayed', text, at };
    return verdict.action === 'hold'
      ? { status: 'held', text: notice(language, 'held'), at }
      : { status: 'blocked', text: notice(language, 'blocked'), at };
  }

  async function webHandOffs(asker: string, sinceMs: number): Promise<WebHandOff[]> {
    const since = new Date(Date.now() - sinceMs).toISOString();
    const list = await escalations.forAsker('web', asker, since, 20);
    return Promise.all(
      list.map(async (escalation): Promise<WebHandOff> => {
        const question = await escalations.question(escalation.questionId);
        const replies: WebReply[] = [];
        for (const reply of await escalations.replies(escalation.id)) {
          if (reply.relayedAt)
            replies.push({ ...(await webReply(escalation, reply, asker)), id: reply.replyId });
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
    async askedBy(request) {
      return (await askersQuestion(request)).asker === true;
    },
    resolve,
    async isHandOffThread(platform, channel, thread) {
      return (await escalations.byThread(platform, channel, thread)) !== undefined;
    },
    expertReply: relays.expertReply,
    retryRelays: relays.retryRelays,
    message,
    prepareSave: saves.prepareSave,
    saveStandard: saves.saveStandard,
    webHandOffs,
  };
}
