import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, type BlockAction, type MessageShortcut, type ViewSubmitAction, webApi } from '@slack/bolt';
import type {
  AnswerService,
  CheckedText,
  DeliveryChannel,
  Directory,
  EventClaims,
  FeedbackRecorder,
} from '../../answer/ports.js';
import { ConfigError, describeError, PolyDeskError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { ExpertChannel, HandOffs } from '../../helpdesk/escalations.js';
import type { AnswerSubscriptions } from '../../helpdesk/ports.js';
import { answerMessage } from './answer-message.js';
import { AskCommand } from './ask-command.js';
import { createAssistantPanel } from './assistant-panel.js';
import { boltLogger } from './bolt-logger.js';
import { arrivalOf, MountedEventsReceiver } from './events-receiver.js';
import { recordFeedback } from './feedback-action.js';
import {
  escalateClick,
  type HandOffClick,
  relayIfExpertReply,
  resolveClick,
  SAVE_STANDARD_FORM,
  saveStandardShortcut,
  saveStandardSubmission,
  subscribeClick,
} from './hand-off-actions.js';
import {
  ESCALATE_ACTION,
  FEEDBACK_ACTION,
  RESOLVE_ACTION,
  SHARE_ACTION,
  SUBSCRIBE_ACTION,
} from './slack-blocks.js';
import type { SlackContext } from './slack-context.js';
import { createSlackDelivery } from './slack-delivery.js';
import { createSlackExpertChannel } from './slack-expert-channel.js';
import { slackErrorCode } from './slack-errors.js';
import {
  mayBeQuestion,
  questionFromMention,
  questionFromMessage,
  type SlackMessageEvent,
} from './slack-events.js';
import { SlackFeatures } from './slack-features.js';
import { SlackPeople, type SlackPeopleOptions } from './slack-people.js';
import { SocketEventsReceiver } from './socket-events-receiver.js';
import type { BotIdentity } from './thread-history.js';
import {
  POST_SUMMARY_ACTION,
  postClaimKey,
  postClickTarget,
  SUMMARIZE_THREAD_SHORTCUT,
  summarizeSlackThread,
  summaryFromMention,
} from './thread-summary.js';
import type { SummaryService } from '../../answer/summary-ports.js';
import { threadSummaryIntent } from '../thread-summary-intent.js';
import { summaryIntent } from '../../answer/summary-intent.js';
import {
  SUMMARIZE_DOCUMENT_ACTION,
  summarizeDocumentClick,
  summarizeDocumentMessage,
} from './document-summary.js';
import { DEFAULT_THREAD_LIMITS, type ThreadLimits } from '../thread-window.js';
import { fromSlackText } from './slack-text.js';

export interface SlackAdapterOptions {
  /** `SLACK_BOT_TOKEN` (xoxb-...). */
  readonly botToken: string;
  /** `SLACK_SIGNING_SECRET`: HTTP mode, events at `POST /slack/events`. */
  readonly signingSecret?: string | undefined;
  /** `SLACK_APP_TOKEN` (xapp-...): Socket Mode, no public URL needed. Wins over the signing secret. */
  readonly appToken?: string | undefined;
  /** `SLACK_API_URL`: Web API base URL (tests, proxies); default https://slack.com/api/. */
  readonly apiUrl?: string | undefined;
  readonly answers: AnswerService;
  readonly directory: Directory;
  readonly claims: EventClaims;
  readonly feedback: FeedbackRecorder;
  readonly logger: Logger;
  /** The most asked questions in a language, for the assistant panel's suggested prompts. */
  readonly popularQuestions?:
    | ((language: string, limit: number) => Promise<readonly CheckedText[]>)
    | undefined;
  /** Minimum time between two edits of a placeholder when native streaming is unavailable (default 1 s). */
  readonly editIntervalMs?: number | undefined;
  /** Web API retries (default: 3 retries, 0.5–8 s apart; a 429 waits for its Retry-After first). */
  readonly retryConfig?: webApi.RetryOptions | undefined;
  readonly people?: SlackPeopleOptions | undefined;
  /** "Ask a person" and the expert channels' side of it (EXPERT_ROUTES_FILE); undefined: none. */
  readonly handOff?: HandOffs | undefined;
  /** "Tell me when it's answered" under a not-found; undefined: not offered. */
  readonly subscriptions?: AnswerSubscriptions | undefined;
  /** Summaries of threads: the "Summarise thread" shortcut and "@PolyDesk summarise this thread". */
  readonly summaries?: SummaryService | undefined;
  /** How much of a thread one summary reads (default DEFAULT_THREAD_LIMITS). */
  readonly threadLimits?: ThreadLimits | undefined;
}

/** The message shortcut on an expert's reply in a hand-off thread (slack/manifest.yaml). */
export const SAVE_STANDARD_SHORTCUT = 'polydesk_save_standard';

export interface SlackAdapter {
  /** Request handler for `POST /slack/events` (mount before any body parser); null in Socket Mode. */
  readonly handler: ((req: IncomingMessage, res: ServerResponse) => void) | null;
  /** Posts reviewers' decisions on held answers into the original thread. */
  readonly delivery: DeliveryChannel;
  /** Where hand-offs to Slack expert channels are posted (with `handOff` only). */
  readonly expert: ExpertChannel | undefined;
  /** Verifies the token (`auth.test`), logs the bot identity; in Socket Mode, connects. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_RETRY: webApi.RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 8_000,
  randomize: true,
};

/** PolyDesk's Slack app on Bolt, over the Events API (HTTP) or Socket Mode. */
export async function createSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  const { logger } = options;
  if (!options.appToken && !options.signingSecret) {
    throw new ConfigError(
      'Slack needs SLACK_SIGNING_SECRET (events over HTTP) or SLACK_APP_TOKEN (Socket Mode) besides SLACK_BOT_TOKEN',
    );
  }
  const sdkLogger = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: options.apiUrl,
    logger: sdkLogger,
    retryConfig: options.retryConfig ?? DEFAULT_RETRY,
    timeout: 15_000,
  };
  const api = new webApi.WebClient(options.botToken, clientOptions);
  let identity: BotIdentity | undefined;
  const abort = new AbortController();
  const context: SlackContext = {
    api,
    people: new SlackPeople(api, options.directory, logger, options.people),
    features: new SlackFeatures(),
    answers: options.answers,
    claims: options.claims,
    feedback: options.feedback,
    logger,
    signal: abort.signal,
    editIntervalMs: options.editIntervalMs ?? 1_000,
    popularQuestions: options.popularQuestions,
    handOff: options.handOff,
    subscriptions: options.subscriptions,
    summaries: options.summaries,
    threadLimits: options.threadLimits ?? DEFAULT_THREAD_LIMITS,
    bot: () => {
      if (!identity) throw new PolyDeskError('PLATFORM_API_FAILED', 'the Slack adapter has not been started');
      return identity;
    },
  };

  const receiver = options.appToken
    ? new SocketEventsReceiver(
        {
          appToken: options.appToken,
          logger: sdkLogger,
          installerOptions: { clientOptions: { ...clientOptions, retryConfig: undefined } },
        },
        logger,
        mayBeQuestion,
      )
    : new MountedEventsReceiver(options.signingSecret!, logger, mayBeQuestion);
  const app = new App({
    receiver,
    socketMode: Boolean(options.appToken),
    authorize: async () => {
      const bot = context.bot();
      return { botToken: options.botToken, botId: bot.botId, botUserId: bot.userId, teamId: bot.teamId };
    },
    logger: sdkLogger,
    clientOptions,
    convoStore: false,
    ignoreSelf: true,
  });
  registerListeners(app, context);

  return {
    handler: receiver instanceof MountedEventsReceiver ? receiver.handle : null,
    delivery: createSlackDelivery(context),
    expert: options.handOff ? createSlackExpertChannel(context) : undefined,
    async start() {
      identity = await verifyToken(api, options.apiUrl);
      logger('info', 'slack.ready', {
        botUserId: identity.userId,
        botId: identity.botId,
        team: identity.teamId,
        mode: options.appToken ? 'socket' : 'http',
      });
      if (options.appToken) await connectSocket(app);
    },
    async stop() {
      abort.abort();
      if (options.appToken) await app.stop().catch(() => undefined);
    },
  };
}

function registerListeners(app: App, context: SlackContext): void {
  const run = (what: string, task: () => Promise<void>) =>
    task().catch((error: unknown) =>
      context.logger('error', 'slack.handler_failed', { what, error: describeError(error) }),
    );

  /**
   * True when the message was an expert's reply in a hand-off thread (relayed, not answered); the
   * event is acknowledged as soon as the reply is recorded. An error on the way counts as a reply
   * too: a message in an expert channel's thread is never answered as a question for a failure.
   */
  const relayed = async (event: SlackMessageEvent, arrived: () => void): Promise<boolean> => {
    try {
      return await relayIfExpertReply(context, event, arrived);
    } catch (error) {
      context.logger('error', 'slack.handler_failed', { what: 'expert_reply', error: describeError(error) });
      return true;
    }
  };
  // The receiver holds the acknowledgement of a question (HTTP or socket) until `arrived` (it is recorded).
  app.assistant(createAssistantPanel(context));
  app.event('app_mention', async ({ event, body, context: boltContext }) => {
    const arrived = arrivalOf(boltContext);
    // An expert's reply in a hand-off thread goes to the asker, even when it mentions PolyDesk.
    if (await relayed(event as SlackMessageEvent, arrived)) return arrived();
    const message = questionFromMention(event as SlackMessageEvent, body, context.bot());
    // "@PolyDesk summarise this thread" (in any answer language) is no question.
    const intent = message && threadSummaryIntent(fromSlackText(message.text, context.bot().userId));
    // "@PolyDesk summarise <document>": that document's summary.
    const asked =
      message &&
      !intent &&
      context.summaries &&
      summaryIntent(fromSlackText(message.text, context.bot().userId));
    if (message && intent)
      await run('thread_summary', () => summaryFromMention(context, message, intent, arrived));
    else if (message && asked)
      await run('document_summary', () => summarizeDocumentMessage(context, message, asked, arrived));
    else if (message) await run('app_mention', () => answerMessage(context, { ...message, arrived }));
    arrived();
  });
  app.message(async ({ message, body, context: boltContext }) => {
    const arrived = arrivalOf(boltContext);
    if (await relayed(message as SlackMessageEvent, arrived)) return arrived();
    const question = questionFromMessage(message as SlackMessageEvent, body, context.bot());
    // "summarise <document>" in a DM (a follow-up in a channel thread is only ever a question).
    const asked =
      question?.kind === 'dm' && context.summaries
        ? summaryIntent(fromSlackText(question.text, context.bot().userId))
        : undefined;
    if (question && asked)
      await run('document_summary', () => summarizeDocumentMessage(context, question, asked, arrived));
    else if (question) await run('message', () => answerMessage(context, { ...question, arrived }));
    arrived();
  });

  const ask = new AskCommand(context);
  app.command('/ask', async ({ command, ack, respond }) => {
    await ack();
    await run('/ask', () => ask.command(command, respond));
  });
  app.action<BlockAction>(
    new RegExp(`^${SUMMARIZE_DOCUMENT_ACTION}:`),
    async ({ ack, action, body, respond }) => {
      await ack();
      if (action.type !== 'button' || !action.value) return;
      const channel = body.channel?.id ?? body.container?.channel_id;
      // A double click is one request: claimed per person, answer message and button, for a minute
      // (a later press asks again).
      const minute = Math.floor(Date.now() / 60_000);
      const claimed = `summary_doc|${body.user.id}|${body.container?.message_ts ?? ''}|${action.action_id}|${minute}`;
      if (!(await context.claims.claim('slack', claimed))) return;
      await run('document_summary_click', () =>
        summarizeDocumentClick(context, { user: body.user.id, channel, source: action.value! }, respond),
      );
    },
  );
  app.action<BlockAction>(SHARE_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    const channel = body.channel?.id ?? body.container?.channel_id;
    if (action.type !== 'button' || !channel) return;
    await run('share', () => ask.share(action.value, body.user.id, channel, respond));
  });
  app.action<BlockAction>(new RegExp(`^${FEEDBACK_ACTION}`), async ({ ack, action, body, respond }) => {
    await ack();
    const value = 'value' in action && typeof action.value === 'string' ? action.value : undefined;
    const click = {
      value,
      user: body.user.id,
      channel: body.channel?.id ?? body.container?.channel_id,
      threadTs: body.message?.thread_ts ?? body.container?.thread_ts,
    };
    await run('feedback', () => recordFeedback(context, click, body.response_url ? respond : undefined));
  });
  const clickOf = (body: BlockAction, action: BlockAction['actions'][number]): HandOffClick => ({
    value: 'value' in action && typeof action.value === 'string' ? action.value : undefined,
    user: body.user.id,
    channel: body.channel?.id ?? body.container?.channel_id,
    threadTs: body.message?.thread_ts ?? body.container?.thread_ts,
    messageTs: body.message?.ts ?? body.container?.message_ts,
  });
  app.action<BlockAction>(ESCALATE_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    await run('escalate', () =>
      escalateClick(context, clickOf(body, action), body.response_url ? respond : undefined),
    );
  });
  app.action<BlockAction>(SUBSCRIBE_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    await run('subscribe', () =>
      subscribeClick(context, clickOf(body, action), body.response_url ? respond : undefined),
    );
  });
  app.action<BlockAction>(RESOLVE_ACTION, async ({ ack, action, body }) => {
    await ack();
    await run('resolve', () => resolveClick(context, clickOf(body, action)));
  });
  app.shortcut<MessageShortcut>(
    { callback_id: SAVE_STANDARD_SHORTCUT, type: 'message_action' },
    async ({ ack, shortcut, respond }) => {
      await ack();
      await run('save_standard', () =>
        saveStandardShortcut(
          context,
          {
            user: shortcut.user.id,
            channel: shortcut.channel.id,
            triggerId: shortcut.trigger_id,
            message: shortcut.message,
          },
          respond,
        ),
      );
    },
  );
  app.shortcut<MessageShortcut>(
    { callback_id: SUMMARIZE_THREAD_SHORTCUT, type: 'message_action' },
    async ({ ack, shortcut, respond }) => {
      // Acknowledged at once (Slack allows 3 s); the summary follows.
      await ack();
      const threadTs = shortcut.message.thread_ts ?? shortcut.message.ts;
      await run('thread_summary', () =>
        summarizeSlackThread(context, {
          user: shortcut.user.id,
          channel: shortcut.channel.id,
          threadTs,
          intoThread: false,
          respond,
        }),
      );
    },
  );
  app.action<BlockAction>(POST_SUMMARY_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    const value = 'value' in action && typeof action.value === 'string' ? action.value : undefined;
    const target = postClickTarget(value, body.channel?.id ?? body.container?.channel_id);
    if (!target) return;
    const claimed = postClaimKey(
      target,
      body.container?.message_ts,
      'action_ts' in action ? action.action_ts : undefined,
    );
    if (!(await context.claims.claim('slack', claimed))) return;
    await run('thread_summary_post', () =>
      summarizeSlackThread(context, {
        user: body.user.id,
        ...target,
        intoThread: true,
        respond: body.response_url ? respond : undefined,
      }),
    );
  });
  app.view<ViewSubmitAction>(SAVE_STANDARD_FORM, async ({ ack, body, view }) => {
    // The form closes at once; the saver is told the outcome in the thread.
    await ack();
    await run('save_standard_form', () =>
      saveStandardSubmission(context, {
        user: body.user.id,
        privateMetadata: view.private_metadata,
        values: view.state.values,
      }),
    );
  });
  app.error(async (error) => {
    context.logger('error', 'slack.event_failed', { error: describeError(error) });
  });
}

/** Socket Mode: opens the connection; a rejected app-level token is a configuration error. */
async function connectSocket(app: App): Promise<void> {
  try {
    await app.start();
  } catch (error) {
    const code = slackErrorCode(error);
    if (!code) throw error;
    throw new ConfigError(
      `SLACK_APP_TOKEN was rejected by Slack (${code}). Generate an app-level token (xapp-...) with the ` +
        'connections:write scope under Basic Information, App-Level Tokens, and enable Socket Mode.',
      { cause: error },
    );
  }
}

/** `auth.test`: the token works and who the bot is; a rejected token is a configuration error. */
async function verifyToken(api: webApi.WebClient, apiUrl: string | undefined): Promise<BotIdentity> {
  try {
    const result = await api.auth.test();
    if (!result.user_id || !result.bot_id) {
      throw new ConfigError('SLACK_BOT_TOKEN is not a bot token: use the Bot User OAuth Token (xoxb-...)');
    }
    return { userId: result.user_id, botId: result.bot_id, teamId: result.team_id, url: result.url };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = slackErrorCode(error);
    if (code) {
      throw new ConfigError(
        `SLACK_BOT_TOKEN was rejected by Slack (${code}). Copy the Bot User OAuth Token (xoxb-...) from ` +
          'your Slack app settings, OAuth & Permissions, and reinstall the app if it was revoked.',
        { cause: error },
      );
    }
    throw new PolyDeskError(
      'PLATFORM_API_FAILED',
      `could not reach the Slack Web API at ${apiUrl ?? 'https://slack.com/api/'}: ${describeError(error)}`,
      {
        cause: error,
      },
    );
  }
}
