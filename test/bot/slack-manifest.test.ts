import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { SAVE_STANDARD_SHORTCUT } from '../../src/bot/slack/slack-adapter.js';
import { SUMMARIZE_THREAD_SHORTCUT } from '../../src/bot/slack/thread-summary.js';

/** What the Slack app must be granted for the adapter's features, checked against slack/manifest.yaml. */
describe('slack/manifest.yaml', () => {
  const manifest = YAML.parse(readFileSync(new URL('../../slack/manifest.yaml', import.meta.url), 'utf8'));

  it('subscribes to the events PolyDesk answers and sends everything to /slack/events', () => {
    const settings = manifest.settings;
    expect(settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining([
        'app_mention',
        'message.im',
        'message.channels',
        'message.groups',
        'assistant_thread_started',
      ]),
    );
    expect(settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    expect(settings.interactivity).toMatchObject({
      is_enabled: true,
      request_url: expect.stringMatching(/\/slack\/events$/),
    });
    expect(manifest.features.slash_commands).toContainEqual(
      expect.objectContaining({ command: '/ask', url: expect.stringMatching(/\/slack\/events$/) }),
    );
    expect(settings.socket_mode_enabled).toBe(false);
  });

  it('offers "Save as standard answer" as a message shortcut that reaches the adapter', () => {
    // Shortcuts come through interactivity, at the request URL checked above.
    expect(manifest.features.shortcuts).toContainEqual({
      name: 'Save as standard answer',
      type: 'message',
      callback_id: SAVE_STANDARD_SHORTCUT,
      description: expect.any(String),
    });
    // Experts' replies in hand-off threads arrive as message events in public and private channels.
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['message.channels', 'message.groups']),
    );
  });

  it('offers "Summarise thread" as a message shortcut, with the history scopes that reading a thread needs', () => {
    expect(manifest.features.shortcuts).toContainEqual({
      name: 'Summarise thread',
      type: 'message',
      callback_id: SUMMARIZE_THREAD_SHORTCUT,
      description: expect.any(String),
    });
    // conversations.replies in public and private channels, DMs and group DMs.
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'channels:history',
        'groups:history',
        'im:history',
        'mpim:history',
        'commands',
      ]),
    );
  });

  it('asks for the scopes behind every Web API method the adapter calls', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'app_mentions:read',
        'assistant:write',
        'channels:history',
        'channels:read',
        'chat:write',
        'commands',
        'groups:history',
        'groups:read',
        'im:history',
        'im:write',
        'users:read',
        'users:read.email',
      ]),
    );
    expect(manifest.features.assistant_view).toBeDefined();
  });
});
