import type { Activity, TurnContext } from 'botbuilder';
import { notice } from '../../answer/ports.js';
import { summaryIntent } from '../../answer/summary-intent.js';
import type { SummaryResult, SummaryService } from '../../answer/summary-ports.js';
import { describeError } from '../../core/errors.js';
import { type OutgoingMessage, renderFollowUp, renderNotice } from './answer-card.js';
import { audience } from './answer-question.js';
import { teamsPlace } from './record-arrival.js';
import { SUMMARIZE_VERB, type TeamsQuestionActivity, questionFromActivity } from './teams-activity.js';
import type { TeamsContext } from './teams-context.js';
import { post } from './teams-reply.js';
import { withConnectorRetry } from './connector-retry.js';
import { safeMarkdown } from './teams-markdown.js';
import { ThrottledProgress } from '../summary-progress.js';

/** Longest source a card's "Summarise" action may name. */
const MAX_SOURCE = 2000;

/** The document a turn asks to summarise: a card's "Summarise [n]", or "summarise <document>". */
function requestOf(activity: Activity): { target: string; language?: string | undefined } | undefined {
  const value = activity.value as { action?: unknown; source?: unknown } | undefined;
  if (value?.action === SUMMARIZE_VERB)
    return typeof value.source === 'string' && value.source.length <= MAX_SOURCE && value.source.trim()
      ? { target: value.source }
      : undefined;
  const message = questionFromActivity(activity);
  return message ? summaryIntent(message.text) : undefined;
}

function rendered(result: SummaryResult): OutgoingMessage[] {
  if (result.status !== 'answered' && result.status !== 'not_found') return [renderNotice(result.text)];
  return renderFollowUp(result.text, result.language, result.citations.slice(0, 20));
}

/** A document summary asked for in a turn: what to summarise, and where (read like a question). */
export interface DocumentSummaryAsk {
  readonly target: string;
  /** The language the request was written in (none for a card's button: the person's locale). */
  readonly language?: string | undefined;
  readonly message: TeamsQuestionActivity;
}

/** The summary a turn asks for: "summarise <document>", or a card's "Summarise [n]"; else undefined. */
export function documentSummaryOf(activity: Activity): DocumentSummaryAsk | undefined {
  const request = requestOf(activity);
  if (!request) return undefined;
  // A card's button is addressed to PolyDesk as a mention is: read the place the same way.
  const message = questionFromActivity({
    ...activity,
    value: undefined,
    entities: [...(activity.entities ?? []), { type: 'mention', mentioned: { id: activity.recipient?.id } }],
  } as Activity);
  return message ? { ...request, message } : undefined;
}

/**
 * Summarises the document and answers in the conversation: in a 1:1 chat for the requester, in a
 * group chat or channel for every member (a document one of them may not read is not found,
 * unnamed). Runs after the Bot Connector got its 200 (a model's summary takes long), once per
 * activity (claimed).
 */
export async function summarizeInTeams(
  context: TeamsContext,
  summaries: SummaryService,
  turn: TurnContext,
  ask: DocumentSummaryAsk,
): Promise<void> {
  const activity = turn.activity as Activity;
  const { message } = ask;
  if (!(await context.claims.claim('teams', message.claimKey))) return;
  const language = ask.language ?? message.locale?.split('-')[0] ?? 'en';
  let progress: ThrottledProgress | undefined;
  try {
    const requester = await context.people.principal(turn, message.userId, message.locale);
    const readers =
      message.scope === 'personal' ? [requester] : await audience(context, turn, message, requester);
    // Typing, and a placeholder edited with a model's progress ("Reading section 3 of 12…", then
    // its checked text so far) at most once per stream interval; the summary takes its place.
    await turn.sendActivity({ type: 'typing' }).catch(() => undefined);
    const placeholder = await post(turn, renderNotice(notice(language, 'summary.working')), context);
    const placeholderId = placeholder?.id;
    progress = placeholderId
      ? new ThrottledProgress(
          (shown) =>
            turn.updateActivity({
              id: placeholderId,
              type: 'message',
              textFormat: 'markdown',
              text: safeMarkdown(shown.text),
            }),
          {
            intervalMs: context.streamIntervalMs,
            failed: (error) =>
              context.logger('debug', 'teams.summary_progress_failed', { error: describeError(error) }),
          },
        )
      : undefined;
    const result = await summaries.summarizeDocument({
      document: ask.target,
      requester,
      readers,
      platform: 'teams',
      language: ask.language,
      place: teamsPlace(activity, message),
      eventId: activity.id,
      signal: context.signal,
      onProgress: progress?.onProgress,
    });
    await progress?.finish();
    const [first, ...rest] = rendered(result);
    const replaced =
      first && placeholderId
        ? await withConnectorRetry(
            () =>
              turn.updateActivity({
                id: placeholderId,
                type: 'message',
                textFormat: 'markdown',
                ...(first.text ? { text: first.text } : {}),
                ...(first.summary ? { summary: first.summary } : {}),
                ...(first.attachments?.length ? { attachments: [...first.attachments] } : {}),
              }),
            context.retry,
            context.signal,
          ).then(
            () => true,
            (error: unknown) => {
              // The placeholder may show a part of the progress: it goes, and the summary comes new.
              context.logger('warn', 'teams.summary_replace_failed', { error: describeError(error) });
              return false;
            },
          )
        : false;
    if (first && !replaced) {
      await post(turn, first, context);
      if (placeholderId)
        await turn.deleteActivity(placeholderId).catch((error: unknown) =>
          context.logger('warn', 'teams.summary_placeholder_delete_failed', {
            error: describeError(error),
          }),
        );
    }
    for (const reply of rest) await post(turn, reply, context);
  } catch (error) {
    await progress?.finish();
    if (context.signal.aborted) return;
    context.logger('error', 'teams.document_summary_failed', { error: describeError(error) });
    await post(turn, renderNotice(notice(language, 'failed')), context).catch(() => {});
  }
}
