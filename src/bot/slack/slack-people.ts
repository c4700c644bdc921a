import type { webApi } from '@slack/bolt';
import type { Directory } from '../../answer/ports.js';
import type { Logger } from '../../core/log.js';
import type { Principal } from '../../core/types.js';
import { describeSlackError } from './slack-errors.js';
import { type LoadingCache, cachedOrLoad, loadingCache } from '../../core/loading-cache.js';

/** What PolyDesk needs to know about a Slack user. */
export interface SlackProfile {
  readonly id: string;
  readonly email: string | undefined;
  /** Slack locale such as `ja-JP`. */
  readonly locale: string | undefined;
  readonly isBot: boolean;
  /** The name people see (display name, else real name), when Slack gives one. */
  readonly name?: string | undefined;
}

export interface SlackPeopleOptions {
  /** How long a user's profile is reused. */
  readonly userTtlMs?: number;
  /** How long a channel's member list is reused ("cached briefly"). */
  readonly membersTtlMs?: number;
  /** Parallel users.info calls when resolving a channel. */
  readonly concurrency?: number;
  /** Channels with more members than this load everyone with users.list (a few calls) instead of users.info each. */
  readonly bulkThreshold?: number;
}

interface SlackUserRecord {
  readonly id?: string;
  readonly is_bot?: boolean;
  readonly locale?: string;
  readonly real_name?: string;
  readonly profile?: {
    readonly email?: string;
    readonly display_name?: string;
    readonly real_name?: string;
  };
}

/**
 * Who is asking and who will read: Slack users resolved to e-mail and locale (`users.info`), then
 * to principals through the directory; channel members (`conversations.members`, paged) as readers.
 */
export class SlackPeople {
  private readonly profiles: LoadingCache<string, SlackProfile>;
  private readonly members: LoadingCache<string, readonly Principal[]>;
  private readonly concurrency: number;
  private readonly bulkThreshold: number;
  private readonly everyone: LoadingCache<'all', true>;

  constructor(
    private readonly api: webApi.WebClient,
    private readonly directory: Directory,
    private readonly logger: Logger,
    options: SlackPeopleOptions = {},
  ) {
    this.profiles = loadingCache(options.userTtlMs ?? 10 * 60_000, 20_000);
    this.members = loadingCache(options.membersTtlMs ?? 60_000, 2_000);
    this.concurrency = options.concurrency ?? 8;
    this.bulkThreshold = options.bulkThreshold ?? 40;
    this.everyone = loadingCache(options.userTtlMs ?? 10 * 60_000, 1);
  }

  /** The user's profile; a failed lookup is not cached and yields a profile without e-mail. */
  async profile(userId: string): Promise<SlackProfile> {
    try {
      return await cachedOrLoad(this.profiles, userId, async () => {
        const { user } = await this.api.users.info({ user: userId, include_locale: true });
        return toProfile(userId, user ?? {});
      });
    } catch (error) {
      this.logger('warn', 'slack.user_lookup_failed', { user: userId, error: describeSlackError(error) });
      return { id: userId, email: undefined, locale: undefined, isBot: false };
    }
  }

  /**
   * The user as a principal. Without an e-mail (the app lacks `users:read.email`, or the lookup
   * failed) the principal is `slack:<user id>`, which the directory gives only the default groups.
   */
  async principal(userId: string): Promise<Principal> {
    const profile = await this.profile(userId);
    return this.directory.resolve(profile.email ?? `slack:${userId}`, profile.locale);
  }

  /**
   * Everyone who reads a channel, bots excluded. Throws when Slack will not list the members
   * (the app is not in the channel): the caller decides what a safe audience is then.
   */
  async channelReaders(channel: string): Promise<readonly Principal[]> {
    return cachedOrLoad(this.members, channel, async () => {
      const ids: string[] = [];
      for await (const page of this.api.paginate('conversations.members', { channel, limit: 200 })) {
        ids.push(...((page as { members?: string[] }).members ?? []));
      }
      if (ids.length > this.bulkThreshold) await this.loadEveryone();
      const readers: Principal[] = [];
      for (let i = 0; i < ids.length; i += this.concurrency) {
        const batch = await Promise.all(ids.slice(i, i + this.concurrency).map((id) => this.profile(id)));
        for (const profile of batch) {
          if (!profile.isBot) readers.push(await this.principal(profile.id));
        }
      }
      return readers;
    });
  }

  /** Fills the profile cache from users.list; on failure the per-user lookups still work. */
  private async loadEveryone(): Promise<void> {
    try {
      await cachedOrLoad(this.everyone, 'all', async (): Promise<true> => {
        for await (const page of this.api.paginate('users.list', { limit: 200, include_locale: true })) {
          for (const user of (page as { members?: SlackUserRecord[] }).members ?? []) {
            if (user.id) this.profiles.set(user.id, toProfile(user.id, user));
          }
        }
        return true;
      });
    } catch (error) {
      this.logger('warn', 'slack.user_list_failed', { error: describeSlackError(error) });
    }
  }
}

function toProfile(id: string, user: SlackUserRecord): SlackProfile {
  return {
    id,
    email: user.profile?.email || undefined,
    locale: user.locale || undefined,
    isBot: Boolean(user.is_bot),
    name: user.profile?.display_name || user.profile?.real_name || user.real_name || undefined,
  };
}

/** The primary language subtag of a Slack locale (`ja-JP` → `ja`), or undefined. */
export function localeLanguage(locale: string | undefined): string | undefined {
  const primary = locale?.split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
