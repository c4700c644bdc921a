import type { Request, Router } from 'express';
import type { AdminContext } from './admin-context.js';
import { countBarChart, rateLineChart } from './pilot-charts.js';
import { pilotCsv } from './pilot-csv.js';
import { pilotRange } from './pilot-range.js';
import {
  ALL,
  type PilotReport,
  type PilotRow,
  computePilotNumbers,
  rangeTotal,
  weeklyRows,
} from './pilot-numbers.js';

function queryText(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

async function reportFor(req: Request, ctx: AdminContext): Promise<PilotReport> {
  const range = pilotRange({ from: queryText(req, 'from'), to: queryText(req, 'to') }, ctx.now());
  return computePilotNumbers({ db: ctx.store.db, directory: ctx.directory }, range);
}

const percent = (share: number | undefined) => (share === undefined ? '–' : `${Math.round(share * 100)} %`);

/** A duration as people say it: minutes under an hour, hours under two days, then days. */
export function duration(ms: number | undefined): string {
  if (ms === undefined) return '–';
  const minutes = ms / 60_000;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} d`;
}

/** A row's numbers as the page shows them. */
function shown(row: PilotRow) {
  return {
    ...row,
    deflection: percent(row.deflectionRate),
    handOff: percent(row.handOffRate),
    median: duration(row.resolutionMedianMs),
    p90: duration(row.resolutionP90Ms),
    upShareText: percent(row.upShare),
    notFoundText: percent(row.notFoundShare),
    standardText: percent(row.standardShare),
  };
}

/** The chosen language or group when the range has it, else `all`. */
function pick(value: string | undefined, known: readonly string[]): string {
  return value && known.includes(value) ? value : ALL;
}

/** "Pilot numbers": the pilot's KPIs per week, language and group, with charts and a CSV export. */
export function addPilotPages(router: Router, ctx: AdminContext): void {
  router.get('/pilot', async (req, res) => {
    const report = await reportFor(req, ctx);
    const language = pick(queryText(req, 'language'), report.languages);
    const group = pick(queryText(req, 'group'), report.groups);
    const weeks = weeklyRows(report, language, group);
    const points = weeks.map((w) => ({ label: w.week.slice(5), name: `${w.week} (from ${w.weekStart})` }));
    const slice = `${language === ALL ? 'all languages' : `language ${language}`}, ${group === ALL ? 'all groups' : `group ${group}`}`;
    const range = `${report.range.from} to ${report.range.to}`;
    ctx.views.render(req, res, 'pilot.njk', {
      title: 'Pilot numbers',
      range: report.range,
      language,
      group,
      languages: report.languages,
      groups: report.groups,
      total: shown(rangeTotal(report, language, group)),
      weeks: weeks.map(shown).reverse(),
      byLanguage: report.totals.filter((r) => r.group === group && r.language !== ALL).map(shown),
      byGroup: report.totals.filter((r) => r.language === language && r.group !== ALL).map(shown),
      standardAnswers:
        report.standardAnswers.find((s) => s.language === language && s.group === group)?.top ?? [],
      csvHref: `/admin/pilot.csv?${new URLSearchParams({ from: report.range.from, to: report.range.to })}`,
      rateChart: rateLineChart({
        id: 'chart-rates',
        title: `Deflection and hand-off rate per week (${slice})`,
        description: `Share of each week's questions deflected and handed off to a person, ${range}.`,
        points,
        series: [
          { name: 'Deflection rate', values: weeks.map((w) => w.deflectionRate) },
          { name: 'Hand-off rate', values: weeks.map((w) => w.handOffRate) },
        ],
      }),
      questionChart: countBarChart({
        id: 'chart-questions',
        title: `Questions per week (${slice})`,
        description: `Questions asked each week, ${range}: ${weeks.reduce((n, w) => n + w.questions, 0)} in all.`,
        points,
        values: weeks.map((w) => w.questions),
        unit: 'questions',
      }),
    });
  });

  // Also reachable with an API token (`Authorization: Bearer`), for scripts that collect the export.
  router.get('/pilot.csv', async (req, res) => {
    const report = await reportFor(req, ctx);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="polydesk-pilot-${report.range.from}-${report.range.to}.csv"`,
      )
      .setHeader('Cache-Control', 'no-store')
      .send(pilotCsv(report));
  });
}

/** `GET /admin/api/pilot`: the report as JSON (weekly rows, range totals, top standard answers). */
export function addPilotApi(router: Router, ctx: AdminContext): void {
  router.get('/pilot', async (req, res) => {
    res.json(await reportFor(req, ctx));
  });
}
