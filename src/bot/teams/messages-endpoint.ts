import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, TurnContext } from 'botbuilder';
import { describeError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { TeamsCloudAdapter } from './teams-cloud-adapter.js';

/** The request as Express hands it over: `body` is set when a body parser ran before. */
export type MessagesRequest = IncomingMessage & { body?: unknown };

export interface MessagesEndpointOptions {
  readonly adapter: TeamsCloudAdapter;
  readonly onTurn: (turn: TurnContext) => Promise<void>;
  readonly logger: Logger;
  /** In the unauthenticated mode, whether replies may go to this service URL. */
  readonly allowServiceUrl: (url: URL) => boolean;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * `POST /api/messages`: reads the activity (with or without a body parser in front), lets the SDK
 * authenticate it and run the turn, and answers with the turn's invoke response or 200. A missing
 * or invalid token is a 401 and nothing is posted; without an app id, activities whose service URL
 * is not allowed (by default anything but loopback, where the Bot Framework Emulator listens) are
 * refused, since an unauthenticated caller could otherwise make PolyDesk post answers anywhere.
 */
export function createMessagesHandler(
  options: MessagesEndpointOptions,
): (req: MessagesRequest, res: ServerResponse) => Promise<void> {
  const { adapter, logger } = options;
  return async (req, res) => {
    if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
    let activity: Activity;
    try {
      activity = await readActivity(req);
    } catch (error) {
      const status = (error as { status?: number }).status ?? 400;
      return send(res, status, {
        error: status === 413 ? 'activity too large' : 'the body must be a JSON activity',
      });
    }
    if (!adapter.authenticated && !serviceUrlAllowed(activity.serviceUrl, options.allowServiceUrl)) {
      logger('warn', 'teams.service_url_refused', {
        reason: 'unauthenticated mode accepts loopback service URLs only',
      });
      return send(res, 403, { error: 'service URL not allowed without MICROSOFT_APP_ID' });
    }
    try {
      const authorization = req.headers.authorization ?? '';
      const response = await adapter.receive(authorization, activity, options.onTurn);
      send(res, response?.status ?? 200, response?.body);
    } catch (error) {
      if ((error as { statusCode?: unknown }).statusCode === 401) {
        logger('warn', 'teams.unauthorized', { error: describeError(error) });
        return send(res, 401, { error: 'unauthorized' });
      }
      logger('error', 'teams.turn_failed', { type: activity.type, error: describeError(error) });
      send(res, 500, { error: 'internal error' });
    }
  };
}

async function readActivity(req: MessagesRequest): Promise<Activity> {
  let body = req.body;
  if (body === undefined) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw Object.assign(new Error('too large'), { status: 413 });
      chunks.push(chunk as Buffer);
    }
    body = Buffer.concat(chunks);
  }
  if (Buffer.isBuffer(body)) body = body.toString('utf8');
  if (typeof body === 'string') body = JSON.parse(body);
  if (
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body) ||
    typeof (body as Activity).type !== 'string'
  ) {
    throw new Error('not an activity');
  }
  return body as Activity;
}

function serviceUrlAllowed(serviceUrl: string | undefined, allow: (url: URL) => boolean): boolean {
  if (!serviceUrl) return true;
  try {
    return allow(new URL(serviceUrl));
  } catch {
    return false;
  }
}

/** Loopback hosts only: the Bot Framework Emulator and local tests. */
export function isLoopbackUrl(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.hostname.startsWith('127.');
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
