import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import type { CheckedText } from '../../answer/ports.js';
import type { Logger } from '../../core/log.js';
import { type OutgoingMessage, PIECE_MAX, type RenderedReply } from './answer-card.js';
import { safeMarkdown } from './teams-markdown.js';
import {
  type ConnectorRetry,
  connectorStatus,
  describeConnectorError,
  withConnectorRetry,
} from './connector-retry.js';

/**
 * How progress and the final answer reach one conversation. It starts in the turn of the incoming
 * activity (progress shows before the Bot Connector gets its 200) and continues in the background
 * turn that answers it.
 */
export interface TeamsReply {
  /** Shows at once that PolyDesk is on it. */
  start(status: CheckedText): Promise<void>;
  /** Continues in another turn of the same conversation (the first one ends with its request). */
  use(turn: TurnContext): void;
  /** A newer status line (e.g. "Writing an answer…"). */
  progress(status: CheckedText): void;
  /** The answer text so far (already checked by the guardrails). */
  update(text: CheckedText): void;
  /** Posts the final reply and ends any stream. */
  finish(reply: RenderedReply): Promise<void>;
  /** Shows nothing more: another replica took the question over and answers it. */
  abandon(): void;
}

export interface ReplyOptions {
  readonly logger: Logger;
  readonly retry: ConnectorRetry;
  readonly signal?: AbortSignal | undefined;
  /** Least time between two stream updates (Teams throttles faster streams), or between typing indicators. */
  readonly intervalMs: number;
}

type StreamType = 'informative' | 'streaming' | 'final';
type StreamUpdate = { readonly type: 'informative' | 'streaming'; readonly text: CheckedText };

/** Posts one message into the turn's conversation, as a reply to the question; retried when throttled. */
export function post(
  turn: TurnContext,
  message: OutgoingMessage,
  options: Pick<ReplyOptions, 'retry' | 'signal'>,
): Promise<ResourceResponse | undefined> {
  const activity: Partial<Activity> = { type: 'message', textFormat: 'markdown' };
  if (message.text) activity.text = message.text;
  if (message.summary) activity.summary = message.summary;
  if (message.attachments?.length) activity.attachments = [...message.attachments];
  return withConnectorRetry(() => turn.sendActivity(activity), options.retry, options.signal);
}

/**
 * A reply in a group chat or channel, where Teams does not stream: a typing indicator, renewed
 * until the answer is ready, then the final messages.
 */
export class TypingReply implements TeamsReply {
  private timer: NodeJS.Timeout | undefined;
  private typing: Promise<void> = Promise.resolve();

  constructor(
    private turn: TurnContext,
    private readonly options: ReplyOptions,
  ) {}

  async start(): Promise<void> {
    await this.sendTyping();
  }

  /** Renews the typing indicator from this turn on, until the answer is posted. */
  use(turn: TurnContext): void {
    this.turn = turn;
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.typing = this.sendTyping();
    }, this.options.intervalMs);
    this.timer.unref();
  }

  progress(): void {}

  update(): void {}

  async finish(reply: RenderedReply): Promise<void> {
    clearInterval(this.timer);
    await this.typing;
    for (const message of reply.messages) await post(this.turn, message, this.options);
  }

  abandon(): void {
    clearInterval(this.timer);
  }

  private async sendTyping(): Promise<void> {
    try {
      await this.turn.sendActivity({ type: 'typing' });
    } catch (error) {
      this.options.logger('debug', 'teams.typing_failed', { error: describeConnectorError(error) });
    }
  }
}

/**
 * A reply in a 1:1 chat, with Teams' streaming protocol: an informative update, then typing
 * activities carrying the whole text so far, at most one per interval and one at a time, then the
 * final message. The stream id is the id Teams gives the first update; each update before the final
 * one has the next `streamSequence`. When Teams refuses to stream, the reply ends as plain messages.
 */
export class StreamingReply implements TeamsReply {
  private sequence = 0;
  private streamId: string | undefined;
  private refused = false;
  private finished = false;
  private streamedText = '';
  private pending: StreamUpdate | undefined;
  private inFlight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastSentAt = 0;

  constructor(
    private turn: TurnContext,
    private readonly options: ReplyOptions,
  ) {}

  async start(status: CheckedText): Promise<void> {
    await this.send({ type: 'informative', text: status });
    if (this.streamId) return;
    this.refused = true;
    await this.turn.sendActivity({ type: 'typing' }).catch(() => undefined);
  }

  use(turn: TurnContext): void {
    this.turn = turn;
  }

  progress(status: CheckedText): void {
    if (!this.streamedText) this.queue({ type: 'informative', text: status });
  }

  update(text: CheckedText): void {
    if (text.length <= PIECE_MAX && text !== this.streamedText) this.queue({ type: 'streaming', text });
  }

  async finish(reply: RenderedReply): Promise<void> {
    this.finished = true;
    clearTimeout(this.timer);
    this.pending = undefined;
    await this.inFlight;
    const [first, ...rest] = reply.streamed;
    if (this.refused || !this.streamId || !first) {
      for (const message of reply.messages) await post(this.turn, message, this.options);
      return;
    }
    const info = { streamType: 'final' as StreamType, streamId: this.streamId };
    try {
      await withConnectorRetry(
        () =>
          this.turn.sendActivity({
            type: 'message',
            textFormat: 'markdown',
            text: first.text,
            ...(first.attachments?.length ? { attachments: [...first.attachments] } : {}),
            channelData: info,
            entities: [{ type: 'streaminfo', ...info }],
          }),
        this.options.retry,
        this.options.signal,
      );
    } catch (error) {
      const status = connectorStatus(error);
      if (status !== 400 && status !== 403) throw error;
      // The stream expired (Teams allows two minutes) or was refused: post the answer as it is.
      this.options.logger('warn', 'teams.stream_final_refused', { error: describeConnectorError(error) });
      for (const message of reply.messages) await post(this.turn, message, this.options);
      return;
    }
    for (const message of rest) await post(this.turn, message, this.options);
  }

  abandon(): void {
    this.finished = true;
    clearTimeout(this.timer);
    this.pending = undefined;
  }

  private queue(update: StreamUpdate): void {
    if (this.refused || this.finished) return;
    this.pending = update;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.inFlight || !this.pending || this.finished) return;
    const wait = Math.max(0, this.lastSentAt + this.options.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const update = this.pending;
      this.pending = undefined;
      if (!update || this.finished) return;
      this.inFlight = this.send(update).finally(() => {
        this.inFlight = undefined;
        this.schedule();
      });
    }, wait);
  }

  private async send(update: StreamUpdate): Promise<void> {
    this.sequence += 1;
    const info = {
      streamType: update.type as StreamType,
      streamSequence: this.sequence,
      ...(this.streamId ? { streamId: this.streamId } : {}),
    };
    try {
      const response = await this.turn.sendActivity({
        type: 'typing',
        // Quoted document text shows while it streams too: its links neutralised as in the card.
        text: safeMarkdown(update.text),
        channelData: info,
        entities: [{ type: 'streaminfo', ...info }],
      });
      this.lastSentAt = Date.now();
      this.streamId ??= response?.id || undefined;
      if (update.type === 'streaming') this.streamedText = update.text;
    } catch (error) {
      // Teams did not take this sequence number: the next update reuses it.
      this.sequence -= 1;
      this.lastSentAt = Date.now();
      if (!this.streamId || connectorStatus(error) === 403) this.refused = true;
      this.options.logger(this.refused ? 'warn' : 'debug', 'teams.stream_update_failed', {
        error: describeConnectorError(error),
      });
    }
  }
}
