/**
 * `npm run bench [-- section ...]`: runs the benchmark sections and writes a Markdown report to bench/out/.
 * Each section lives in bench/sections/<name>.ts and exports `run(report)`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchReport } from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const sectionsDir = path.join(here, 'sections');
const names = readdirSync(sectionsDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort()
  .filter((name) => wanted.length === 0 || wanted.includes(name));

const report = new BenchReport(`npm run bench${wanted.length ? ` -- ${wanted.join(' ')}` : ''}`);
for (const name of names) {
  const mod = (await import(pathToFileURL(path.join(sectionsDir, `${name}.ts`)).href)) as {
    run: (r: BenchReport) => Promise<void>;
  };
  try {
    await mod.run(report);
  } catch (error) {
    report.note(`**${name} failed**: ${error instanceof Error ? error.message : String(error)}`);
  }
}
const file = report.write(path.join(here, 'out'));
process.stdout.write(report.toMarkdown() + '\n');
process.stderr.write(`[bench] report written to ${path.relative(process.cwd(), file)}\n`);
