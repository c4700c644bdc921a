import { InputError } from '../core/errors.js';
import type { SearchHit } from '../core/types.js';
import { detectQuestionLanguage } from '../inference/language.js';
import { type Readers, UNRESTRICTED } from '../core/access.js';
import type { Runtime } from '../runtime.js';
import { intOption, parseCommand } from './args.js';
import { readJsonLines } from './readline-json.js';

const USAGE = 'polydesk search [query] [--k N] [--user EMAIL | --unrestricted] --json';

export function hitJson(hit: SearchHit) {
  return {
    docId: hit.docId,
    source: hit.source,
    title: hit.title,
    chunkId: hit.chunkId,
    score: hit.score,
    text: hit.text,
  };
}

/** With a query prints one JSON line; without, answers JSON lines {"id","query"} from stdin. */
export async function searchCommand(runtime: Runtime, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      k: { type: 'string' },
      user: { type: 'string' },
      unrestricted: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  const k = intOption(values.k, '--k', 1, 1000, 10);
  if (values.unrestricted && typeof values.user === 'string') {
    throw new InputError(`--user and --unrestricted exclude each other: ${USAGE}`);
  }
  // The operator sees every document only when asking for it; by default, what `cli@local` may see.
  const readers: Readers = values.unrestricted
    ? UNRESTRICTED
    : [runtime.directory.resolve(typeof values.user === 'string' ? values.user : 'cli@local')];
  const search = async (query: string) =>
    runtime.retriever.retrieve({ text: query, readers, k, language: await detectQuestionLanguage(query) });
  const write = (line: unknown) =>
    new Promise<void>((resolve) => {
      if (process.stdout.write(JSON.stringify(line) + '\n')) resolve();
      else process.stdout.once('drain', () => resolve());
    });

  if (positionals.length > 0) {
    const query = positionals.join(' ');
    const hits = await search(query);
    if (values.json) await write({ query, hits: hits.map(hitJson) });
    else {
      for (const [i, h] of hits.entries())
        process.stdout.write(
          `${i + 1}. ${h.title} (${h.source}) score ${h.score.toFixed(3)}\n   ${h.text.slice(0, 160).replace(/\s+/g, ' ')}\n`,
        );
    }
    return 0;
  }
  let failed = 0;
  for await (const entry of readJsonLines(process.stdin)) {
    if (!entry.ok) {
      failed += 1;
      await write({ line: entry.line, error: entry.error });
      continue;
    }
    const { id, query } = entry.value;
    if (typeof query !== 'string') {
      failed += 1;
      await write({ id, error: 'each line needs a string "query"' });
      continue;
    }
    await write({ id, query, hits: (await search(query)).map(hitJson) });
  }
  return failed > 0 ? 1 : 0;
}
