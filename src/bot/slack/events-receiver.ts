import type { IncomingMessage, ServerResponse } from 'node:http';
import { type App, HTTPModuleFunctions, HTTPResponseAck, type Receiver } from '@slack/bolt';
import type { Logger } from '../../core/log.js';
import { readBoundedBody, refuseTooLarge } from '../bounded-body.js';
import { boltLogger } from './bolt-logger.js';

/** The custom property through which a listener releases a held acknowledgement (see `holdAck`). */
export const ARRIVED = 'polydeskArrived';

/** The release function a held event's listener must call (a no-op when nothing is held). */
export function arrivalOf(boltContext: object): () => void {
  const release = (boltContext as Record<string, unknown>)[ARRIVED];
  return typeof release === 'function' ? (release as () => void) : () => {};
}

/**
 * How long a question's acknowledgement waits for its record. Slack counts an event not answered
 * with 200 within 3 s as failed and sends it again; past this the request is answered 503 at once
 * instead, so that the retry comes without waiting for Slack's own timeout.
 */
export const HOLD_MAX_MS = 2_500;
/**
 * A Bolt receiver for the shared HTTP server: instead of opening its own port it exposes a request
 * handler for `POST /slack/events` (events, interactivity and slash commands). Bolt's own functions
 * verify the signature and reject stale timestamps (401) and acknowledge within Slack's 3 seconds.
 * The handler must see the raw body: mount it before any body parser. Bodies over 1 MiB are
 * refused (413) while they are read, before the signature is checked.
 *
 * For the events `holdAck` selects (questions), the HTTP acknowledgement waits until the listener
 * calls `context[ARRIVED]()` — once the question is recorded (committed), or found a duplicate.
 * It is never sent before: a process that dies first never acknowledged the event, and a record
 * that has not committed after `HOLD_MAX_MS` gets a 503, so Slack delivers the event again (to
 * any replica). The retry's claim then waits for the first record's transaction: a commit makes
 * the retry a duplicate (acknowledged, not answered again), a rollback leaves the claim to it.
 */
export class MountedEventsReceiver implements Receiver {
  private app: App | undefined;
  private readonly sdkLogger;

  constructor(
    private readonly signingSecret: string,
    private readonly logger: Logger,
    private readonly holdAck: (body: Record<string, unknown>) => boolean = () => false,
  ) {
    this.sdkLogger = boltLogger(logger);
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Express-compatible (also plain node:http) request handler. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    void this.dispatch(req, res);
  };

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Read here, within a small limit, before the signature is checked: Bolt would read any size.
    const read = await readBoundedBody(req);
    if (read.status !== 'read') {
      if (read.status === 'too_large') {
        this.logger('warn', 'slack.request_rejected', { reason: 'too_large' });
        refuseTooLarge(req, res);
      }
      return;
    }
    let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
        { enabled: true, signingSecret: this.signingSecret },
        Object.assign(req, { rawBody: read.body }),
      );
    } catch {
      this.logger('warn', 'slack.request_rejected', { reason: 'signature' });
      HTTPModuleFunctions.buildNoBodyResponse(res, 401);
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      HTTPModuleFunctions.buildNoBodyResponse(res, 400);
      return;
    }
    if (body['ssl_check'] === '1') {
      HTTPModuleFunctions.buildSSLCheckResponse(res);
      return;
    }
    if (body['type'] === 'url_verification') {
      HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
      return;
    }
    const responseAck = new HTTPResponseAck({
      logger: this.sdkLogger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    const ack = responseAck.bind();
    const held = this.holdAck(body)
      ? heldAck(ack, () => {
          // Bolt's own 3-second handler would answer 404 and log an error: this is expected.
          responseAck.ack();
          this.logger('warn', 'slack.ack_withheld', {
            reason: 'not_recorded_in_time',
            waitedMs: HOLD_MAX_MS,
            hint: 'the question is not acknowledged, so Slack delivers it again; check the database latency',
          });
          if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 503);
        })
      : undefined;
    try {
      await this.app?.processEvent({
        body,
        ack: held?.ack ?? ack,
        retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
        retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
        ...(held ? { customProperties: { [ARRIVED]: held.release } } : {}),
      });
      held?.release();
    } catch (error) {
      this.logger('error', 'slack.event_failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
    }
  }
}

export type AckFn = (response?: unknown) => Promise<void>;

/**
 * An ack that Bolt may call at once but that answers Slack only once released (the question is
 * recorded). When `HOLD_MAX_MS` passes first, `withhold` runs instead and a later release sends
 * nothing: the event stays unacknowledged, for Slack to deliver again.
 */
export function heldAck(ack: AckFn, withhold: () => void): { ack: AckFn; release: () => void } {
  let called = false;
  let settled = false;
  let response: unknown;
  const send = () => void ack(response).catch(() => undefined);
  const timer = setTimeout(() => {
    if (settled) return;
    settled = true;
    withhold();
  }, HOLD_MAX_MS);
  timer.unref();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    if (settled) return;
    if (called) {
      settled = true;
      send();
    }
  };
  return {
    async ack(body) {
      called = true;
      response = body;
      if (released && !settled) {
        settled = true;
        send();
      }
    },
    release,
  };
}
