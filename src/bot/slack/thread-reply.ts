import type { webApi } from '@slack/bolt';
import type { CheckedText } from '../../answer/ports.js';
import type { Logger } from '../../core/log.js';
import {
  type Block,
  type RenderedReply,
  type SlackMessage,
  TEXT_MAX,
  withPlainFeedbackButtons,
} from './slack-blocks.js';
import { describeSlackError, slackErrorCode } from './slack-errors.js';
import type { SlackFeatures } from './slack-features.js';
import { escapeStreamedMarkdown, toMrkdwn } from './slack-text.js';

/** Where a reply goes and who it is for (native streaming outside DMs needs the recipient). */
export interface ReplyTarget {
  readonly channel: string;
  /** The thread to answer in; undefined for a top-level reply in a DM. */
  readonly threadTs: string | undefined;
  readonly userId: string;
  readonly teamId: string | undefined;
}

/**
 * One reply in a thread, from "working on it" to the final message: the assistant loading status
 * (or a placeholder message), then the text as it grows — natively streamed where Slack allows it,
 * otherwise by editing one message at most once per `editIntervalMs` — then the final Block Kit
 * message. Slack calls are serialised; a failed edit falls back to posting.
 */
export class ThreadReply {
  private statusShown = false;
  /** The message being edited (placeholder or first partial text). */
  private editTs: string | undefined;
  private streamer: webApi.ChatStreamer | undefined;
  private streamed = '';
  private diverged = false;
  private mode: 'stream' | 'edit' | undefined;
  private latest: CheckedText | undefined;
  private shown = '';
  private lastEditAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();
  private abandoned = false;

  constructor(
    private readonly api: webApi.WebClient,
    private readonly target: ReplyTarget,
    private readonly features: SlackFeatures,
    private readonly logger: Logger,
    private readonly editIntervalMs = 1_000,
  ) {}

  /** Shows at once that PolyDesk is working: the loading status where the app has it, else a placeholder. */
  async showStatus(status: CheckedText, loadingMessages: readonly CheckedText[]): Promise<void> {
    const { channel, threadTs } = this.target;
    if (threadTs && this.features.available('status')) {
      try {
        await this.api.assistant.threads.setStatus({
          channel_id: channel,
          thread_ts: threadTs,
          status,
          loading_messages: [...loadingMessages],
        });
        this.statusShown = true;
        return;
      } catch (error) {
        if (slackErrorCode(error)) this.features.refused('status');
        this.logger('debug', 'slack.status_unavailable', { error: describeSlackError(error) });
      }
    }
    try {
      const posted = await this.api.chat.postMessage({ channel, thread_ts: threadTs, text: status });
      this.editTs = posted.ts;
      this.shown = '';
    } catch (error) {
      this.logger('warn', 'slack.placeholder_failed', { error: describeSlackError(error) });
    }
  }

  /** A new status line (e.g. "writing the answer") while no text is visible yet. */
  progress(status: CheckedText): void {
    if (this.mode) return;
    this.enqueue(async () => {
      if (this.mode) return;
      const { channel, threadTs } = this.target;
      if (this.statusShown && threadTs) {
        await this.api.assistant.threads.setStatus({ channel_id: channel, thread_ts: threadTs, status });
      } else if (this.editTs) {
        await this.api.chat.update({ channel, ts: this.editTs, text: status });
      }
    });
  }

  /** The answer text so far (each call replaces the previous one). */
  update(text: CheckedText): void {
    this.latest = text;
    this.mode ??=
      this.statusShown && this.target.threadTs && this.features.available('stream') ? 'stream' : 'edit';
    if (this.mode === 'stream') this.enqueue(() => this.appendToStream());
    else this.scheduleEdit();
  }

  /**
   * Sends nothing more, not even an edit already scheduled: another replica took the question over
   * and puts its answer into this thread (in place of the stream or placeholder left here).
   */
  abandon(): void {
    this.abandoned = true;
    clearTimeout(this.timer);
  }

  /** Puts the final content in place; returns once Slack has it. */
  async finish(final: RenderedReply): Promise<void> {
    clearTimeout(this.timer);
    await this.queue;
    try {
      await this.putFinal(final);
    } catch (error) {
      // Do not leave "searching…" spinning under a reply that never came.
      const { channel, threadTs } = this.target;
      if (this.statusShown && threadTs) {
        await this.api.assistant.threads
          .setStatus({ channel_id: channel, thread_ts: threadTs, status: '' })
          .catch(() => {});
      }
      throw error;
    }
  }

  private async putFinal(final: RenderedReply): Promise<void> {
    const [first, ...rest] = final.messages;
    if (!first) return;
    if (this.streamer) {
      const streamEnd = final.stream;
      if (streamEnd && !this.diverged && streamEnd.markdown.startsWith(this.streamed)) {
        if (await this.stopStream(streamEnd.markdown, streamEnd.blocks)) return;
      } else {
        await this.stopStream(undefined, []);
      }
      this.editTs = this.streamer.ts ?? this.editTs;
    }
    if (this.editTs) await this.replace(this.editTs, first);
    else await this.post(first);
    for (const message of rest) await this.post(message);
  }

  private async appendToStream(): Promise<void> {
    const text = this.latest;
    if (text === undefined) return;
    if (this.mode !== 'stream' || this.diverged) return;
    if (!text.startsWith(this.streamed)) {
      this.diverged = true;
      return;
    }
    const delta = text.slice(this.streamed.length);
    if (!delta) return;
    this.streamer ??= this.api.chatStream({
      channel: this.target.channel,
      thread_ts: this.target.threadTs!,
      recipient_user_id: this.target.userId,
      recipient_team_id: this.target.teamId,
      buffer_size: 128,
    });
    // The first piece starts the stream at once; later ones go out when the helper's buffer fills
    // or when a second has passed, whichever comes first.
    const flushNow = !this.streamer.ts || Date.now() - this.lastEditAt >= this.editIntervalMs;
    try {
      // Escaped like mrkdwn: a document quoting `<!channel>` must not mention the channel.
      const markdown = escapeStreamedMarkdown(delta, this.streamed);
      await this.streamer.append({ markdown_text: markdown, chunks: flushNow ? [] : undefined });
      if (flushNow) this.lastEditAt = Date.now();
      this.streamed = text;
    } catch (error) {
      if (slackErrorCode(error)) this.features.refused('stream');
      this.logger('info', 'slack.stream_unavailable', { error: describeSlackError(error) });
      this.editTs = this.streamer.ts;
      this.streamer = undefined;
      this.mode = 'edit';
      this.scheduleEdit();
    }
  }

  /** Ends the native stream with the rest of the text and the trailer blocks; false when Slack refused. */
  private async stopStream(final: CheckedText | undefined, blocks: readonly Block[]): Promise<boolean> {
    const streamer = this.streamer!;
    let unsent = final ? escapeStreamedMarkdown(final.slice(this.streamed.length), this.streamed) : '';
    // A refused stop keeps its text in the helper's buffer: a retry must not add it again.
    const stop = (b: readonly Block[]) => {
      const text = unsent;
      unsent = '';
      return streamer.stop({ markdown_text: text || undefined, blocks: b.length ? [...b] : undefined });
    };
    try {
      await this.withFeedbackFallback(blocks, stop);
      return true;
    } catch (error) {
      if (!streamer.ts && slackErrorCode(error)) this.features.refused('stream');
      this.logger('warn', 'slack.stream_stop_failed', { error: describeSlackError(error) });
      return false;
    }
  }

  private scheduleEdit(): void {
    if (this.timer) return;
    const wait = this.editTs ? Math.max(0, this.lastEditAt + this.editIntervalMs - Date.now()) : 0;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.enqueue(() => this.flushEdit());
    }, wait);
  }

  private async flushEdit(): Promise<void> {
    const text = this.latest;
    if (text === undefined) return;
    if (this.mode !== 'edit' || text === this.shown) return;
    const mrkdwn = toMrkdwn(text).slice(0, TEXT_MAX);
    this.lastEditAt = Date.now();
    this.shown = text;
    const { channel, threadTs } = this.target;
    if (this.editTs) {
      try {
        await this.api.chat.update({ channel, ts: this.editTs, text: mrkdwn });
        return;
      } catch (error) {
        this.logger('warn', 'slack.update_failed', { error: describeSlackError(error) });
      }
    }
    const posted = await this.api.chat.postMessage({ channel, thread_ts: threadTs, text: mrkdwn });
    this.editTs = posted.ts;
  }

  /** Replaces a message; when Slack refuses the edit, posts instead and removes the old one if it can. */
  private async replace(ts: string, message: SlackMessage): Promise<void> {
    const { channel } = this.target;
    try {
      await this.withFeedbackFallback(message.blocks, (blocks) =>
        this.api.chat.update({ channel, ts, text: message.text, blocks: [...blocks] }),
      );
      return;
    } catch (error) {
      this.logger('warn', 'slack.update_failed', { error: describeSlackError(error) });
    }
    await this.post(message);
    await this.api.chat.delete({ channel, ts }).catch(() => undefined);
  }

  private async post(message: SlackMessage): Promise<void> {
    const { channel, threadTs } = this.target;
    await this.withFeedbackFallback(message.blocks, (blocks) =>
      this.api.chat.postMessage({ channel, thread_ts: threadTs, text: message.text, blocks: [...blocks] }),
    );
  }

  /** Sends blocks; if Slack rejects them (an older workspace without feedback_buttons), sends plain buttons. */
  private async withFeedbackFallback(
    blocks: readonly Block[],
    send: (blocks: readonly Block[]) => Promise<unknown>,
  ): Promise<void> {
    try {
      await send(blocks);
    } catch (error) {
      if (slackErrorCode(error) !== 'invalid_blocks') throw error;
      await send(withPlainFeedbackButtons(blocks));
    }
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue
      .then(() => (this.abandoned ? undefined : task()))
      .catch((error: unknown) => {
        this.logger('warn', 'slack.reply_update_failed', { error: describeSlackError(error) });
      });
  }
}
