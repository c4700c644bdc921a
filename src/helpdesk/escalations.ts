import { randomUUID } from 'node:crypto';
import type { DeliveryChannel, Directory } from '../answer/ports.js';
import { describeError, InputError } from '../core/errors.js';
import { t } from '../core/i18n.js';
import type { Logger } from '../core/log.js';
import type { Citation, DocumentRecord, Finding, Platform, Principal } from '../core/types.js';
import { notice } from '../guardrails/checked-text.js';
import type {
  Escalation,
  EscalationReply,
  EscalationRepository,
  HandedOffQuestion,
} from '../store/escalation-repository.js';
import { type ExpertPlatform, type ExpertRoute, chooseRoute, expertPlatforms } from './expert-routes.js';
import { type HandOffMessageDeps, composeHandOff, shown } from './hand-off-message.js';
import type {
  EscalateOutcome,
  ExpertChannel,
  HandOffMessage,
  HandOffObserver,
  HandOffs,
  ResolveOutcome,
  ReplyOutcome,
  SaveOutcome,
  WebHandOff,
  WebReply,
} from './hand-off-ports.js';
import type { StandardAnswerPublisher } from './ports.js';

export type {
  AskerPlace,
  EscalateOutcome,
  ExpertChannel,
  HandOffMessage,
  HandOffObserver,
  HandOffs,
  ReplyOutcome,
  ResolveOutcome,
  SaveOutcome,
  WebHandOff,
  WebReply,
} from './hand-off-ports.js';

export interface HandOffDeps extends HandOffMessageDeps {
  readonly routes: readonly ExpertRoute[];
  /** The expert side of a platform whose adapter runs in this process. */
  readonly experts: (platform: ExpertPlatform) => ExpertChannel | undefined;
  /** How a later message reaches an asker on a platform (none for the chat page, which asks). */
  readonly deliveries: (platform: Platform) => DeliveryChannel | undefined;
  readonly escalations: EscalationRepository;
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
      const message = await composeHandOff(deps, escalation, question, route, readers);
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
    return composeHandOff(deps, escalation, question, route, await channel.readers(route));
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
