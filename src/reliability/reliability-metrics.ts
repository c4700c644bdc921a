import { Counter, Gauge, type Registry } from 'prom-client';

/** Metrics of the backpressure and recovery parts, on the process's registry. */
export interface ReliabilityMetrics {
  readonly refused: Counter<'reason'>;
  readonly recovered: Counter<'outcome'>;
  readonly anonymised: Counter<string>;
}

export function createReliabilityMetrics(
  registry: Registry,
  queue: { readonly queued: number; readonly active: number },
): ReliabilityMetrics {
  new Gauge({
    name: 'polydesk_answer_queue_waiting',
    help: 'Questions waiting for their turn in the answer queue',
    registers: [registry],
    collect() {
      this.set(queue.queued);
    },
  });
  new Gauge({
    name: 'polydesk_answer_queue_running',
    help: 'Questions being answered now',
    registers: [registry],
    collect() {
      this.set(queue.active);
    },
  });
  return {
    refused: new Counter({
      name: 'polydesk_answers_refused_total',
      help: 'Questions answered with "busy": the queue was full or the asker over the rate limit',
      labelNames: ['reason'],
      registers: [registry],
    }),
    recovered: new Counter({
      name: 'polydesk_questions_recovered_total',
      help: 'Questions taken over from a replica that died, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    anonymised: new Counter({
      name: 'polydesk_retention_anonymised_total',
      help: 'Questions whose texts were deleted by the retention setting',
      registers: [registry],
    }),
  };
}
