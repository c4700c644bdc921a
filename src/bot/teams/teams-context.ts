import type { AnswerService, ConversationLog, EventClaims, FeedbackRecorder } from '../../answer/ports.js';
import type { Logger } from '../../core/log.js';
import type { HandOffs } from '../../helpdesk/escalations.js';
import type { AnswerSubscriptions } from '../../helpdesk/ports.js';
import type { ConnectorRetry } from './connector-retry.js';
import type { People } from './teams-people.js';

/** What the Teams handlers share: the pipeline's ports, the caches and the reply settings. */
export interface TeamsContext {
  readonly answers: AnswerService;
  readonly claims: EventClaims;
  readonly feedback: FeedbackRecorder;
  readonly people: People;
  /** Earlier turns of a conversation, for follow-ups (read back from the database). */
  readonly history: ConversationLog;
  readonly logger: Logger;
  readonly retry: ConnectorRetry;
  /** Aborted when the adapter stops. */
  readonly signal: AbortSignal;
  /** Least time between two stream updates in a 1:1 chat. */
  readonly streamIntervalMs: number;
  /** How often the typing indicator is renewed in group chats and channels. */
  readonly typingIntervalMs: number;
  /** "Ask a person" (EXPERT_ROUTES_FILE); undefined: no hand-offs, and no card offers one. */
  readonly handOff?: HandOffs | undefined;
  /** "Tell me when it's answered"; undefined: not offered. */
  readonly subscriptions?: AnswerSubscriptions | undefined;
}
