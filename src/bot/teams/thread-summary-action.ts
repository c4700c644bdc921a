import { type Activity, type ConversationReference, type InvokeResponse, TurnContext } from 'botbuilder';
import { type CheckedText, notice } from '../../answer/ports.js';
import type { SummaryResult, SummaryService, ThreadMessage } from '../../answer/summary-ports.js';
import { authorName } from '../../core/display-name.js';
import { describeError } from '../../core/errors.js';
import type { Principal } from '../../core/types.js';
import { coverageNote, type ThreadLimits, type ThreadWindow } from '../thread-window.js';
import { type OutgoingMessage, renderFollowUp, renderNotice } from './answer-card.js';
import type { BackgroundTasks } from './background-tasks.js';
import type { ChatReaders, TeamsConversation, TeamsThreadSource } from './graph-thread-reader.js';
import { htmlToText } from './graph-thread-reader.js';
import { channelThread, scopeOf } from './teams-activity.js';
import type { TeamsCloudAdapter } from './teams-cloud-adapter.js';
import type { TeamsContext } from './teams-context.js';
import {
  closeDialog,
  type DialogResponse,
  messageDialog,
  POST_SUMMARY_VERB,
  summaryDialog,
} from './summary-dialog.js';
import { type PersonalChatTarget, openPersonalChat, personalChatOf } from './personal-chat.js';
import { post } from './teams-reply.js';

/** The message action's command id (teams/manifest.json `composeExtensions[0].commands[0].id`). */
export const SUMMARIZE_COMMAND = 'summarizeThread';

export interface ThreadSummaryOptions {
  readonly summaries: SummaryService | undefined;
  /** Microsoft Graph; undefined: only the selected message (the invoke carries it) is summarised. */
  readonly source: TeamsThreadSource | undefined;
  readonly limits: ThreadLimits;
  /**
   * How long after the invoke arrives the dialog may show the summary (default 4 s: Teams gives an
   * invoke 5 s, then retries it twice and shows an error). A summary that takes longer is sent in
   * the 1:1 chat with PolyDesk; with 0, every summary is (a model that never finishes in seconds);
   * with Infinity, the dialog always waits (tests).
   */
  readonly deadlineMs: number;
  /** The bot's channel account (`28:<app id>`) and app id, to open a 1:1 chat with the requester. */
  readonly botAppId: string;
}

/** The message a message action was used on (`value.messagePayload`), as far as PolyDesk reads it. */
interface MessagePayload {
  readonly id?: string;
  readonly replyToId?: string | null;
  readonly createdDateTime?: string;
  readonly linkToMessage?: string;
  readonly body?: { readonly contentType?: string; readonly content?: string };
  readonly from?: { readonly user?: { readonly displayName?: string } | null } | null;
}

interface ActionValue {
  readonly commandId?: unknown;
  readonly messagePayload?: MessagePayload;
  readonly data?: { readonly action?: unknown } | null;
}

/** What one request reads and for whom. */
interface Request {
  readonly turn: TurnContext;
  readonly activity: Activity;
  readonly payload: MessagePayload;
  readonly requester: Principal;
  readonly language: string;
  /** When the invoke arrived (`Date.now()`): Teams' few seconds count from there. */
  readonly arrivedAt: number;
}

/**
 * "Summarise thread", PolyDesk's message action in Teams (a message extension action command on
 * messages, `fetchTask: true`). `composeExtension/fetchTask` carries the chosen message: PolyDesk
 * reads its conversation through Microsoft Graph (a channel thread or a chat) or, without Graph,
 * only the message itself (and says so), summarises it for the requester alone and shows it in a
 * dialog with "Post to thread" — within the invoke's few seconds, else in the 1:1 chat with PolyDesk.
 * "Post to thread" comes back as `composeExtension/submitAction`: the conversation is summarised
 * again for everyone who reads it (the guard checks it for all of them) and posted there.
 * Returns false for any other activity.
 */
export function createThreadSummaryAction(
  adapter: TeamsCloudAdapter,
  context: TeamsContext,
  background: BackgroundTasks,
  options: ThreadSummaryOptions,
): (turn: TurnContext) => Promise<boolean> {
  async function begin(turn: TurnContext, arrivedAt: number): Promise<Request> {
    const activity = turn.activity as Activity;
    const value = activity.value as ActionValue | undefined;
    const requester = await context.people.principal(turn, activity.from.id, activity.locale || undefined);
    return {
      turn,
      activity,
      payload: value!.messagePayload!,
      requester,
      language: languageOf(activity),
      arrivedAt,
    };
  }

  /**
   * The conversation as Graph addresses it, and its messages within the limits that every reader
   * may see: in a chat, none from before a reader's visible history (`everyone`: all members').
   */
  async function read(
    request: Request,
    everyone: boolean,
  ): Promise<{ window: ThreadWindow; selectedOnly: boolean }> {
    const aadId = request.activity.from.aadObjectId;
    const readers: ChatReaders | undefined = everyone ? 'all' : aadId ? { userId: aadId } : undefined;
    const where = graphConversation(request.activity, request.payload, readers);
    if (options.source && where) {
      const read = await options.source.read(where, options.limits, context.signal);
      if (read.status === 'read' && read.messages.length > 0) return { window: read, selectedOnly: false };
      context.logger('info', 'teams.thread_summary_graph', {
        status: read.status,
        ...(read.status === 'unavailable' ? { reason: read.reason } : {}),
      });
    }
    const only = selectedMessage(request.payload, options.limits);
    return {
      window: { messages: only ? [only] : [], seen: only ? 1 : 0, complete: true },
      selectedOnly: true,
    };
  }

  async function summarize(
    request: Request,
    window: ThreadWindow,
    readers: readonly Principal[],
    delivery: ConversationReference | PersonalChatTarget,
  ): Promise<SummaryResult> {
    const { activity } = request;
    const thread = 'conversation' in delivery ? delivery.conversation.id.split(';messageid=')[1] : undefined;
    return options.summaries!.summarizeThread({
      requester: request.requester,
      readers,
      platform: 'teams',
      language: request.language,
      place: {
        kind: scopeOf(activity) === 'personal' ? 'dm' : 'channel',
        channelId: activity.conversation.id.split(';')[0],
        threadId: thread,
        delivery,
      },
      eventId: activity.id ? `${activity.conversation.id}|${activity.id}` : undefined,
      signal: context.signal,
      title: titleOf(activity),
      messages: window.messages,
    });
  }

  /**
   * The dialog for the requester: the summary within the deadline, else a note and the 1:1 chat
   * later. That chat is opened only when something goes there: a late summary now, a held one once
   * approved (its delivery names the chat, not yet opened).
   */
  async function fetchTask(request: Request): Promise<DialogResponse> {
    const { language } = request;
    if (!options.summaries) return messageDialog(notice(language, 'failed'));
    const personal = personalChatOf(request.activity);
    const work = (async () => {
      const { window, selectedOnly } = await read(request, false);
      if (window.messages.length === 0)
        return { kind: 'notice' as const, text: notice(language, 'thread.nothing') };
      const result = await summarize(request, window, [request.requester], personal);
      const note = selectedOnly ? notice(language, 'thread.selectedOnly') : coverageNote(language, window);
      return { kind: 'summary' as const, result, note };
    })();
    const first = await raceDeadline(work, options.deadlineMs - (Date.now() - request.arrivedAt)).catch(
      (error: unknown) => {
        context.logger('error', 'teams.thread_summary_failed', { error: describeError(error) });
        return { kind: 'notice' as const, text: notice(language, 'failed') };
      },
    );
    if (first !== 'late') return dialogFor(request, first);
    // Too slow for the dialog: the requester gets it in the 1:1 chat with PolyDesk once ready.
    background.run(
      async () => {
        const outcome = await work.catch(() => ({
          kind: 'notice' as const,
          text: notice(language, 'failed'),
        }));
        const messages =
          outcome.kind === 'summary' && outcome.result.status === 'answered'
            ? renderFollowUp(outcome.result.text, outcome.result.language, outcome.result.citations)
            : [renderNotice(outcome.kind === 'summary' ? outcome.result.text : outcome.text)];
        if (outcome.kind === 'summary' && outcome.note) messages.push(renderNotice(outcome.note));
        await tellInPersonalChat(personal, messages);
      },
      (error) => context.logger('error', 'teams.thread_summary_failed', { error: describeError(error) }),
    );
    return messageDialog(notice(language, 'thread.comingInChat'));
  }

  function dialogFor(
    request: Request,
    outcome:
      | { readonly kind: 'notice'; readonly text: CheckedText }
      | { readonly kind: 'summary'; readonly result: SummaryResult; readonly note: CheckedText | undefined },
  ): DialogResponse {
    if (outcome.kind === 'notice') return messageDialog(outcome.text);
    const { result, note } = outcome;
    context.logger('info', 'teams.thread_summary', { questionId: result.questionId, status: result.status });
    if (result.status !== 'answered') return messageDialog(result.text);
    return summaryDialog({
      text: result.text,
      language: result.language,
      citations: result.citations,
      note,
      // In the 1:1 chat with PolyDesk the dialog's requester is the conversation's only reader.
      canPost: scopeOf(request.activity) !== 'personal',
    });
  }

  /** "Post to thread": summarised for every reader of the conversation, then posted into it. */
  function postToThread(request: Request): DialogResponse {
    if (!options.summaries) return messageDialog(notice(request.language, 'failed'));
    const reference = threadReference(request.activity, request.payload);
    background.run(
      async () => {
        const personal = personalChatOf(request.activity);
        const { window, selectedOnly } = await read(request, true);
        if (window.messages.length === 0)
          return tellInPersonalChat(personal, [renderNotice(notice(request.language, 'thread.nothing'))]);
        const readers = await audience(request);
        const result = await summarize(request, window, readers, reference);
        context.logger('info', 'teams.thread_summary', {
          questionId: result.questionId,
          status: result.status,
          intoThread: true,
        });
        // Into the thread go the summary and a held summary's notice (where it will be posted once
        // approved); "busy", "nothing to summarise" or a refusal is for the requester alone: the
        // thread's members did not ask.
        if (result.status !== 'answered' && result.status !== 'held')
          return tellInPersonalChat(personal, [renderNotice(result.text)]);
        const note = selectedOnly
          ? notice(request.language, 'thread.selectedOnly')
          : coverageNote(request.language, window);
        const messages =
          result.status === 'answered'
            ? renderFollowUp(result.text, result.language, result.citations)
            : [renderNotice(result.text)];
        await resumeIn(reference, async (turn) => {
          for (const message of messages) await post(turn, message, context);
          if (note && result.status === 'answered') await post(turn, renderNotice(note), context);
        });
      },
      async (error) => {
        context.logger('error', 'teams.thread_summary_failed', { error: describeError(error) });
        // The dialog has closed: the requester learns of it in the 1:1 chat.
        await tellInPersonalChat(personalChatOf(request.activity), [
          renderNotice(notice(request.language, 'failed')),
        ]).catch((notTold: unknown) =>
          context.logger('warn', 'teams.thread_summary_notice_failed', { error: describeError(notTold) }),
        );
      },
    );
    // The dialog closes; the summary appears in the thread.
    return closeDialog();
  }

  /** Everyone who reads the conversation; when Teams will not list them, the requester and an anonymous member. */
  async function audience(request: Request): Promise<readonly Principal[]> {
    const { activity, turn, requester } = request;
    if (scopeOf(activity) === 'personal') return [requester];
    const channelData = (activity.channelData ?? {}) as { team?: { id?: unknown } };
    try {
      const members = await context.people.readers(turn, {
        teamId: typeof channelData.team?.id === 'string' ? channelData.team.id : undefined,
        conversationId: activity.conversation.id.split(';')[0]!,
      });
      return members.some((m) => m.email === requester.email) ? members : [requester, ...members];
    } catch (error) {
      context.logger('warn', 'teams.members_unavailable', { error: describeError(error) });
      return [requester, { email: 'teams:unknown-member', groups: ['all'] }];
    }
  }

  /** Messages for the requester alone, in their 1:1 chat with PolyDesk (opened when needed). */
  async function tellInPersonalChat(
    personal: PersonalChatTarget,
    messages: readonly OutgoingMessage[],
  ): Promise<void> {
    const reference = await openPersonalChat(adapter, options.botAppId, personal, context.logger);
    if (!reference) return;
    await resumeIn(reference, async (turn) => {
      for (const message of messages) await post(turn, message, context);
    });
  }

  function resumeIn(
    reference: ConversationReference,
    logic: (turn: TurnContext) => Promise<void>,
  ): Promise<void> {
    return adapter.resume(
      TurnContext.applyConversationReference({ type: 'message' }, reference, true),
      logic,
    );
  }

  /** Once per invoke: Teams retries an invoke it got no answer to in time, and a double click posts twice. */
  async function firstTime(activity: Activity): Promise<boolean> {
    return !activity.id || context.claims.claim('teams', `${activity.conversation.id}|${activity.id}`);
  }

  return async (turn) => {
    const arrivedAt = Date.now();
    const activity = turn.activity as Activity;
    if (activity.type !== 'invoke') return false;
    const fetch = activity.name === 'composeExtension/fetchTask';
    const submit = activity.name === 'composeExtension/submitAction';
    if (!fetch && !submit) return false;
    const value = activity.value as ActionValue | undefined;
    if (value?.commandId !== SUMMARIZE_COMMAND || !value.messagePayload || !activity.from?.id) return false;
    const posting = submit && value.data?.action === POST_SUMMARY_VERB;
    let body: DialogResponse;
    if ((fetch || posting) && !(await firstTime(activity))) {
      // Already being summarised: a retried fetch learns where the summary goes, a repeated post closes.
      body = fetch ? messageDialog(notice(languageOf(activity), 'thread.comingInChat')) : closeDialog();
    } else if (fetch) body = await fetchTask(await begin(turn, arrivedAt));
    else if (posting) body = postToThread(await begin(turn, arrivedAt));
    else body = closeDialog();
    const response: InvokeResponse<DialogResponse> = { status: 200, body };
    await turn.sendActivity({ type: 'invokeResponse', value: response });
    return true;
  };
}

/** The requester's language, from the invoke's locale. */
function languageOf(activity: Activity): string {
  return (activity.locale || 'en').split('-')[0]!.toLowerCase();
}

/** The work's outcome, or `late` once `leftMs` have passed (at once for 0 or less; never for Infinity). */
function raceDeadline<T>(work: Promise<T>, leftMs: number): Promise<T | 'late'> {
  if (leftMs === Number.POSITIVE_INFINITY) return work;
  if (!(leftMs > 0)) return Promise.resolve('late');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), leftMs);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The conversation of the chosen message as Graph addresses it; undefined where Graph cannot read it. */
function graphConversation(
  activity: Activity,
  payload: MessagePayload,
  readers: ChatReaders | undefined,
): TeamsConversation | undefined {
  const channelData = (activity.channelData ?? {}) as {
    team?: { aadGroupId?: unknown };
    channel?: { id?: unknown };
    tenant?: { id?: unknown };
  };
  const tenantId =
    activity.conversation.tenantId ??
    (typeof channelData.tenant?.id === 'string' ? channelData.tenant.id : undefined);
  if (!tenantId) return undefined;
  const scope = scopeOf(activity);
  if (scope === 'channel') {
    const teamId = channelData.team?.aadGroupId;
    const channelId = channelData.channel?.id;
    const rootId = rootOf(activity, payload);
    if (typeof teamId !== 'string' || typeof channelId !== 'string' || !rootId) return undefined;
    return { kind: 'channel', tenantId, teamId, channelId, rootId };
  }
  // A chat's history differs by member: without knowing whose, it is not read.
  if (scope === 'groupChat' && readers)
    return { kind: 'chat', tenantId, chatId: activity.conversation.id.split(';')[0]!, readers };
  // A 1:1 chat with PolyDesk is addressed by another id in Graph: only the chosen message.
  return undefined;
}

/** The root message of the chosen message's thread: its parent, the thread in the conversation id, or itself. */
function rootOf(activity: Activity, payload: MessagePayload): string | undefined {
  return payload.replyToId || channelThread(activity.conversation.id)?.thread || payload.id;
}

/** Where "Post to thread" posts: the channel thread (`…;messageid=<root>`) or the chat. */
function threadReference(activity: Activity, payload: MessagePayload): ConversationReference {
  const reference = TurnContext.getConversationReference(activity) as ConversationReference;
  const base = activity.conversation.id.split(';')[0]!;
  const root = rootOf(activity, payload);
  const id = scopeOf(activity) === 'channel' && root ? `${base};messageid=${root}` : base;
  return { ...reference, activityId: root, conversation: { ...reference.conversation, id } };
}

/** The chosen message itself, when Graph cannot read the conversation. */
function selectedMessage(payload: MessagePayload, limits: ThreadLimits): ThreadMessage | undefined {
  const content = payload.body?.content ?? '';
  const text = (payload.body?.contentType === 'text' ? content : htmlToText(content))
    .trim()
    .slice(0, limits.maxMessageChars);
  if (!text) return undefined;
  return {
    author: authorName(payload.from?.user?.displayName) ?? 'unknown',
    text,
    ...(payload.createdDateTime ? { at: payload.createdDateTime } : {}),
    ...(payload.linkToMessage?.startsWith('https://') ? { link: payload.linkToMessage } : {}),
  };
}

/** The summary's heading names the place: the channel or chat as Teams labels it, else "Teams". */
function titleOf(activity: Activity): string {
  const channelData = (activity.channelData ?? {}) as { channel?: { name?: unknown } };
  const name = channelData.channel?.name ?? activity.conversation.name;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 80) : 'Teams';
}
