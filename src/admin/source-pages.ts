import type { Request, Response, Router } from 'express';
import type { SourceDefinition } from '../../ingest/sources/sources-file.js';
import type { SourceRunReport } from '../../ingest/sources/run-source.js';
import type { AdminContext } from './admin-context.js';
import { currentActor } from './auth.js';

/** What the Sources page shows and does: the sources of SOURCES_FILE and their scheduler in `serve`. */
export interface SourcesPanel {
  readonly definitions: readonly SourceDefinition[];
  readonly scheduler: {
    runNow(name: string): Promise<SourceRunReport | undefined>;
    nextRunAt(name: string): number | undefined;
    isRunning(name: string): boolean;
  };
}

/**
 * The Sources page (behind the `knowledge` area): each synced source with its type, schedule, last
 * run, status, counts, last error and next run; an admin may sync one now (the run starts in the
 * background; the page shows it running).
 */
export function addSourcePages(router: Router, ctx: AdminContext): void {
  router.get('/sources', async (req, res) => {
    const panel = ctx.sources;
    const states = await ctx.store.sources.states();
    const sources = (panel?.definitions ?? []).map((d) => {
      const next = panel?.scheduler.nextRunAt(d.name);
      return {
        name: d.name,
        type: d.type,
        every: d.every,
        audience: d.audience.join(', '),
        running: panel?.scheduler.isRunning(d.name) ?? false,
        next: next === undefined ? '' : new Date(next).toISOString(),
        state: states.get(d.name),
      };
    });
    ctx.views.render(req, res, 'sources.njk', {
      title: 'Sources',
      configured: Boolean(panel),
      sources,
      canSync: currentActor(res).role === 'admin',
    });
  });

  router.post('/sources/:name/sync', async (req: Request, res: Response) => {
    const name = String(req.params['name'] ?? '');
    const panel = ctx.sources;
    if (!panel?.definitions.some((d) => d.name === name))
      return ctx.views.message(req, res, 404, 'Not found', 'There is no source with this name.');
    if (currentActor(res).role !== 'admin')
      return ctx.views.message(req, res, 403, 'Not allowed', 'Only an admin may start a sync.');
    await ctx.store.audit.append({ actor: currentActor(res).email, action: 'source.sync_now', target: name });
    void panel.scheduler.runNow(name);
    res.redirect(303, '/admin/sources?notice=sync_started');
  });
}
