import type { DeliveryChannel, Directory } from '../answer/ports.js';
import { describeError } from '../core/errors.js';
import { t } from '../core/i18n.js';
import type { Logger } from '../core/log.js';
import type { Platform, Principal } from '../core/types.js';
import { notice } from '../guardrails/checked-text.js';
import type { Guard } from '../guardrails/guard.js';
import type {
  Escalation,
  EscalationReply,
  EscalationRepository,
  HandedOffQuestion,
} from '../store/escalation-repository.js';
import type { ExpertPlatform, ExpertRoute } from './expert-routes.js';
import { plainLinks, shown } from './hand-off-message.js';
import { SAVEABLE_VERDICT } from './hand-off-standard.js';
import {
  ANY_MEMBER,
  type ExpertChannel,
  type HandOffObserver,
  type HandOffs,
  type ReplyOutcome,
  type SaveForm,
} from './hand-off-ports.js';

/**
 * How long a relay claim holds off another replica. A relay is a guard run and one or two posts
 * (with the Web API's own retries, up to about half a minute): minutes mean its process died
 * mid-way (a retry may then post twice, as a held answer's delivery may).
 */
const RELAY_LEASE_MS = 2 * 60_000;
/** Replies younger than this are left to the relay that recorded them (it may still be running). */
export const RELAY_RETRY_AFTER_MS = 60_000;
/** After this many tries a reply is left alone (logged): its asker's conversation is likely gone. */
const RELAY_MAX_ATTEMPTS = 5;
/** Replies retried per pass. */
const RETRY_BATCH = 50;

export interface RelayDeps {
  readonly guard: Pick<Guard, 'check'>;
  readonly escalations: EscalationRepository;
  readonly directory: Directory;
  readonly experts: (platform: ExpertPlatform) => ExpertChannel | undefined;
  readonly deliveries: (platform: Platform) => DeliveryChannel | undefined;
  readonly routeNamed: (name: string) => ExpertRoute | undefined;
  /** The save form under a reply passed on (Teams puts it in its confirmation). */
  readonly saveForm: (escalation: Escalation, replyId: string) => Promise<SaveForm | undefined>;
  readonly observe?: HandOffObserver | undefined;
  readonly logger: Logger;
}

export interface Relays extends Pick<HandOffs, 'expertReply' | 'retryRelays'> {
  /** A reply as its asker reads it: who replied, then the reply (its links spelled out). */
  replyText(escalation: Escalation, reply: EscalationReply): string;
}

/**
 * Experts' replies, relayed to their askers exactly once as far as anyone can tell: a reply is
 * recorded with the claim of its first relay (a retried event finds it recorded); a relay that
 * fails (the guard, the database, the asker's platform) gives its claim up, and `retryRelays`
 * takes it again later, in one replica at a time. Only a failure between posting and recording
 * the post (a process that dies, a database lost just then) can make a retry post twice.
 */
export function createRelays(deps: RelayDeps): Relays {
  const { escalations, logger } = deps;

  const replyText = (escalation: Escalation, reply: EscalationReply) =>
    `${t(escalation.language, 'handoff.replyFrom', {
      team: deps.routeNamed(escalation.route)?.team ?? escalation.route,
    })}\n\n${plainLinks(reply.text)}`;

  /** The readers of a later message where the asker asked. */
  async function askerReaders(question: HandedOffQuestion, asker: Principal): Promise<readonly Principal[]> {
    if (question.placeKind !== 'channel') return [asker];
    const channel =
      question.platform === 'slack' || question.platform === 'teams'
        ? deps.experts(question.platform)
        : undefined;
    return channel ? channel.askerReaders(question, asker) : [asker, ANY_MEMBER];
  }

  /** One relay under claim `attempt`: the guard for the asker's readers, then the asker's conversation. */
  async function relay(
    escalation: Escalation,
    reply: EscalationReply,
    attempt: number,
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
      // A review of its own: a reviewer may release it into the asker's conversation.
      await escalations.reviewReply({
        escalationId: escalation.id,
        replyId: reply.replyId,
        questionId: question.id,
        text,
        findings: verdict.findings,
        language,
      });
      outcome = 'held';
      message = notice(language, 'held');
    } else if (verdict.action === 'block') {
      outcome = 'blocked';
      message = notice(language, 'blocked');
    }
    // The chat page has no conversation to post into: it reads the replies when its asker looks.
    if (question.platform !== 'web') {
      const delivery = deps.deliveries(question.platform as Platform);
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
    if (!(await escalations.markRelayed(escalation.id, reply.replyId, verdict.action, attempt)))
      logger('warn', 'handoff.relay_claim_lost', { escalationId: escalation.id, attempt });
    deps.observe?.replied(verdict.action);
    return outcome;
  }

  /** A relay whose failure is recorded (the claim given back, for a retry) instead of thrown. */
  async function relayClaimed(
    escalation: Escalation,
    reply: EscalationReply,
    attempt: number,
  ): Promise<ReplyOutcome> {
    let status: 'relayed' | 'held' | 'blocked';
    try {
      status = await relay(escalation, reply, attempt);
    } catch (error) {
      const abandoned = attempt >= RELAY_MAX_ATTEMPTS;
      logger('error', abandoned ? 'handoff.relay_abandoned' : 'handoff.relay_failed', {
        escalationId: escalation.id,
        attempt,
        error: describeError(error),
      });
      await escalations.releaseRelay(escalation.id, reply.replyId, attempt).catch(() => undefined);
      return { status: 'failed' };
    }
    logger('info', 'handoff.reply_relayed', { escalationId: escalation.id, outcome: status, attempt });
    const route = deps.routeNamed(escalation.route);
    const channel = deps.experts(escalation.expertPlatform as ExpertPlatform);
    if (status !== 'blocked' && route && channel?.confirmReply) {
      try {
        const saveable =
          status === 'relayed' &&
          (await escalations.reply(escalation.id, reply.replyId))?.verdictAction === SAVEABLE_VERDICT;
        const save = saveable ? await deps.saveForm(escalation, reply.replyId) : undefined;
        await channel.confirmReply(route, escalation, reply.replyId, status, save);
      } catch (error) {
        logger('warn', 'handoff.confirm_failed', {
          escalationId: escalation.id,
          error: describeError(error),
        });
      }
    }
    return { status, escalation };
  }

  return {
    replyText,

    async expertReply(input) {
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
      const relayed = (async (): Promise<ReplyOutcome> => {
        try {
          const reply = await escalations.reply(escalation.id, input.replyId);
          if (!reply) throw new Error(`reply ${input.replyId} of hand-off ${escalation.id} vanished`);
          return await relayClaimed(escalation, reply, 1);
        } catch (error) {
          // Not even the claim could be given back: it runs out, and the retry takes it then.
          logger('error', 'handoff.relay_failed', {
            escalationId: escalation.id,
            error: describeError(error),
          });
          return { status: 'failed' };
        }
      })();
      return { status: 'recorded', escalation, relayed };
    },

    async retryRelays(minAgeMs = RELAY_RETRY_AFTER_MS) {
      const now = Date.now();
      const claimedBefore = new Date(now - RELAY_LEASE_MS).toISOString();
      const due = await escalations.unrelayed({
        before: new Date(now - minAgeMs).toISOString(),
        claimedBefore,
        maxAttempts: RELAY_MAX_ATTEMPTS,
        limit: RETRY_BATCH,
      });
      let relayed = 0;
      for (const reply of due) {
        const attempt = await escalations.claimRelay(reply.escalationId, reply.replyId, claimedBefore);
        if (attempt === undefined) continue;
        const escalation = await escalations.get(reply.escalationId);
        if (!escalation) continue;
        const outcome = await relayClaimed(escalation, reply, attempt);
        if (outcome.status !== 'failed') relayed += 1;
      }
      if (due.length > 0) logger('info', 'handoff.relays_retried', { due: due.length, relayed });
      return relayed;
    },
  };
}
