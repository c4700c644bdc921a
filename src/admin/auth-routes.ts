import type { Request, Response, Router } from 'express';
import type { AdminContext } from './admin-context.js';
import { actorOf, csrfOk, endSession, sameOrigin, startSession } from './auth.js';
import { verifyPassword } from './passwords.js';

/** Only paths inside the admin UI, or the chat page `/`, are followed after sign-in (no open redirect). */
function safeNext(raw: unknown): string {
  if (raw === '/') return raw;
  return typeof raw === 'string' && /^\/admin(\/[^\\]*)?$/.test(raw) && !raw.includes('//') ? raw : '/admin';
}

/** Sign-in (rate limited per address and per account) and sign-out. */
export function addAuthRoutes(router: Router, ctx: AdminContext): void {
  const showLogin = (req: Request, res: Response, status: number, fields: Record<string, unknown>) =>
    ctx.views.render(
      req,
      res,
      'login.njk',
      { title: 'Sign in', next: safeNext(req.query['next'] ?? req.body?.next), ...fields },
      status,
    );

  router.get('/login', (req, res) => {
    if (actorOf(res)?.via === 'session') return res.redirect(303, safeNext(req.query['next']));
    showLogin(req, res, 200, { email: '' });
  });

  router.post('/login', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = typeof body['email'] === 'string' ? body['email'].trim().toLowerCase().slice(0, 320) : '';
    const password = typeof body['password'] === 'string' ? body['password'] : '';
    if (!sameOrigin(req))
      return ctx.views.message(req, res, 403, 'Refused', 'The sign-in form was sent from another site.');
    // req.ip is the peer's address unless TRUST_PROXY names the proxies whose X-Forwarded-For counts.
    const attempt = { address: req.ip ?? req.socket.remoteAddress ?? 'unknown', account: email };
    const wait = ctx.loginLimiter.retryAfter(attempt);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      return showLogin(req, res, 429, {
        email,
        error: `Too many failed attempts. Try again in ${wait} seconds.`,
      });
    }
    const user = email ? await ctx.admins.getUser(email) : undefined;
    const ok = await verifyPassword(password, user?.passwordHash);
    if (!user || !ok) {
      ctx.loginLimiter.fail(attempt);
      ctx.logger('warn', 'admin.login_failed', { known: user !== undefined });
      return showLogin(req, res, 401, { email, error: 'Wrong e-mail or password.' });
    }
    ctx.loginLimiter.succeed(attempt);
    await startSession(ctx.admins, req, res, user.email, ctx.now());
    await ctx.store.audit.append({ actor: user.email, action: 'auth.login' });
    res.redirect(303, safeNext(body['next']));
  });

  router.post('/logout', async (req, res) => {
    const actor = actorOf(res);
    if (actor && !csrfOk(req, res))
      return ctx.views.message(
        req,
        res,
        403,
        'Refused',
        'The request lacked its security token. Reload the page and try again.',
      );
    await endSession(ctx.admins, req, res);
    if (actor) await ctx.store.audit.append({ actor: actor.email, action: 'auth.logout' });
    res.redirect(303, '/admin/login?notice=signed_out');
  });
}
