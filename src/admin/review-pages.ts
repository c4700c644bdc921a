import type { Request, Response, Router } from 'express';
import { type AnswerPart, type ReviewView, MASKED_FINDING_TYPES } from '../answer/review-service.js';
import { InputError } from '../core/errors.js';
import type { ReviewStatus } from '../store/review-repository.js';
import { type AdminContext, PAGE_SIZE } from './admin-context.js';
import { currentActor } from './auth.js';
import { pager } from './views.js';

const STATUSES = ['pending', 'approved', 'edited', 'rejected', 'all'] as const;

export function statusFilter(raw: unknown): ReviewStatus | undefined | 'invalid' {
  if (raw === undefined || raw === '') return 'pending';
  if (raw === 'all') return undefined;
  return typeof raw === 'string' && (STATUSES as readonly string[]).includes(raw)
    ? (raw as ReviewStatus)
    : 'invalid';
}

const uniqueTypes = (findings: readonly { type: string }[]) =>
  [...new Set(findings.map((f) => f.type))].sort();

/** A piece of a held answer as its page shows it: plain text, a finding, or a citation marker `[n]`. */
export interface AnswerSpan extends AnswerPart {
  /** A `[n]` marker: isolated on the page, so that beside RTL text it neither moves nor turns its brackets. */
  readonly cite: boolean;
}

/** Paragraphs of a held answer; a quote's lines (`> ` in the text) are one blockquote, a paragraph each. */
export interface AnswerBlock {
  readonly quote: boolean;
  readonly paragraphs: readonly (readonly AnswerSpan[])[];
}

/** A quoted line, as the extractive answers and Markdown write it (as the chat page reads them). */
const QUOTE_MARKER = /^ {0,3}> ?/;
const CITATION = /\[\d{1,3}\]/g;

const plain = (text: string): AnswerSpan => ({ text, types: [], masked: false, cite: false });

/** Plain text with each `[n]` a span of its own; findings stay whole. */
function withCitations(part: AnswerPart): AnswerSpan[] {
  if (part.types.length > 0) return [{ ...part, cite: false }];
  const spans: AnswerSpan[] = [];
  let last = 0;
  for (const m of part.text.matchAll(CITATION)) {
    if (m.index > last) spans.push(plain(part.text.slice(last, m.index)));
    spans.push({ text: m[0], types: [], masked: false, cite: true });
    last = m.index + m[0].length;
  }
  if (last < part.text.length) spans.push(plain(part.text.slice(last)));
  return spans;
}

/**
 * A held answer's parts as blocks, the way the chat page renders an answer: runs of quoted lines
 * become one blockquote without their `> ` markers, other lines paragraphs split at blank lines.
 * Every text stays a value for the template to escape; a marker inside a finding is left as it is.
 */
export function answerBlocks(parts: readonly AnswerPart[]): AnswerBlock[] {
  const lines: AnswerPart[][] = [[]];
  for (const part of parts) {
    part.text.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece !== '') lines[lines.length - 1]!.push({ ...part, text: piece });
    });
  }
  const blocks: AnswerBlock[] = [];
  let quote: AnswerSpan[][] | undefined;
  let paragraph: AnswerSpan[] | undefined;
  for (const line of lines) {
    const first = line[0];
    const marker = first && first.types.length === 0 ? QUOTE_MARKER.exec(first.text) : null;
    if (marker) {
      paragraph = undefined;
      if (!quote) {
        quote = [];
        blocks.push({ quote: true, paragraphs: quote });
      }
      const rest = [{ ...first!, text: first!.text.slice(marker[0].length) }, ...line.slice(1)];
      quote.push(rest.flatMap(withCitations));
      continue;
    }
    quote = undefined;
    if (line.every((p) => p.text.trim() === '')) paragraph = undefined;
    else if (paragraph) paragraph.push(plain('\n'), ...line.flatMap(withCitations));
    else {
      paragraph = line.flatMap(withCitations);
      blocks.push({ quote: false, paragraphs: [paragraph] });
    }
  }
  return blocks;
}

/** The review queue and one held answer's page, with its decisions. Mounted behind the `reviews` area. */
export function addReviewPages(router: Router, ctx: AdminContext): void {
  const { views, reviews } = ctx;

  router.get('/reviews', async (req, res) => {
    const status = statusFilter(req.query['status']);
    if (status === 'invalid')
      return views.message(req, res, 400, 'Unknown status', `Use one of: ${STATUSES.join(', ')}.`);
    const total = await ctx.store.reviews.count(status);
    const page = pager(req, total, PAGE_SIZE);
    const [{ reviews: rows }, counts] = await Promise.all([
      reviews.list({ status, limit: page.limit, offset: page.offset }),
      status ? ctx.queries.findingCounts(status) : Promise.resolve([]),
    ]);
    views.render(req, res, 'reviews.njk', {
      title: 'Held answers',
      statuses: STATUSES,
      status: status ?? 'all',
      counts,
      reviews: rows.map((r) => ({ ...r, types: uniqueTypes(r.findings) })),
      pager: page,
    });
  });

  const showReview = (
    req: Request,
    res: Response,
    review: ReviewView,
    extra: Record<string, unknown> = {},
    status = 200,
  ) =>
    views.render(
      req,
      res,
      'review.njk',
      {
        title: 'Held answer',
        r: review,
        blocks: answerBlocks(review.parts),
        delivered: review.deliveredText ? answerBlocks([plain(review.deliveredText)]) : [],
        types: uniqueTypes(review.findings),
        hasMasked: review.findings.some((f) => MASKED_FINDING_TYPES.has(f.type)),
        ...extra,
      },
      status,
    );
  const notFound = (req: Request, res: Response) =>
    views.message(req, res, 404, 'Not found', 'There is no held answer with this id.');

  router.get('/reviews/:id', async (req, res) => {
    const review = await reviews.get(req.params['id']!);
    if (!review) return notFound(req, res);
    showReview(req, res, review);
  });

  router.post('/reviews/:id/reveal', async (req, res) => {
    const review = await reviews.reveal(req.params['id']!, currentActor(res).email);
    if (!review) return notFound(req, res);
    showReview(req, res, review);
  });

  const afterDecision = (
    req: Request,
    res: Response,
    id: string,
    outcome: Awaited<ReturnType<typeof reviews.approve>>,
  ) => {
    if (outcome.outcome === 'not_found') return notFound(req, res);
    const notice =
      outcome.outcome === 'not_pending' ? 'not_pending' : outcome.delivered ? outcome.outcome : 'undelivered';
    res.redirect(303, `/admin/reviews/${encodeURIComponent(id)}?notice=${notice}`);
  };

  router.post('/reviews/:id/approve', async (req, res) => {
    const id = req.params['id']!;
    const form = req.body as Record<string, unknown>;
    const text = form['text'];
    try {
      const reveal = form['reveal'] === 'yes';
      if (reveal && form['confirm_reveal'] !== 'yes') {
        throw new InputError('tick the confirmation to deliver the credentials unmasked');
      }
      afterDecision(
        req,
        res,
        id,
        await reviews.approve(
          id,
          currentActor(res).email,
          typeof text === 'string' ? text.replace(/\r\n/g, '\n') : undefined,
          { reveal },
        ),
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const review = await reviews.get(id);
      if (!review) return notFound(req, res);
      showReview(req, res, review, { error: error.message }, 400);
    }
  });

  router.post('/reviews/:id/reject', async (req, res) => {
    const id = req.params['id']!;
    const reason = (req.body as Record<string, unknown>)['reason'];
    try {
      afterDecision(
        req,
        res,
        id,
        await reviews.reject(id, currentActor(res).email, typeof reason === 'string' ? reason : ''),
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const review = await reviews.get(id);
      if (!review) return notFound(req, res);
      showReview(req, res, review, { error: error.message }, 400);
    }
  });

  router.post('/reviews/:id/retry', async (req, res) => {
    const id = req.params['id']!;
    const outcome = await reviews.retryDelivery(id, currentActor(res).email);
    if (outcome === 'not_found') return notFound(req, res);
    res.redirect(
      303,
      `/admin/reviews/${encodeURIComponent(id)}?notice=${outcome === 'failed' ? 'undelivered' : 'delivered'}`,
    );
  });
}
