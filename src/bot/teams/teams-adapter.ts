import type { ServerResponse } from 'node:http';
import type { Activity, TurnContext } from 'botbuilder';
import type {
  AnswerService,
  ConversationLog,
  DeliveryChannel,
  Directory,
  EventClaims,
  FeedbackRecorder,
} from '../../answer/ports.js';
import { ConfigError, describeError } from '../../core/errors.js';
import { notice } from '../../answer/ports.js';
import { renderNotice } from './answer-card.js';
import type { Logger } from '../../core/log.js';
import type { ExpertChannel, HandOffs } from '../../helpdesk/escalations.js';
import type { AnswerSubscriptions } from '../../helpdesk/ports.js';
import { answerQuestion, replyFor, startReply } from './answer-question.js';
import { BackgroundTasks } from './background-tasks.js';
import { type ConnectorRetry, DEFAULT_CONNECTOR_RETRY } from './connector-retry.js';
import { EmulatorPeople } from './emulator-people.js';
import { recordFeedback } from './feedback-action.js';
import { handOffAction, relayIfExpertReply } from './hand-off-actions.js';
import { type MessagesRequest, createMessagesHandler, isLoopbackUrl } from './messages-endpoint.js';
import { recordArrival } from './record-arrival.js';
import { feedbackFromActivity, handOffActionOf, questionFromActivity, scopeOf } from './teams-activity.js';
import {
  type BotCredentials,
  type MicrosoftAppType,
  TeamsCloudAdapter,
  validateCredentials,
} from './teams-cloud-adapter.js';
import type { TeamsContext } from './teams-context.js';
import { createTeamsDelivery } from './teams-delivery.js';
import { createTeamsExpertChannel } from './teams-expert-channel.js';
import { TeamsPeople, type TeamsPeopleOptions } from './teams-people.js';
import { post } from './teams-reply.js';
import type { SummaryService } from '../../answer/summary-ports.js';
import { DEFAULT_THREAD_LIMITS, type ThreadLimits } from '../thread-window.js';
import type { TeamsThreadSource } from './graph-thread-reader.js';
import { createThreadSummaryAction } from './thread-summary-action.js';
import { documentSummaryOf, summarizeInTeams } from './document-summary.js';

export interface TeamsAdapterOptions extends BotCredentials {
  /** `MICROSOFT_APP_ID`: activities must carry a Bot Connector token for it. */
  readonly appId?: string | undefined;
  /**
   * `TEAMS_EMULATOR`: without an app id, accept activities without a token, as the Bot Framework
   * Emulator sends them (replies only to loopback addresses; people from the directory only).
   * Either this or an app id is required.
   */
  readonly emulator?: boolean | undefined;
  readonly appPassword?: string | undefined;
  readonly tenantId?: string | undefined;
  readonly appType: MicrosoftAppType;
  readonly answers: AnswerService;
  readonly directory: Directory;
  readonly claims: EventClaims;
  readonly feedback: FeedbackRecorder;
  /** Earlier turns of a conversation for follow-ups (default: none, every question stands alone). */
  readonly history?: ConversationLog | undefined;
  readonly logger: Logger;
  /** Least time between two stream updates in a 1:1 chat (default 1.5 s, as Teams recommends). */
  readonly streamIntervalMs?: number | undefined;
  /** How often the typing indicator is renewed in group chats and channels (default 3 s). */
  readonly typingIntervalMs?: number | undefined;
  /** Retries of throttled (429) Bot Connector calls, on top of the SDK's own retries. */
  readonly retry?: ConnectorRetry | undefined;
  readonly people?: TeamsPeopleOptions | undefined;
  /** Emulator mode only: service URLs replies may go to (default: loopback IP addresses only). */
  readonly allowServiceUrl?: ((url: URL) => boolean) | undefined;
  /** "Ask a person" and the expert channels' side of it (EXPERT_ROUTES_FILE); undefined: none. */
  readonly handOff?: HandOffs | undefined;
  /** "Tell me when it's answered" under a not-found; undefined: not offered. */
  readonly subscriptions?: AnswerSubscriptions | undefined;
  /** Summaries of conversations: the "Summarise thread" message action (issue 18). */
  readonly summaries?: SummaryService | undefined;
  /** Reads whole channel threads and chats (Microsoft Graph); undefined: only the chosen message. */
  readonly threadSource?: TeamsThreadSource | undefined;
  /** How much of a conversation one summary reads (default DEFAULT_THREAD_LIMITS). */
  readonly threadLimits?: ThreadLimits | undefined;
  /** How long the message action's dialog waits for a summary (default 4 s of Teams' 5; 0: always the 1:1 chat). */
  readonly summaryDeadlineMs?: number | undefined;
}

export interface TeamsAdapter {
  /** Express handler for `POST /api/messages`; reads the body itself, so mount it with or without `express.json()`. */
  readonly handler: (req: MessagesRequest, res: ServerResponse) => Promise<void>;
  /** Posts reviewers' decisions on held answers into the conversation where they were asked. */
  readonly delivery: DeliveryChannel;
  /** Where hand-offs to Teams expert channels are posted (with `handOff` only). */
  readonly expert: ExpertChannel | undefined;
  /** Resolves true once every answer in progress has been posted (false after `timeoutMs`). */
  idle(timeoutMs?: number): Promise<boolean>;
  /** Waits up to `graceMs` for the answers in progress, then cancels the rest (their askers get an apology). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * PolyDesk's Microsoft Teams bot on botbuilder's CloudAdapter. The endpoint claims the activity and
 * records its question, shows progress (stream start or typing) and answers the Bot Connector; the
 * question is then answered in a background turn around its activity.
 */
export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  validateCredentials(options);
  validateMode(options);
  const { logger } = options;
  const adapter = new TeamsCloudAdapter(options);
  if (adapter.authenticated) {
    logger('info', 'teams.ready', { auth: 'jwt', appType: options.appType });
  } else {
    logger('warn', 'teams.unauthenticated', {
      message:
        'TEAMS_EMULATOR is on: POST /api/messages accepts activities without a token (Bot Framework Emulator mode), replies only to loopback IP addresses and takes people from DIRECTORY_FILE alone; never expose it, and set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to connect to Teams',
    });
  }
  const abort = new AbortController();
  const context: TeamsContext = {
    answers: options.answers,
    claims: options.claims,
    feedback: options.feedback,
    // An unauthenticated caller names the service URL: no identity may come from there.
    people: adapter.authenticated
      ? new TeamsPeople(options.directory, logger, options.people)
      : new EmulatorPeople(options.directory),
    history: options.history ?? { recent: async () => [] },
    logger,
    retry: options.retry ?? DEFAULT_CONNECTOR_RETRY,
    signal: abort.signal,
    streamIntervalMs: options.streamIntervalMs ?? 1_500,
    typingIntervalMs: options.typingIntervalMs ?? 3_000,
    handOff: options.handOff,
    subscriptions: options.subscriptions,
  };
  const background = new BackgroundTasks();
  const threadSummary = createThreadSummaryAction(adapter, context, background, {
    summaries: options.summaries,
    source: options.threadSource,
    limits: options.threadLimits ?? DEFAULT_THREAD_LIMITS,
    deadlineMs: options.summaryDeadlineMs ?? 4_000,
    botAppId: options.appId ?? '',
  });

  async function onTurn(turn: TurnContext): Promise<void> {
    const activity = turn.activity;
    const click = feedbackFromActivity(activity);
    if (click) return recordFeedback(context, turn, click);
    if (activity.type === 'conversationUpdate') return greet(turn);
    if (await threadSummary(turn)) return;
    // "summarise <document>", or a card's "Summarise [n]" (issue 18).
    const summary = options.summaries ? documentSummaryOf(activity) : undefined;
    if (summary && options.summaries) {
      const { summaries } = options;
      // After the 200, as answers are: a model's summary takes longer than the Bot Connector waits.
      const resumed: Partial<Activity> = {
        ...activity,
        conversation: { ...activity.conversation, id: summary.message.conversationId },
      };
      background.run(
        () => adapter.resume(resumed, (later) => summarizeInTeams(context, summaries, later, summary)),
        (error) => logger('error', 'teams.document_summary_failed', { error: describeError(error) }),
      );
      return;
    }
    const action = handOffActionOf(activity);
    if (action) return handOffAction(context, turn, action);
    // An expert's reply in a hand-off thread goes to the asker; it is no question for PolyDesk.
    if (await relayIfExpertReply(context, turn)) return;
    const message = questionFromActivity(activity);
    if (!message) return;
    // Claimed and recorded before the Bot Connector gets its 200 (see recordArrival).
    const arrival = await recordArrival(context, turn, message);
    if (arrival.status !== 'recorded') return;
    const reply = replyFor(context, turn, message);
    await startReply(reply, message);
    const resumed: Partial<Activity> = {
      ...activity,
      conversation: { ...activity.conversation, id: message.conversationId },
    };
    background.run(
      () =>
        adapter.resume(resumed, (later) =>
          answerQuestion(context, later, message, reply, arrival.questionId),
        ),
      (error) => logger('error', 'teams.reply_failed', { scope: message.scope, error: describeError(error) }),
    );
  }

  /** A greeting when PolyDesk is added to a 1:1 chat. */
  async function greet(turn: TurnContext): Promise<void> {
    const { activity } = turn;
    const added = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
    if (!added || scopeOf(activity) !== 'personal' || !activity.id) return;
    if (!(await context.claims.claim('teams', `${activity.conversation.id}|${activity.id}`))) return;
    await post(turn, renderNotice(notice(activity.locale, 'greeting')), context);
  }

  return {
    handler: createMessagesHandler({
      adapter,
      onTurn,
      logger,
      allowServiceUrl: options.allowServiceUrl ?? isLoopbackUrl,
    }),
    delivery: createTeamsDelivery(adapter, context, options.appId ?? ''),
    // The bot's channel account id: 28:<app id> (any id in the Emulator mode).
    expert: options.handOff
      ? createTeamsExpertChannel(
          adapter,
          context,
          options.appId ? `28:${options.appId}` : '28:polydesk-emulator',
        )
      : undefined,
    idle: (timeoutMs) => background.idle(timeoutMs),
    async stop(graceMs = 10_000) {
      if (await background.idle(graceMs)) return;
      abort.abort();
      await background.idle(5_000);
    },
  };
}

/** Exactly one of the two modes: a Bot Connector app id, or the Emulator explicitly asked for. */
function validateMode(options: TeamsAdapterOptions): void {
  if (options.appId && options.emulator) {
    throw new ConfigError(
      'TEAMS_EMULATOR=1 turns token checks off and cannot be combined with MICROSOFT_APP_ID: unset TEAMS_EMULATOR to connect to Teams',
    );
  }
  if (!options.appId && !options.emulator) {
    throw new ConfigError(
      'Teams needs MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (an Azure Bot), or TEAMS_EMULATOR=1 to try PolyDesk with the Bot Framework Emulator on this machine',
    );
  }
}
