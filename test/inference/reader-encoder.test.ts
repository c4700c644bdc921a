import { getEventListeners } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/log.js';
import {
  type ExtractiveGenerator,
  createExtractiveGenerator,
} from '../../src/inference/extractive-generator.js';
import type { GenerationRequest } from '../../src/inference/generator.js';
import {
  CALIBRATION_FORMAT,
  loadReaderCalibration,
  parseReaderCalibration,
} from '../../src/inference/reader-calibration.js';
import { CONFIDENCE, type Coefficients } from '../../src/inference/reader-confidence.js';
import { read } from '../../src/inference/reader.js';
import { createStopTerms, readQuestion, sourcesAsCorpus } from '../../src/inference/reader-question.js';
import { createUnitEncoder } from '../../src/inference/unit-encoder.js';
import { type Embedder, cosine } from '../../src/rag/embedder.js';
import { withQueryCache } from '../../src/rag/query-cache.js';
import { type OnnxEmbedder, createOnnxEmbedder } from '../../src/rag/onnx-embedder.js';
import { analyze, analyzeWords } from '../../src/rag/text-analyzer.js';
import { createRuntime } from '../../src/runtime.js';
import { readerEncoder } from '../../src/wiring/reader-encoder.js';
import { writeConceptEncoderFolder } from '../fixtures/concept-encoder.js';
import { searchHit } from '../helpers/search-hit.js';

// A real ONNX encoder whose judgement is known: words of one concept share an embedding, so it finds
// "reimburses" as close to "cover" as a paraphrase encoder would.
const CONCEPTS = [
  ['cover', 'reimburses', 'reimbursed', 'pays', 'pay'],
  ['gym', 'fitness', 'sports'],
  ['company', 'staff'],
  ['floor', 'renovation', 'closes'],
  ['membership'],
  ['may', 'june'],
];

const root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-reader-encoder-'));
let embedder: OnnxEmbedder;

beforeAll(async () => {
  const dir = writeConceptEncoderFolder(path.join(root, 'concepts'), CONCEPTS);
  embedder = await createOnnxEmbedder({ modelDir: dir, threads: 1, logger: silentLogger });
});

afterAll(async () => {
  await embedder?.close();
  rmSync(root, { recursive: true, force: true });
});

const hit = (docId: string, text: string) => searchHit(docId, 'en', text);

// The closed gym shares two of the question's words, the allowance one; the encoder knows the
// allowance answers ("reimburses" ≈ "cover"). The salary sentence shares no word with the question.
const WELLNESS = hit(
  'wellness',
  [
    'The company gym on floor 3 closes during the renovation in May and June.',
    'The wellness allowance reimburses up to 30 EUR a month for a gym.',
    'Lockers are next to the showers.',
    'Towels are handed out at reception.',
    'Fitness is reimbursed with the salary.',
  ].join('\n'),
);

const QUESTION: GenerationRequest = {
  question: 'Does the company cover my gym membership?',
  language: 'en',
  sources: [WELLNESS],
  history: [],
};

function reader(
  weight: number,
  encoder: Embedder = embedder,
  calibration?: { coefficients: Coefficients; minConfidence: number },
) {
  return createExtractiveGenerator({
    tokenize: analyze,
    words: analyzeWords,
    minConfidence: 0,
    encoder: { encoder: createUnitEncoder({ embedder: encoder }), weight, calibration },
  });
}

const readQuestionFor = (request: GenerationRequest) =>
  readQuestion(request, analyzeWords, createStopTerms(analyze), sourcesAsCorpus(request.sources, analyze));

const quoted = (reading: { quotes: readonly { text: string }[] }) => reading.quotes.map((q) => q.text);

describe('the extractive reader with a sentence encoder', () => {
  it('lets the encoder choose between units that hold the question words, never one that holds none', async () => {
    const lexical = await reader(0).explainEncoded(QUESTION);
    expect(lexical.encoded).toBe(false); // at weight 0 the encoder has nothing to do
    expect(lexical.best?.text).toMatch(/closes during the renovation/);

    const encoded = await reader(1).explainEncoded(QUESTION);
    expect(encoded.best?.text).toBe('The wellness allowance reimburses up to 30 EUR a month for a gym.');
    expect(quoted(encoded)).toContain(encoded.best?.text);
    // As close to the question as the allowance in the encoder's view, but without any of its words;
    // a weight above the most allowed counts as the most.
    for (const weight of [1, 4])
      expect(quoted(await reader(weight).explainEncoded(QUESTION)).join(' ')).not.toMatch(/salary/);
  });

  it('never lets the encoder lift a unit the words rank below half the best, whatever the weight', async () => {
    // The reimbursement sentence is the encoder's first choice but holds one question word of three:
    // about 0.4 of the closed gym's score by the words. Weight 4 would make it 5 times its own.
    const sources = [
      hit(
        'gym',
        [
          'Membership of the company gym on floor 3 closes in May and June during the renovation.',
          'Fitness and gym costs are reimbursed.',
          'Staff lockers are next to the showers.',
          'Towels are handed to staff at reception.',
        ].join('\n'),
      ),
    ];
    const closed = 'Membership of the company gym on floor 3 closes in May and June during the renovation.';
    for (const weight of [1, 4])
      expect((await reader(weight).explainEncoded({ ...QUESTION, sources })).best?.text).toBe(closed);
  });

  it('encodes nothing for a question the words leave unanswered, unless a calibration decides with the encoder', async () => {
    const batches: string[][] = [];
    const counting: Embedder = {
      modelId: embedder.modelId,
      dimension: embedder.dimension,
      embed: (texts, kind, options) => {
        batches.push([...texts]);
        return embedder.embed(texts, kind, options);
      },
    };
    const strict = createExtractiveGenerator({
      tokenize: analyze,
      words: analyzeWords,
      encoder: { encoder: createUnitEncoder({ embedder: counting }), weight: 1 },
    });
    const unanswered = await strict.generate({
      ...QUESTION,
      question: 'Who won the football world cup in 1954?',
    });
    expect(unanswered.notFound).toBe(true);
    expect(batches).toEqual([]);
    // A calibration decides with the encoder, so it encodes every question.
    const calibrated = createExtractiveGenerator({
      tokenize: analyze,
      words: analyzeWords,
      encoder: {
        encoder: createUnitEncoder({ embedder: counting }),
        weight: 1,
        calibration: { coefficients: CONFIDENCE, minConfidence: 0.5 },
      },
    });
    await calibrated.generate({ ...QUESTION, question: 'Who won the football world cup in 1954?' });
    expect(batches.length).toBeGreaterThan(0);
  });

  it('takes the evidence of a follow-up from the question as written, and chooses its quote with the earlier one', async () => {
    const asked: string[] = [];
    const recording: Embedder = {
      modelId: embedder.modelId,
      dimension: embedder.dimension,
      embed: (texts, kind, options) => {
        if (kind === 'query') asked.push(...texts);
        return embedder.embed(texts, kind, options);
      },
    };
    const followUp = {
      ...QUESTION,
      question: 'And the membership?',
      followUpOf: 'Does the company cover my gym?',
    };
    const trusting = { ...CONFIDENCE, bias: -10, semanticBest: 20 };
    const reading = await createExtractiveGenerator({
      tokenize: analyze,
      words: analyzeWords,
      minConfidence: 0,
      encoder: {
        encoder: createUnitEncoder({ embedder: recording }),
        weight: 1,
        calibration: { coefficients: trusting, minConfidence: 0.5 },
      },
    }).explainEncoded(followUp);
    expect(asked).toEqual(['And the membership?', 'Does the company cover my gym?\nAnd the membership?']);
    // "membership" alone is one concept of four: the evidence is the question's own similarity.
    const [alone] = await embedder.embed(['And the membership?'], 'query');
    const units = await embedder.embed(
      WELLNESS.text.split('\n').map((line) => `wellness: ${line}`),
      'passage',
    );
    const best = Math.max(...units.map((unit) => cosine(alone!, unit)));
    expect(reading.semanticBest).toBeCloseTo(best, 5);
  });

  it('refuses similarities that do not line up with the units', async () => {
    expect(() =>
      read(
        QUESTION.sources,
        readQuestionFor(QUESTION),
        { tokenize: analyze, maxSentenceChars: 300, minConfidence: 0, untrusted: undefined },
        undefined,
        { question: new Float32Array(2) },
      ),
    ).toThrow(/2 similarities for 5 units/);
  });

  it('decides "not found" as without an encoder until a calibration fitted with it says otherwise', async () => {
    const plain = createExtractiveGenerator({ tokenize: analyze, words: analyzeWords, minConfidence: 0 });
    const without = plain.explain(QUESTION);
    const encoded = await reader(1).explainEncoded(QUESTION);
    expect(encoded.confidence).toBeCloseTo(without.confidence, 10);
    // The encoder ranks the allowance first and the lexical pick at the median: no agreement.
    expect(encoded.semanticAgreement).toBe(0);
    expect(encoded.semanticBest).toBeGreaterThan(0.5);

    // A calibration that trusts the encoder's agreement outright.
    const trusting = { ...CONFIDENCE, bias: -10, semanticBest: 20 };
    const calibrated = await reader(1, embedder, {
      coefficients: trusting,
      minConfidence: 0.5,
    }).explainEncoded(QUESTION);
    expect(calibrated.confidence).toBeGreaterThan(0.5);
    expect(calibrated.found).toBe(true);
    const doubting = { ...CONFIDENCE, bias: -10, semanticBest: -20 };
    const refused = await reader(1, embedder, { coefficients: doubting, minConfidence: 0.5 }).generate(
      QUESTION,
    );
    expect(refused.notFound).toBe(true);
  });

  it('answers without the encoder when it fails, hangs or the question is cancelled', async () => {
    const errors: unknown[] = [];
    const broken: Embedder = {
      modelId: 'broken',
      dimension: 4,
      embed: async () => {
        throw new Error('session lost');
      },
    };
    const failing = createExtractiveGenerator({
      tokenize: analyze,
      words: analyzeWords,
      minConfidence: 0,
      encoder: {
        encoder: createUnitEncoder({ embedder: broken, onError: (e) => errors.push(e) }),
        weight: 1,
      },
    });
    const result = await failing.generate(QUESTION);
    expect(result.notFound).toBe(false);
    expect(result.text).toMatch(/closes during the renovation/);
    expect(String(errors[0])).toMatch(/session lost/);

    const hanging: Embedder = { modelId: 'slow', dimension: 4, embed: () => new Promise(() => {}) };
    const late: unknown[] = [];
    const slow = createExtractiveGenerator({
      tokenize: analyze,
      words: analyzeWords,
      minConfidence: 0,
      encoder: {
        encoder: createUnitEncoder({ embedder: hanging, timeoutMs: 20, onError: (e) => late.push(e) }),
        weight: 1,
      },
    });
    const reading = await slow.explainEncoded(QUESTION);
    expect(reading.encoded).toBe(false);
    expect(quoted(reading)[0]).toMatch(/closes during the renovation/);
    expect(String(late[0])).toMatch(/longer than 20 ms/);

    const controller = new AbortController();
    const pending = createExtractiveGenerator({
      tokenize: analyze,
      words: analyzeWords,
      encoder: { encoder: createUnitEncoder({ embedder: hanging, timeoutMs: 60_000 }), weight: 1 },
    }).generate(QUESTION, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow(/aborted/);
  });

  it('makes again, in the interactive lane, the sentence vectors another answer gave up on', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const priorities: (string | undefined)[] = [];
    const gated: Embedder = {
      modelId: embedder.modelId,
      dimension: embedder.dimension,
      embed: async (texts, kind, options) => {
        if (kind === 'passage') {
          priorities.push(options?.priority);
          await new Promise<void>((resolve, reject) => {
            void gate.then(resolve);
            options?.signal?.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            );
          });
        }
        return embedder.embed(texts, kind);
      },
    };
    const errors: unknown[] = [];
    const encoder = createUnitEncoder({ embedder: gated, onError: (error) => errors.push(error) });
    const units = WELLNESS.text.split('\n');
    const cancelled = new AbortController();
    const first = encoder.similarities('Does the company cover my gym?', units, cancelled.signal);
    const second = encoder.similarities('Is there a gym at the company?', units);
    cancelled.abort();
    expect(await first).toBeUndefined();
    open();
    const vectors = await second;
    expect(vectors && [...vectors].every((value) => Number.isFinite(value))).toBe(true);
    expect(priorities).toEqual(['interactive', 'interactive']);
    expect(errors).toEqual([]);
  });

  it('embeds a unit once however many questions it answers', async () => {
    const texts: string[] = [];
    const counting: Embedder = {
      modelId: embedder.modelId,
      dimension: embedder.dimension,
      embed: (batch, kind) => {
        if (kind === 'passage') texts.push(...batch);
        return embedder.embed(batch, kind);
      },
    };
    const encoder = createUnitEncoder({ embedder: counting });
    const units = WELLNESS.text.split('\n');
    const first = await encoder.similarities('Does the company cover my gym membership?', units);
    const second = await encoder.similarities('Where are the lockers?', [...units, 'Showers close at 9.']);
    expect(texts).toEqual([...units, 'Showers close at 9.']);
    expect([...first!, ...second!].every((value) => Number.isFinite(value))).toBe(true);

    const capped = createUnitEncoder({ embedder, maxUnits: 2 });
    const some = await capped.similarities('gym', units);
    expect(some?.length).toBe(units.length);
    expect(Number.isNaN(some![2]!)).toBe(true);
    expect(Number.isFinite(some![1]!)).toBe(true);
  });
});

describe('question vectors shared by standard answers, dense retrieval and the reader', () => {
  it('embeds a question once, passages every time, and tries a failed question again', async () => {
    const calls: string[][] = [];
    let fail = false;
    const counting: Embedder = {
      modelId: embedder.modelId,
      dimension: embedder.dimension,
      embed: async (texts, kind) => {
        calls.push([kind, ...texts]);
        if (fail) throw new Error('busy');
        return embedder.embed(texts, kind);
      },
    };
    const shared = withQueryCache(counting, 2);
    const [a] = await shared.embed(['gym?'], 'query');
    const [b] = await shared.embed(['gym?'], 'query');
    expect(b).toBe(a);
    // A batch (standard answers' wordings) passes through whole, however much larger than the cache.
    const wordings = Array.from({ length: 5 }, (_, i) => `gym ${i}?`);
    const vectors = await shared.embed(wordings, 'query');
    expect(vectors).toHaveLength(5);
    expect(vectors.every((v) => v instanceof Float32Array)).toBe(true);
    await shared.embed(['gym'], 'passage');
    await shared.embed(['gym'], 'passage');
    expect(calls).toEqual([
      ['query', 'gym?'],
      ['query', ...wordings],
      ['passage', 'gym'],
      ['passage', 'gym'],
    ]);
    // The batch did not push the question out.
    expect((await shared.embed(['gym?'], 'query'))[0]).toBe(a);
    fail = true;
    await expect(shared.embed(['new?'], 'query')).rejects.toThrow(/busy/);
    fail = false;
    await expect(shared.embed(['new?'], 'query')).resolves.toHaveLength(1);
    expect(calls.filter(([, text]) => text === 'new?')).toHaveLength(2);
  });
});

describe('the encoder queue', () => {
  it("runs a reader's sentences ahead of a bulk ingest, and drops a cancelled call's batches", async () => {
    const bulk = Array.from({ length: 400 }, (_, i) => `gym floor membership staff ${i}`);
    let bulkDone = false;
    const ingest = embedder.embed(bulk, 'passage').then((vectors) => {
      bulkDone = true;
      return vectors;
    });
    const [reader] = await embedder.embed(['company gym'], 'passage', { priority: 'interactive' });
    expect(reader).toBeInstanceOf(Float32Array);
    expect(bulkDone).toBe(false);

    // A question asked while an answer's sentences are being embedded goes ahead of them too.
    let sentencesDone = false;
    const sentences = embedder.embed(bulk.slice(0, 64), 'passage', { priority: 'interactive' }).then(() => {
      sentencesDone = true;
    });
    await embedder.embed(['is there a gym?'], 'query');
    expect(sentencesDone).toBe(false);
    await sentences;

    const stop = new AbortController();
    const cancelled = embedder.embed(bulk, 'passage', { signal: stop.signal });
    stop.abort();
    await expect(cancelled).rejects.toThrow(/aborted/);
    expect((await ingest).length).toBe(400);
    await expect(embedder.embed(['gym'], 'passage', { signal: AbortSignal.abort() })).rejects.toThrow(
      /aborted/,
    );
  });

  it("leaves no listener on the answer's signal once the sentences are scored", async () => {
    const answer = new AbortController();
    const encoder = createUnitEncoder({ embedder });
    for (let i = 0; i < 20; i++) await encoder.similarities(`gym ${i}?`, ['company gym'], answer.signal);
    expect(getEventListeners(answer.signal, 'abort')).toHaveLength(0);
  });
});

describe('reader calibration files', () => {
  const valid = {
    format: CALIBRATION_FORMAT,
    modelId: 'e5:abc',
    minConfidence: 0.3,
    encoderWeight: 0.5,
    coefficients: { ...CONFIDENCE, semanticBest: 3, semanticAgreement: 1 },
  };

  it('reads a calibration and refuses a malformed one, naming every problem', () => {
    expect(parseReaderCalibration(valid, 'test').coefficients.semanticBest).toBe(3);
    const { semanticAgreement: _left, ...missing } = valid.coefficients;
    const bad = { ...valid, minConfidence: 2, coefficients: { ...missing, extra: 1 } };
    expect(() => parseReaderCalibration(bad, 'f.json')).toThrow(
      /f\.json is not a reader calibration.*minConfidence.*semanticAgreement.*extra|f\.json is not a reader calibration.*minConfidence.*extra.*semanticAgreement/s,
    );
    expect(() => parseReaderCalibration({ ...valid, format: 'other' }, 'f.json')).toThrow(/format/);
    const file = path.join(root, 'broken.json');
    writeFileSync(file, '{ not json');
    expect(() => loadReaderCalibration(file)).toThrow(/ANSWER_CALIBRATION_FILE .*broken\.json/);
  });

  it('refuses a calibration fitted with another encoder, and one without an encoder', () => {
    const file = path.join(root, 'other-model.json');
    writeFileSync(file, JSON.stringify(valid));
    const config = loadConfig({ EMBEDDING_MODEL_DIR: root, ANSWER_CALIBRATION_FILE: file, DATA_DIR: root });
    expect(() => readerEncoder(config, embedder, silentLogger)).toThrow(
      /fitted with the encoder e5:abc, but EMBEDDING_MODEL_DIR holds/,
    );
    writeFileSync(file, JSON.stringify({ ...valid, modelId: embedder.modelId }));
    const encoder = readerEncoder(config, embedder, silentLogger);
    expect(encoder?.weight).toBe(0.5);
    expect(encoder?.calibration?.minConfidence).toBe(0.3);
    const warned: string[] = [];
    readerEncoder(
      loadConfig({
        EMBEDDING_MODEL_DIR: root,
        ANSWER_CALIBRATION_FILE: file,
        ANSWER_MIN_CONFIDENCE: '0.5',
        DATA_DIR: root,
      }),
      embedder,
      (level, event) => {
        if (level === 'warn') warned.push(event);
      },
    );
    expect(warned).toEqual(['reader.min_confidence_replaced']);
    expect(
      readerEncoder(
        loadConfig({
          EMBEDDING_MODEL_DIR: root,
          ANSWER_CALIBRATION_FILE: file,
          ANSWER_ENCODER_WEIGHT: '1',
          DATA_DIR: root,
        }),
        embedder,
        silentLogger,
      )?.weight,
    ).toBe(1);
    expect(() => loadConfig({ ANSWER_CALIBRATION_FILE: file, DATA_DIR: root })).toThrow(
      /ANSWER_CALIBRATION_FILE is a confidence fitted with a sentence encoder/,
    );
    expect(() =>
      loadConfig({
        EMBEDDING_MODEL_DIR: root,
        ANSWER_CALIBRATION_FILE: file,
        ANSWER_ENCODER: 'off',
        DATA_DIR: root,
      }),
    ).toThrow(/ANSWER_CALIBRATION_FILE has no effect with ANSWER_ENCODER=off/);
    expect(() => loadConfig({ ANSWER_ENCODER: 'on', DATA_DIR: root })).toThrow(
      /ANSWER_ENCODER=on needs EMBEDDING_MODEL_DIR/,
    );
    expect(() => loadConfig({ ANSWER_ENCODER_WEIGHT: '2', DATA_DIR: root })).toThrow(/ANSWER_ENCODER_WEIGHT/);
    expect(
      readerEncoder(
        loadConfig({ EMBEDDING_MODEL_DIR: root, ANSWER_ENCODER: 'off', DATA_DIR: root }),
        embedder,
        silentLogger,
      ),
    ).toBeUndefined();
  });
});

describe('the runtime with EMBEDDING_MODEL_DIR', () => {
  it('gives the extractive reader the encoder, which reranks what it quotes', async () => {
    const dataDir = mkdtempSync(path.join(root, 'data-'));
    const docs = path.join(dataDir, 'docs');
    const events: { event: string; fields: Record<string, unknown> | undefined }[] = [];
    const config = loadConfig({
      DATA_DIR: dataDir,
      POLYDESK_SAMPLES: '0',
      EMBEDDING_MODEL_DIR: path.join(root, 'concepts'),
      RETRIEVAL_MODE: 'lexical',
      ANSWER_ENCODER_WEIGHT: '1',
      // One small page: the shipped threshold would say "not found"; the wiring is what is tested here.
      ANSWER_MIN_CONFIDENCE: '0',
    });
    const runtime = await createRuntime(config, (_level, event, fields) => {
      events.push({ event, fields });
    });
    try {
      const { mkdirSync } = await import('node:fs');
      mkdirSync(docs);
      writeFileSync(path.join(docs, 'wellness.md'), `# Wellness\n\n${WELLNESS.text}\n`);
      const { syncPaths } = await import('../../ingest/sync.js');
      await syncPaths(runtime.ingestDeps, { paths: [docs], maxBytes: 1 << 20 });
      expect(events.find((e) => e.event === 'reader.encoder')?.fields).toMatchObject({
        weight: 1,
        calibrated: false,
      });
      const sources = await runtime.retriever.retrieve({
        text: QUESTION.question,
        readers: [runtime.directory.resolve('cli@local', 'en')],
        k: 5,
        language: 'en',
      });
      const generator = runtime.generator as ExtractiveGenerator;
      const reading = await generator.explainEncoded({ ...QUESTION, sources });
      expect(reading.encoded).toBe(true);
      expect(reading.best?.text).toMatch(/wellness allowance reimburses/);
      expect((await generator.generate({ ...QUESTION, sources })).text).toMatch(
        /wellness allowance reimburses/,
      );
    } finally {
      await runtime.close();
    }
  });
});
