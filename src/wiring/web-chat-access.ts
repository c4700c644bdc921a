import { BlockList, isIPv4 } from 'node:net';
import type { Request } from 'express';
import { findActor, sameOrigin } from '../admin/auth.js';
import type { WebChatAccess, WebChatIdentity } from '../bot/web/web-chat.js';
import type { Config } from '../config.js';
import type { AdminRepository } from '../store/admin-repository.js';

/** The networks behind TRUST_PROXY's presets (express's names). */
const PRESETS: Readonly<Record<string, readonly string[]>> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** An e-mail as a proxy writes it: one value, no list, no display name, no spaces. */
const EMAIL = /^[^\s@,;<>"()]{1,64}@[^\s@,;<>"()]{1,255}$/;

/** The addresses/CIDRs of TRUST_PROXY as a set that can be asked about one peer. */
export function trustedProxies(list: readonly string[]): (address: string | undefined) => boolean {
  const blocks = new BlockList();
  for (const item of list.flatMap((entry) => PRESETS[entry] ?? [entry])) {
    const [address = '', prefix] = item.split('/');
    const family = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (prefix === undefined) blocks.addAddress(address, family);
    else blocks.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    if (!address) return false;
    // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
    const v4 = address.startsWith('::ffff:') ? address.slice(7) : undefined;
    if (v4 && isIPv4(v4)) return blocks.check(v4, 'ipv4');
    return blocks.check(address, isIPv4(address) ? 'ipv4' : 'ipv6');
  };
}

/** Why the page that WEB_CHAT=auto opens without a platform refuses a peer that is not this machine. */
export const LOCAL_ONLY =
  'the chat page answers only this machine (WEB_CHAT=auto without Slack or Teams): ' +
  'set WEB_CHAT=on for signed-in users, or WEB_CHAT=open to let anyone on the network use it without signing in';

/**
 * The open page of WEB_CHAT=auto: a loopback TCP peer only. Forwarded headers never admit anyone;
 * a request that carries one came through a proxy, for someone else, and is refused.
 */
function localOnly(): (req: Request) => string | undefined {
  const fromLoopback = trustedProxies(['loopback']);
  return (req) =>
    fromLoopback(req.socket.remoteAddress) &&
    req.headers.forwarded === undefined &&
    req.headers['x-forwarded-for'] === undefined
      ? undefined
      : LOCAL_ONLY;
}

/**
 * Who may use the chat page, from WEB_CHAT and WEB_CHAT_SSO_HEADER; undefined when it is off.
 * Signed in means, in this order: the SSO header, believed only when the connection itself comes
 * from a proxy TRUST_PROXY names (the header of anyone else is ignored, never an error that would
 * tell a prober it exists); an admin API token; the admin UI's session cookie, for a request that
 * changes nothing or comes from this site (SameSite=Strict already keeps it off cross-site posts).
 */
export function webChatAccess(options: {
  readonly config: Pick<Config, 'webChat' | 'trustProxy'>;
  readonly admins: AdminRepository;
  readonly now?: () => Date;
}): WebChatAccess | undefined {
  const { webChat, trustProxy } = options.config;
  if (webChat.mode === 'off') return undefined;
  if (webChat.mode === 'local') return { mode: 'open', refuse: localOnly() };
  if (webChat.mode === 'open') return { mode: 'open' };
  const now = options.now ?? (() => new Date());
  const header = webChat.ssoHeader;
  const fromProxy = trustedProxies(Array.isArray(trustProxy) ? trustProxy : []);
  const ssoIdentity = (req: Request): WebChatIdentity | undefined => {
    if (!header || !fromProxy(req.socket.remoteAddress)) return undefined;
    const value = req.headers[header];
    const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
    return EMAIL.test(email) ? { email, via: 'sso' } : undefined;
  };
  return {
    mode: 'signed-in',
    async identify(req) {
      const sso = ssoIdentity(req);
      if (sso) return sso;
      const actor = await findActor(options.admins, req, now());
      if (actor === undefined || actor === 'expired') return undefined;
      if (actor.via === 'session' && req.method !== 'GET' && !sameOrigin(req)) return undefined;
      return { email: actor.email, via: actor.via };
    },
  };
}
