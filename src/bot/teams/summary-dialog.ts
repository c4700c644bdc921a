/**
 * The dialog (task module) a Teams message action opens: the summary in an Adaptive Card, only for
 * the person who asked, with "Post to thread"; or a one-line message dialog for any other outcome.
 * Built from guard-checked text only.
 */
import type { CheckedText } from '../../answer/ports.js';
import { t } from '../../core/i18n.js';
import type { Citation } from '../../core/types.js';
import { ADAPTIVE_CARD, PIECE_MAX, sourceBlocks } from './answer-card.js';
import { safeMarkdown } from './teams-markdown.js';

/** The data of "Post to thread" (Teams sends it back in `composeExtension/submitAction`). */
export const POST_SUMMARY_VERB = 'polydesk_post_summary';

declare const rendered: unique symbol;

/**
 * An invoke response body for `composeExtension/fetchTask` or `/submitAction`. Only this module
 * makes one, from guard-checked text (the brand cannot be written elsewhere).
 */
export type DialogResponse = Readonly<Record<string, unknown>> & { readonly [rendered]: true };

function sealed(body: Record<string, unknown>): DialogResponse {
  return body as DialogResponse;
}

/** The summary in a dialog card: text, sources, the coverage note, and "Post to thread" where allowed. */
export function summaryDialog(summary: {
  readonly text: CheckedText;
  readonly language: string;
  readonly citations: readonly Citation[];
  readonly note: CheckedText | undefined;
  readonly canPost: boolean;
}): DialogResponse {
  const { language } = summary;
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: safeMarkdown(summary.text).slice(0, PIECE_MAX), wrap: true },
  ];
  body.push(...sourceBlocks(language, summary.citations.slice(0, 20)));
  if (summary.note)
    body.push({
      type: 'TextBlock',
      text: summary.note,
      wrap: true,
      isSubtle: true,
      size: 'Small',
      spacing: 'Medium',
    });
  const actions = summary.canPost
    ? [
        {
          type: 'Action.Submit',
          title: t(language, 'thread.postToThread'),
          data: { action: POST_SUMMARY_VERB },
        },
      ]
    : [];
  return sealed({
    task: {
      type: 'continue',
      value: {
        title: 'PolyDesk',
        width: 'large',
        height: 'large',
        card: {
          contentType: ADAPTIVE_CARD,
          content: {
            type: 'AdaptiveCard',
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            version: '1.5',
            body,
            ...(actions.length ? { actions } : {}),
          },
        },
      },
    },
  });
}

/** A dialog that shows one line (a notice: held, not readable, still summarising, ...). */
export function messageDialog(text: CheckedText): DialogResponse {
  return sealed({ task: { type: 'message', value: text } });
}

/** No dialog: an empty response closes it (what follows is posted in the conversation). */
export function closeDialog(): DialogResponse {
  return sealed({});
}
