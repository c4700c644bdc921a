import { parse } from 'csv-parse/sync';
import { IngestError } from '../../src/core/errors.js';
import type { LoadedDocument, LoadedSection } from '../load-file.js';
import { decodeText, tidyText } from './text-bytes.js';

/** Header names (after normalising) that mark the question column, in the languages PolyDesk serves. */
const QUESTION_NAMES = nameSet(
  (
    'question|questions|q|faq|query|frage|pregunta|pergunta|domanda|vraag|pertanyaan|' +
    'câu hỏi|cau hoi|вопрос|سؤال|السؤال|質問|質問内容|問|問題|问题|问|질문|คำถาม'
  ).split('|'),
);
/** Header names that mark the answer column. */
const ANSWER_NAMES = nameSet(
  (
    'answer|answers|a|response|reply|antwort|réponse|reponse|respuesta|resposta|risposta|' +
    'antwoord|jawaban|câu trả lời|trả lời|ответ|جواب|الجواب|إجابة|الإجابة|回答|答え|回答内容|答|答案|' +
    '답변|답|คำตอบ'
  ).split('|'),
);

/**
 * CSV FAQ: a header row naming a question and an answer column (see the names above; a suffix in
 * brackets as in `Question (EN)` is ignored, and `question text` counts), then one Q&A per row.
 * A file without such a header is refused rather than guessed at: a two-column list of names and
 * e-mails must not become an FAQ. Comma, semicolon and tab delimiters are detected from the header
 * line. Rows lacking a question or an answer are skipped.
 */
export async function loadCsvFaq(
  file: string,
  bytes: Uint8Array,
  fallbackTitle: string,
): Promise<LoadedDocument> {
  const text = decodeText(file, bytes);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IngestError(file, `CSV could not be parsed: ${reason}`, { cause: error });
  }
  const header = (rows[0] ?? []).map(normaliseHeader);
  const q = header.findIndex((h) => isNamed(h, QUESTION_NAMES));
  const a = header.findIndex((h) => isNamed(h, ANSWER_NAMES));
  if (q < 0 || a < 0) {
    throw new IngestError(
      file,
      `CSV FAQ needs a header row with a question and an answer column (e.g. "question,answer"); found: ${
        (rows[0] ?? []).join(', ').slice(0, 200) || 'nothing'
      }`,
    );
  }
  const sections: LoadedSection[] = [];
  for (const row of rows.slice(1)) {
    const question = tidyText(row[q] ?? '');
    const answer = tidyText(row[a] ?? '');
    if (question === '' || answer === '') continue;
    sections.push({ headingPath: [question.replace(/\s+/g, ' ')], text: `${question}\n${answer}` });
  }
  if (sections.length === 0)
    throw new IngestError(file, 'CSV FAQ has no row with both a question and an answer');
  return { title: fallbackTitle, sections, faq: true, raw: text };
}

function nameSet(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map(normaliseHeader));
}

/** Exact name, or a first word such as `question` in `question text`. */
function isNamed(header: string, known: ReadonlySet<string>): boolean {
  const first = header.split(' ', 1)[0]!;
  return known.has(header) || (first.length > 1 && known.has(first));
}

function normaliseHeader(cell: string): string {
  return cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, '')
    .replace(/[\s_:：?？.]+/g, ' ')
    .trim();
}

/** The most frequent of comma, semicolon and tab on the first line (comma on a tie). */
function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  return [';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}
