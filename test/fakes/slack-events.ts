/**
 * Slack's side of the Events API for tests: payloads in Slack's wire format, sent as real HTTP
 * requests signed the way Slack signs them (v0 HMAC-SHA256 of `v0:{timestamp}:{body}`).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { FAKE_BOT_USER_ID, FAKE_TEAM_ID } from './slack-server.js';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface SignedPost {
  readonly body: string;
  readonly contentType: 'application/json' | 'application/x-www-form-urlencoded';
  readonly retryNum?: number;
  /** Unix seconds; default now. */
  readonly timestamp?: number;
  /** Signs with this secret instead (a forgery). */
  readonly secret?: string;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a signed request to PolyDesk's `/slack/events`. */
export async function postSigned(url: string, post: SignedPost): Promise<Response> {
  const timestamp = post.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': post.contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(post.secret ?? TEST_SIGNING_SECRET, timestamp, post.body),
  };
  if (post.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(post.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body: post.body });
}

/** An `event_callback` envelope as the Events API sends it. */
export function eventCallback(
  event: Record<string, unknown>,
  eventId = `Ev${randomUUID().slice(0, 8)}`,
): SignedPost {
  return {
    contentType: 'application/json',
    body: JSON.stringify({
      token: 'legacy-verification-token',
      team_id: FAKE_TEAM_ID,
      api_app_id: 'A0FAKE',
      event: { event_ts: event['ts'], ...event },
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [
        { team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true, is_enterprise_install: false },
      ],
      is_ext_shared_channel: false,
    }),
  };
}

/** A slash command as Slack posts it (form fields). */
export function slashCommand(fields: {
  command: string;
  text: string;
  user_id: string;
  channel_id: string;
  response_url: string;
  channel_name?: string;
}): SignedPost {
  const params = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    team_domain: 'fake',
    channel_name: fields.channel_name ?? 'general',
    user_name: fields.user_id.toLowerCase(),
    api_app_id: 'A0FAKE',
    trigger_id: `trigger-${randomUUID()}`,
    ...fields,
  });
  return { contentType: 'application/x-www-form-urlencoded', body: params.toString() };
}

/** A `block_actions` interaction (a button click), as a form field `payload` holding JSON. */
export function blockAction(fields: {
  user: string;
  channel: string;
  action: Record<string, unknown>;
  messageTs?: string;
  threadTs?: string;
  responseUrl?: string;
  ephemeral?: boolean;
}): SignedPost {
  const payload = {
    type: 'block_actions',
    user: { id: fields.user, username: fields.user.toLowerCase(), team_id: FAKE_TEAM_ID },
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: fields.messageTs ?? '1.0',
      channel_id: fields.channel,
      is_ephemeral: fields.ephemeral ?? false,
      ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
    },
    trigger_id: `trigger-${randomUUID()}`,
    team: { id: FAKE_TEAM_ID, domain: 'fake' },
    channel: { id: fields.channel, name: 'general' },
    ...(fields.ephemeral
      ? {}
      : {
          message: { type: 'message', ts: fields.messageTs ?? '1.0', thread_ts: fields.threadTs, text: '' },
        }),
    ...(fields.responseUrl ? { response_url: fields.responseUrl } : {}),
    actions: [{ block_id: 'b1', action_ts: String(Date.now() / 1000), ...fields.action }],
  };
  return {
    contentType: 'application/x-www-form-urlencoded',
    body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
  };
}
