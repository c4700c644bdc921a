import type { IncomingMessage, ServerResponse } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Activity, TurnContext } from 'botbuilder';
import { describeError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { readBoundedBody, refuseTooLarge } from '../bounded-body.js';
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

/**
 * `POST /api/messages`: reads the activity (with or without a body parser in front), lets the SDK
 * authenticate it and run the turn, and answers with the turn's invoke response or 200. A missing
 * or invalid token is a 401 and nothing is posted. In the Emulator mode (no app id), activities
 * whose service URL is missing or not allowed (by default anything but a loopback IP address, where
 * the Bot Framework Emulator listens) are refused before any turn runs, since an unauthenticated
 * caller could otherwise make PolyDesk post answers anywhere. Bodies over 1 MiB are refused (413)
 * while they are read.
 */
export function createMessagesHandler(
  options: MessagesEndpointOptions,
): (req: MessagesRequest, res: ServerResponse) => Promise<void> {
  const { adapter, logger } = options;
  return async (req, res) => {
    if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
    let body = req.body;
    if (body === undefined) {
      // Read within a small limit: the token is only checked once the whole activity is in.
      const read = await readBoundedBody(req);
      if (read.status === 'too_large') {
        logger('warn', 'teams.request_rejected', { reason: 'too_large' });
        return refuseTooLarge(req, res, { error: 'activity too large' });
      }
      if (read.status === 'aborted') return;
      body = read.body;
    }
    const activity = parseActivity(body);
    if (!activity) return send(res, 400, { error: 'the body must be a JSON activity' });
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

function parseActivity(body: unknown): Activity | undefined {
  try {
    if (Buffer.isBuffer(body)) body = body.toString('utf8');
    if (typeof body === 'string') body = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body) ||
    typeof (body as Activity).type !== 'string'
  ) {
    return undefined;
  }
  return body as Activity;
}

/** No service URL would make the SDK reply to the public Bot Framework service: refused too. */
function serviceUrlAllowed(serviceUrl: string | undefined, allow: (url: URL) => boolean): boolean {
  if (!serviceUrl) return false;
  try {
    return allow(new URL(serviceUrl));
  } catch {
    return false;
  }
}

/**
 * An http(s) URL whose host is an IP literal on this machine: 127.0.0.0/8 or ::1, where the Bot
 * Framework Emulator listens. Host names are never trusted, `localhost` included: a name is
 * resolved later, by DNS an attacker may control (`127.attacker.test`, `localhost.evil`).
 */
export function isLoopbackUrl(url: URL): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const version = isIP(host);
  if (version === 4) return host.split('.')[0] === '127';
  if (version === 6) return LOOPBACK_V6.check(host, 'ipv6');
  return false;
}

const LOOPBACK_V6 = new BlockList();
LOOPBACK_V6.addAddress('::1', 'ipv6');

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
