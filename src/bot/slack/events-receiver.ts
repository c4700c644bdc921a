import type { IncomingMessage, ServerResponse } from 'node:http';
import { type App, HTTPModuleFunctions, HTTPResponseAck, type Receiver } from '@slack/bolt';
import type { Logger } from '../../core/log.js';
import { boltLogger } from './bolt-logger.js';

/**
 * A Bolt receiver for the shared HTTP server: instead of opening its own port it exposes a request
 * handler for `POST /slack/events` (events, interactivity and slash commands). Bolt's own functions
 * verify the signature and reject stale timestamps (401) and acknowledge within Slack's 3 seconds.
 * The handler must see the raw body: mount it before any body parser.
 */
export class MountedEventsReceiver implements Receiver {
  private app: App | undefined;
  private readonly sdkLogger;

  constructor(
    private readonly signingSecret: string,
    private readonly logger: Logger,
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
    let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
        { enabled: true, signingSecret: this.signingSecret },
        req,
      );
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
      this.logger('warn', 'slack.request_rejected', { reason: tooLarge ? 'too_large' : 'signature' });
      HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 401);
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
    const ack = new HTTPResponseAck({
      logger: this.sdkLogger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    try {
      await this.app?.processEvent({
        body,
        ack: ack.bind(),
        retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
        retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
      });
    } catch (error) {
      this.logger('error', 'slack.event_failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
    }
  }
}
