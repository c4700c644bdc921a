import { type TeamsChannelAccount, TeamsInfo, type TurnContext } from 'botbuilder';
import type { Directory } from '../../answer/ports.js';
import type { Logger } from '../../core/log.js';
import type { Principal } from '../../core/types.js';
import { type LoadingCache, cachedOrLoad, loadingCache } from '../../core/loading-cache.js';
import { describeConnectorError } from './connector-retry.js';

export interface TeamsPeopleOptions {
  /** How long a user's e-mail is reused (default 10 min). */
  readonly userTtlMs?: number | undefined;
  /** How long a chat's or team's member list is reused (default 5 min: "cached briefly"). */
  readonly membersTtlMs?: number | undefined;
  /** Members per roster page (Teams allows up to 500). */
  readonly pageSize?: number | undefined;
}

/** The members of a conversation that a roster look-up needs. */
export interface RosterKey {
  readonly teamId: string | undefined;
  readonly conversationId: string;
}

/** Who asks and who reads an answer in Teams, as principals of the directory. */
export interface People {
  /** The user of the turn's conversation. */
  principal(context: TurnContext, userId: string, locale: string | undefined): Promise<Principal>;
  /** Everyone who reads a group chat or channel. Throws when they cannot be listed. */
  readers(context: TurnContext, key: RosterKey): Promise<readonly Principal[]>;
}

/**
 * Who is asking and who will read: Teams users resolved to an e-mail (`TeamsInfo.getMember`, its
 * `email` or `userPrincipalName`), then to principals through the directory; the members of a group
 * chat, or of the team of a channel, as readers (`TeamsInfo.getPagedMembers`). Only for activities
 * whose token was verified: the look-ups go to the activity's service URL.
 */
export class TeamsPeople implements People {
  private readonly emails: LoadingCache<string, string>;
  private readonly rosters: LoadingCache<string, readonly Principal[]>;
  private readonly pageSize: number;

  constructor(
    private readonly directory: Directory,
    private readonly logger: Logger,
    options: TeamsPeopleOptions = {},
  ) {
    this.emails = loadingCache(options.userTtlMs ?? 10 * 60_000, 20_000);
    this.rosters = loadingCache(options.membersTtlMs ?? 5 * 60_000, 2_000);
    this.pageSize = options.pageSize ?? 500;
  }

  /**
   * The user of the turn's conversation as a principal. Without an e-mail (a guest, or a look-up
   * that failed) the principal is `teams:<AAD object id>`, which the directory gives only the
   * default groups.
   */
  async principal(context: TurnContext, userId: string, locale: string | undefined): Promise<Principal> {
    const fallback = `teams:${context.activity.from?.aadObjectId ?? userId}`;
    try {
      const email = await cachedOrLoad(this.emails, userId, async () => {
        const member = await TeamsInfo.getMember(context, userId);
        return accountEmail(member) ?? fallback;
      });
      return this.directory.resolve(email, locale);
    } catch (error) {
      this.logger('warn', 'teams.user_lookup_failed', { error: describeConnectorError(error) });
      return this.directory.resolve(fallback, locale);
    }
  }

  /** Everyone who reads a group chat or channel. Throws when Teams will not list them. */
  async readers(context: TurnContext, key: RosterKey): Promise<readonly Principal[]> {
    return cachedOrLoad(this.rosters, key.teamId ?? key.conversationId, async () => {
      const readers: Principal[] = [];
      let token: string | undefined;
      do {
        const page = key.teamId
          ? await TeamsInfo.getPagedTeamMembers(context, key.teamId, this.pageSize, token)
          : await TeamsInfo.getPagedMembers(context, this.pageSize, token);
        for (const member of page.members ?? []) {
          const email = accountEmail(member) ?? `teams:${member.aadObjectId ?? member.id}`;
          if (member.id && email) {
            this.emails.set(member.id, email);
            readers.push(this.directory.resolve(email));
          }
        }
        token = page.continuationToken || undefined;
      } while (token);
      return readers;
    });
  }
}

function accountEmail(member: Partial<TeamsChannelAccount> | undefined): string | undefined {
  const value = member?.email || member?.userPrincipalName;
  return value?.includes('@') ? value : undefined;
}
