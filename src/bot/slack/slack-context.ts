import type { webApi } from '@slack/bolt';
import type { AnswerService, CheckedText, EventClaims, FeedbackRecorder } from '../../answer/ports.js';
import type { Logger } from '../../core/log.js';
import type { HandOffs } from '../../helpdesk/escalations.js';
import type { AnswerSubscriptions } from '../../helpdesk/ports.js';
import type { SummaryService } from '../../answer/summary-ports.js';
import type { ThreadLimits } from '../thread-window.js';
import type { SlackFeatures } from './slack-features.js';
import type { SlackPeople } from './slack-people.js';
import type { BotIdentity } from './thread-history.js';

/** What the Slack handlers share: one Web API client, the caches, and the pipeline's ports. */
export interface SlackContext {
  readonly api: webApi.WebClient;
  readonly people: SlackPeople;
  readonly features: SlackFeatures;
  readonly answers: AnswerService;
  readonly claims: EventClaims;
  readonly feedback: FeedbackRecorder;
  readonly logger: Logger;
  /** Aborted when the adapter stops. */
  readonly signal: AbortSignal;
  /** Minimum time between two edits of a placeholder. */
  readonly editIntervalMs: number;
  /** Most asked questions, already passed through the guard (other people's words reach this user). */
  readonly popularQuestions:
    | ((language: string, limit: number) => Promise<readonly CheckedText[]>)
    | undefined;
  /** "Ask a person" (EXPERT_ROUTES_FILE); undefined: no hand-offs, and no button offers one. */
  readonly handOff?: HandOffs | undefined;
  /** "Tell me when it's answered"; undefined: the button is not offered. */
  readonly subscriptions?: AnswerSubscriptions | undefined;
  /** Summaries of threads (issue 18); undefined: the shortcut and the mention say it failed. */
  readonly summaries?: SummaryService | undefined;
  /** How much of a thread one summary reads. */
  readonly threadLimits: ThreadLimits;
  /** The bot's own identity (known after `auth.test` at start). */
  bot(): BotIdentity;
}

/**
 * Claims an event for this process. Slack may deliver one message as several events (a retry, an
 * `app_mention` plus a `message`), so both the event id and the message are claimed.
 */
export async function claimOnce(
  context: SlackContext,
  ids: { readonly eventId?: string | undefined; readonly channel?: string; readonly ts?: string },
): Promise<boolean> {
  for (const key of claimKeys(ids)) if (!(await context.claims.claim('slack', key))) return false;
  return true;
}

/** The ids under which one Slack message is claimed: the event's, and the message's own. */
export function claimKeys(ids: {
  readonly eventId?: string | undefined;
  readonly channel?: string;
  readonly ts?: string;
}): string[] {
  const keys: string[] = [];
  if (ids.eventId) keys.push(ids.eventId);
  if (ids.channel && ids.ts) keys.push(`message:${ids.channel}:${ids.ts}`);
  return keys;
}
