import { type App, SocketModeReceiver, type SocketModeReceiverOptions } from '@slack/bolt';
import { describeError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { ARRIVED, type AckFn, HOLD_MAX_MS, heldAck } from './events-receiver.js';

/** What the Socket Mode client emits for each envelope (the fields PolyDesk reads). */
interface SocketEvent {
  readonly body: Record<string, unknown>;
  readonly ack: AckFn;
  readonly retry_num?: number | undefined;
  readonly retry_reason?: string | undefined;
}

/**
 * Bolt's Socket Mode receiver, with the rule of the HTTP receiver: for the envelopes `holdAck`
 * selects (questions), the acknowledgement over the socket is sent only once the listener calls
 * `context[ARRIVED]()` — the question is recorded, or found a duplicate. One that has not been
 * recorded after `HOLD_MAX_MS` is never acknowledged: Slack sends the envelope again, and the
 * retry's claim waits for the first record's transaction (see `MountedEventsReceiver`).
 */
export class SocketEventsReceiver extends SocketModeReceiver {
  private boltApp: App | undefined;

  constructor(
    options: SocketModeReceiverOptions,
    private readonly log: Logger,
    private readonly holdAck: (body: Record<string, unknown>) => boolean,
  ) {
    super(options);
    // Replaces Bolt's listener, which acknowledges every envelope before the listeners run.
    this.client.removeAllListeners('slack_event');
    this.client.on('slack_event', (event: SocketEvent) => void this.dispatch(event));
  }

  override init(app: App): void {
    super.init(app);
    this.boltApp = app;
  }

  private async dispatch(event: SocketEvent): Promise<void> {
    const held = this.holdAck(event.body)
      ? heldAck(event.ack, () =>
          this.log('warn', 'slack.ack_withheld', {
            reason: 'not_recorded_in_time',
            waitedMs: HOLD_MAX_MS,
            hint: 'the question is not acknowledged, so Slack delivers it again; check the database latency',
          }),
        )
      : undefined;
    try {
      await this.boltApp?.processEvent({
        body: event.body,
        ack: held?.ack ?? event.ack,
        retryNum: event.retry_num,
        retryReason: event.retry_reason,
        ...(held ? { customProperties: { [ARRIVED]: held.release } } : {}),
      });
      held?.release();
    } catch (error) {
      this.log('error', 'slack.event_failed', { error: describeError(error) });
      // A question that failed before it was recorded stays unacknowledged, for Slack to resend.
      if (!held) await event.ack().catch(() => undefined);
    }
  }
}
