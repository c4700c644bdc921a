import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response } from 'express';
import nunjucks from 'nunjucks';
import { actorOf, may } from './auth.js';

const TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

/** Fixed messages shown after an action (`?notice=code`); never text from the request. */
const NOTICES: Readonly<Record<string, { text: string; kind: 'ok' | 'warn' }>> = {
  approved: { text: 'Approved and delivered to where it was asked.', kind: 'ok' },
  edited: { text: 'Edited answer approved and delivered to where it was asked.', kind: 'ok' },
  rejected: { text: 'Rejected; the asker was told.', kind: 'ok' },
  undelivered: { text: 'Decision saved, but not delivered yet — retry below.', kind: 'warn' },
  delivered: { text: 'Delivered.', kind: 'ok' },
  not_pending: { text: 'Someone else decided this answer first; nothing was changed.', kind: 'warn' },
  deleted: { text: 'Document deleted.', kind: 'ok' },
  reindexed: { text: 'Search index rebuilt from the database.', kind: 'ok' },
  signed_out: { text: 'Signed out.', kind: 'ok' },
  standard_created: { text: 'Standard answer created: questions that mean the same now get it.', kind: 'ok' },
  standard_saved: { text: 'Standard answer saved.', kind: 'ok' },
  standard_retired: { text: 'Standard answer retired: it is no longer given.', kind: 'ok' },
  standard_gone: { text: 'That standard answer was retired already.', kind: 'warn' },
  sync_started: { text: 'Sync started: reload the page to see how it went.', kind: 'ok' },
};

function when(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '';
  return iso.slice(0, 16).replace('T', ' ') + ' UTC';
}

/** Server-rendered pages with nunjucks; autoescape is on, so every value is HTML-escaped. */
export class Views {
  private readonly env: nunjucks.Environment;

  constructor() {
    this.env = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES), {
      autoescape: true,
      throwOnUndefined: false,
      trimBlocks: true,
      lstripBlocks: true,
    });
    this.env.addFilter('when', when);
    this.env.addFilter('httpUrl', (url: unknown) =>
      typeof url === 'string' && /^https?:\/\//i.test(url) ? url : '',
    );
    this.env.addFilter('short', (text: unknown, n = 140) => {
      const s = typeof text === 'string' ? text.replace(/\s+/g, ' ') : '';
      return s.length > n ? `${s.slice(0, n - 1)}…` : s;
    });
  }

  render(
    req: Request,
    res: Response,
    template: string,
    context: Record<string, unknown>,
    status = 200,
  ): void {
    const actor = actorOf(res);
    const noticeCode = typeof req.query['notice'] === 'string' ? req.query['notice'] : undefined;
    const html = this.env.render(template, {
      ...context,
      actor,
      csrf: actor?.csrfToken ?? '',
      nav: actor
        ? {
            reviews: may(actor.role, 'reviews'),
            knowledge: may(actor.role, 'knowledge'),
            insight: may(actor.role, 'insight'),
          }
        : undefined,
      notice: noticeCode ? NOTICES[noticeCode] : undefined,
      path: req.baseUrl + req.path,
    });
    res.status(status).type('html').setHeader('Cache-Control', 'no-store');
    res.send(html);
  }

  /** A short page with a title and one message (errors, 403, 404). */
  message(req: Request, res: Response, status: number, title: string, text: string): void {
    this.render(req, res, 'message.njk', { title, text }, status);
  }
}

/** Page links for LIMIT/OFFSET lists; keeps the other query parameters. */
export function pager(req: Request, total: number, pageSize: number, basePath = req.baseUrl + req.path) {
  const raw = Number(req.query['page'] ?? 1);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Number.isInteger(raw) && raw >= 1 ? Math.min(raw, pages) : 1;
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query)) {
      if (key !== 'page' && key !== 'notice' && typeof value === 'string' && value !== '')
        params.set(key, value);
    }
    params.set('page', String(p));
    return `${basePath}?${params.toString()}`;
  };
  return {
    page,
    pages,
    total,
    offset: (page - 1) * pageSize,
    limit: pageSize,
    prev: page > 1 ? href(page - 1) : undefined,
    next: page < pages ? href(page + 1) : undefined,
  };
}
