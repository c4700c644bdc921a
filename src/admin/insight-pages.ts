import type { Router } from 'express';
import { type AdminContext, PAGE_SIZE } from './admin-context.js';
import { computeInsight } from './insight.js';
import { pager } from './views.js';

export const INSIGHT_DAYS = 30;

/** Actions the audit log records, offered as suggestions in its filter. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'review.approve',
  'review.edit_approve',
  'review.reject',
  'review.reveal',
  'review.retry_delivery',
  'document.upload',
  'document.delete',
  'index.rebuild',
  'standard_answer.create',
  'standard_answer.edit',
  'standard_answer.retire',
  'user.create',
  'user.update',
  'token.create',
] as const;

function filterValue(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim().slice(0, 320) : undefined;
}

/** Details of an audit entry as one line of `key: value` pairs. */
function detailsText(details: Record<string, unknown> | undefined): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
}

/** Insight (answers, latency, feedback, knowledge gaps, 👎) and the audit log. Mounted behind the `insight` area. */
export function addInsightPages(router: Router, ctx: AdminContext): void {
  router.get('/insight', async (req, res) => {
    const insight = await computeInsight(ctx, { days: INSIGHT_DAYS, now: ctx.now() });
    ctx.views.render(req, res, 'insight.njk', {
      title: 'Insight',
      i: insight,
      days: INSIGHT_DAYS,
      maxPerDay: Math.max(1, ...insight.perDay.map((d) => d.total)),
    });
  });

  router.get('/audit', async (req, res) => {
    const filter = { actor: filterValue(req.query['actor']), action: filterValue(req.query['action']) };
    const total = await ctx.queries.countAudit(filter);
    const page = pager(req, total, PAGE_SIZE);
    const entries = await ctx.store.audit.list({ ...filter, limit: page.limit, offset: page.offset });
    ctx.views.render(req, res, 'audit.njk', {
      title: 'Audit log',
      entries: entries.map((e) => ({ ...e, detailsText: detailsText(e.details) })),
      filterActor: filter.actor ?? '',
      action: filter.action ?? '',
      knownActions: AUDIT_ACTIONS,
      pager: page,
    });
  });
}
