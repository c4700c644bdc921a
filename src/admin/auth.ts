import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AdminRepository, AdminRole } from '../store/admin-repository.js';
import { hashSecret, newSecret, sameSecret } from './passwords.js';

export const SESSION_COOKIE = 'polydesk_session';
export const SESSION_HOURS = 12;

/** The signed-in user of a request, by session cookie or API token. */
export interface Actor {
  readonly email: string;
  readonly role: AdminRole;
  readonly via: 'session' | 'token';
  /** The session's CSRF token (session requests only). */
  readonly csrfToken?: string | undefined;
  readonly sessionHash?: string | undefined;
}

/** What each role may work on: admins everything, reviewers held answers, publishers knowledge. */
export type Area = 'reviews' | 'knowledge' | 'insight';
const AREAS: Readonly<Record<AdminRole, readonly Area[]>> = {
  admin: ['reviews', 'knowledge', 'insight'],
  reviewer: ['reviews'],
  publisher: ['knowledge'],
};

export function may(role: AdminRole, area: Area): boolean {
  return AREAS[role]?.includes(area) ?? false;
}

export function actorOf(res: Response): Actor | undefined {
  return res.locals['actor'] as Actor | undefined;
}

/** The actor of a request that passed `requireActor`. */
export function currentActor(res: Response): Actor {
  const actor = actorOf(res);
  if (!actor) throw new Error('no signed-in user on this request');
  return actor;
}

/**
 * Every value of a cookie, in the order the browser sent them. One name can come more than once: a
 * browser sends each path's cookie, the longest path first (see `startSession`).
 */
function readCookies(req: Request, name: string): string[] {
  const values: string[] = [];
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/** At most this many session cookies of one request are looked up (a browser holds one per path). */
const MAX_SESSION_COOKIES = 4;

/**
 * Path=/ so that the chat page (`/`, `/api/chat`) knows who is signed in when WEB_CHAT=on;
 * SameSite=Strict keeps the cookie off every request another site starts.
 */
function cookieAttributes(req: Request, path = '/'): string {
  return `Path=${path}; HttpOnly; SameSite=Strict${req.secure ? '; Secure' : ''}`;
}

/** Starts a session: a random id in the cookie, only its hash in the database. */
export async function startSession(
  admins: AdminRepository,
  req: Request,
  res: Response,
  email: string,
  now: Date,
): Promise<void> {
  const id = newSecret();
  await admins.deleteExpiredSessions(now);
  await admins.createSession({
    idHash: hashSecret(id),
    email,
    csrfToken: newSecret(),
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
  });
  res.append(
    'Set-Cookie',
    `${SESSION_COOKIE}=${id}; ${cookieAttributes(req)}; Max-Age=${SESSION_HOURS * 3600}`,
  );
  res.append('Set-Cookie', expiredAdminPathCookie(req));
}

/**
 * Expires the cookie of sessions started before it moved to Path=/ (at most SESSION_HOURS ago): on
 * /admin the browser would send that one first, and a stale first cookie must not sign anyone out.
 */
function expiredAdminPathCookie(req: Request): string {
  return `${SESSION_COOKIE}=; ${cookieAttributes(req, '/admin')}; Max-Age=0`;
}

export async function endSession(admins: AdminRepository, req: Request, res: Response): Promise<void> {
  const actor = actorOf(res);
  if (actor?.sessionHash) await admins.deleteSession(actor.sessionHash);
  res.append('Set-Cookie', `${SESSION_COOKIE}=; ${cookieAttributes(req)}; Max-Age=0`);
  res.append('Set-Cookie', expiredAdminPathCookie(req));
}

/**
 * The signed-in user of a request, from `Authorization: Bearer <token>` or the session cookie;
 * `expired` when the bearer token is known but past its lifetime.
 */
export async function findActor(
  admins: AdminRepository,
  req: Request,
  now: Date,
): Promise<Actor | 'expired' | undefined> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const owner = await admins.tokenOwner(hashSecret(header.slice(7).trim()), now);
    if (owner && 'user' in owner) return { email: owner.user.email, role: owner.user.role, via: 'token' };
    return owner ? 'expired' : undefined;
  }
  // The first valid session wins: a stale cookie sent before it (an older path's) is skipped.
  for (const id of readCookies(req, SESSION_COOKIE).slice(0, MAX_SESSION_COOKIES)) {
    if (!id) continue;
    const sessionHash = hashSecret(id);
    const found = await admins.getSession(sessionHash, now);
    if (found)
      return {
        email: found.user.email,
        role: found.user.role,
        via: 'session',
        csrfToken: found.session.csrfToken,
        sessionHash,
      };
  }
  return undefined;
}

/** Finds the actor from `Authorization: Bearer <token>` or the session cookie; rejects nothing itself. */
export function authenticate(admins: AdminRepository, now: () => Date): RequestHandler {
  return async (req, res, next) => {
    try {
      const actor = await findActor(admins, req, now());
      if (actor === 'expired') res.locals['tokenExpired'] = true;
      else if (actor) res.locals['actor'] = actor;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Without a valid session or token: 401 for the API, the sign-in page for pages. */
export function requireActor(kind: 'api' | 'page'): RequestHandler {
  return (req, res, next) => {
    if (actorOf(res)) return next();
    if (kind === 'api') {
      res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(401).json({
        error: res.locals['tokenExpired']
          ? 'the API token has expired: create a new one with `polydesk admin token EMAIL`'
          : 'sign in or send Authorization: Bearer <token> (create one with `polydesk admin token EMAIL`)',
      });
      return;
    }
    const next_ = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
    res.redirect(303, `/admin/login${next_}`);
  };
}

/** 403 when the actor's role may not work on this area. */
export function requireArea(area: Area, forbidden: (req: Request, res: Response) => void): RequestHandler {
  return (req, res, next) => {
    const actor = currentActor(res);
    if (may(actor.role, area)) return next();
    forbidden(req, res);
  };
}

/**
 * True when a request that changes state came from this site. Browsers say so in `Sec-Fetch-Site`;
 * older ones only in `Origin` (which is `null` under this server's `Referrer-Policy: no-referrer`).
 * Clients that send neither (curl, API scripts) pass; they are not a cross-site browser.
 */
export function sameOrigin(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The CSRF token a request carries: the `X-CSRF-Token` header or the form field `_csrf`. */
export function csrfTokenOf(req: Request, field?: unknown): string | undefined {
  const header = req.headers['x-csrf-token'];
  if (typeof header === 'string' && header) return header;
  const value = field ?? (req.body as Record<string, unknown> | undefined)?.['_csrf'];
  return typeof value === 'string' && value ? value : undefined;
}

/** Whether a state-changing request is allowed: API tokens need no CSRF token, sessions do. */
export function csrfOk(req: Request, res: Response, field?: unknown): boolean {
  const actor = actorOf(res);
  if (!actor) return false;
  if (actor.via === 'token') return true;
  const token = csrfTokenOf(req, field);
  return (
    sameOrigin(req) &&
    token !== undefined &&
    actor.csrfToken !== undefined &&
    sameSecret(token, actor.csrfToken)
  );
}

/** Refuses (403) every state-changing request without the session's CSRF token. */
export function requireCsrf(refuse: (req: Request, res: Response) => void): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    if (csrfOk(req, res)) return next();
    refuse(req, res);
  };
}
