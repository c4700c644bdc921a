import type { DeliveryChannel, Directory } from '../answer/ports.js';
import { InputError, describeError } from '../core/errors.js';
import { t } from '../core/i18n.js';
import type { Logger } from '../core/log.js';
import type { Platform, Principal } from '../core/types.js';
import type { Guard } from '../guardrails/guard.js';
import type { AnswerSubscriptionRepository, WaitingAsker } from '../store/answer-subscription-repository.js';
import type { StandardAnswer } from '../store/standard-answer-repository.js';
import type { AnswerSubscriptions } from './ports.js';
import { bylineOf, mayGive } from './standard-answers.js';

/** What telling the waiting askers came to. */
export interface NotifyOutcome {
  /** Told, in the place they asked. */
  readonly told: number;
  /** Not told: the answer's audience or languages leave them out, or the guard held it for them. */
  readonly notAllowed: number;
  /** Not told yet: their platform is not running here or the post failed (they stay waiting). */
  readonly undelivered: number;
  /** Told meanwhile by another replica or notification (not by this one). */
  readonly toldElsewhere: number;
}

/** Askers who asked to be told when their unanswered question gets an answer, and telling them. */
export interface AnswerSubscriptionService extends AnswerSubscriptions {
  /** Tells each still-waiting asker of these questions that `answer` answers them; each is told once. */
  notify(questionIds: readonly string[], answer: StandardAnswer): Promise<NotifyOutcome>;
}

/**
 * Who reads a later message where the question was asked: in a DM the asker; in a channel also its
 * other members, who are not known here, so only what anyone in the company may read goes there.
 */
function readersOf(waiting: WaitingAsker, asker: Principal): Principal[] {
  if (waiting.placeKind === 'dm' || waiting.placeKind === 'local') return [asker];
  return [asker, { email: `${waiting.platform}:channel-member`, groups: ['all'] }];
}

/** The message: the question they asked (quoted), then the standard answer as the pipeline shows it. */
export function followUpText(language: string, question: string, answer: StandardAnswer): string {
  const quoted = question
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return [
    t(language, 'standard.nowAnswered'),
    quoted,
    answer.title,
    answer.answer,
    bylineOf(language, answer.team, answer.updatedAt.slice(0, 10)),
  ].join('\n\n');
}

export function createAnswerSubscriptions(deps: {
  readonly repository: AnswerSubscriptionRepository;
  readonly guard: Guard;
  readonly directory: Directory;
  /** The delivery channel of each chat platform running in this process. */
  readonly deliveries: (platform: Platform) => DeliveryChannel | undefined;
  readonly logger: Logger;
}): AnswerSubscriptionService {
  const { repository, logger } = deps;

  async function tell(waiting: WaitingAsker, answer: StandardAnswer): Promise<keyof NotifyOutcome> {
    const channel = deps.deliveries(waiting.platform as Platform);
    if (!channel?.deliverFollowUp) return 'undelivered';
    const language = waiting.language ?? answer.languages[0] ?? 'en';
    const asker = deps.directory.resolve(waiting.asker);
    const readers = readersOf(waiting, asker);
    if (!mayGive(answer, readers, language)) return 'notAllowed';
    const verdict = await deps.guard.check(followUpText(language, waiting.question, answer), {
      readers,
      sources: [],
      language,
    });
    if (verdict.action === 'hold' || verdict.action === 'block') {
      logger('warn', 'subscription.guarded', { questionId: waiting.questionId, action: verdict.action });
      return 'notAllowed';
    }
    if (!(await repository.claimNotification(waiting.questionId, answer.id))) return 'toldElsewhere';
    try {
      await channel.deliverFollowUp({
        questionId: waiting.questionId,
        text: verdict.text,
        language,
        channelId: waiting.channelId ?? undefined,
        threadId: waiting.threadId ?? undefined,
        delivery: waiting.delivery,
        asker: waiting.asker,
      });
      return 'told';
    } catch (error) {
      await repository.releaseNotification(waiting.questionId);
      logger('warn', 'subscription.delivery_failed', {
        questionId: waiting.questionId,
        error: describeError(error),
      });
      return 'undelivered';
    }
  }

  return {
    async subscribe(questionId, asker) {
      if (!asker.trim()) throw new InputError('the asker is missing');
      const askedBy = await repository.askerOf(questionId);
      if (askedBy === undefined) throw new InputError('no such question');
      // The answer goes where the question was asked, checked for its asker: only they may ask for it.
      if (askedBy.trim().toLowerCase() !== asker.trim().toLowerCase())
        throw new InputError('only the person who asked may ask to be told');
      await repository.subscribe(questionId, askedBy);
    },
    async notify(questionIds, answer) {
      const counts = { told: 0, notAllowed: 0, undelivered: 0, toldElsewhere: 0 };
      for (const waiting of await repository.waiting(questionIds)) counts[await tell(waiting, answer)] += 1;
      logger('info', 'subscription.notified', { standardId: answer.id, ...counts });
      return counts;
    },
  };
}
