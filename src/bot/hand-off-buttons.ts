/**
 * What the chat platforms share about "Ask a person": which buttons an answer offers, and the
 * notice each outcome of a button gives the person who pressed it.
 */
import { describeError } from '../core/errors.js';
import type { MessageKey } from '../core/i18n.js';
import type { Logger } from '../core/log.js';
import type { AnswerResult } from '../core/types.js';
import type { EscalateOutcome, HandOffs, SaveOutcome } from '../helpdesk/escalations.js';
import type { AnswerSubscriptions } from '../helpdesk/ports.js';
import { answerViewOf } from './answer-view.js';

/** The buttons under an answer besides 👍/👎. */
export interface HandOffButtons {
  /** "Ask a person": a route takes this answer's question. */
  readonly escalate?: boolean | undefined;
  /** "Tell me when it's answered": a not-found, with subscriptions running. */
  readonly subscribe?: boolean | undefined;
}

/** What an answer offers: "Ask a person" where a route takes it, "Tell me" under a not-found. */
export async function handOffButtons(
  context: {
    readonly handOff?: HandOffs | undefined;
    readonly subscriptions?: AnswerSubscriptions | undefined;
    readonly logger: Logger;
  },
  result: AnswerResult,
  asker: string,
): Promise<HandOffButtons> {
  if (!answerViewOf(result)) return {};
  let escalate = false;
  try {
    escalate = (await context.handOff?.offered(asker, result.citations)) ?? false;
  } catch (error) {
    // Without the button the answer still goes out.
    context.logger('warn', 'handoff.offer_failed', { error: describeError(error) });
  }
  return { escalate, subscribe: result.status === 'not_found' && context.subscriptions !== undefined };
}

/** What the asker who pressed "Ask a person" is told. */
export const ESCALATE_NOTICES: Readonly<Record<EscalateOutcome['status'], MessageKey>> = {
  posted: 'handoff.sent',
  already: 'handoff.already',
  not_asker: 'handoff.notAsker',
  no_route: 'handoff.unavailable',
  not_found: 'handoff.unavailable',
  failed: 'handoff.unavailable',
};

/** What the expert who saved a reply as a standard answer is told. */
export const SAVE_NOTICES: Readonly<Record<SaveOutcome['status'], MessageKey>> = {
  saved: 'handoff.saved',
  already: 'handoff.savedAlready',
  not_relayed: 'handoff.saveNotRelayed',
  not_hand_off: 'handoff.notReply',
  empty: 'failed',
  unavailable: 'failed',
  invalid: 'failed',
};
