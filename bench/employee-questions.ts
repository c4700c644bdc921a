/**
 * The employee question set (test/corpus/employee-questions) through the product's runtime over the
 * sample knowledge base: `node --import tsx bench/employee-questions.ts [dev|tune|test|holdout] [--env K=V ...]`.
 * `npm test` runs the frozen `test` half with its bars (test/answer/employee-questions.test.ts). The
 * held-out set (`holdout`) prints its figures only, never its questions: it stays unread.
 */
import {
  employeeReport,
  loadEmployeeItems,
  openSampleRuntime,
  runEmployeeItems,
} from '../test/helpers/employee-questions.js';

const args = process.argv.slice(2);
const file = args[0] === 'test' || args[0] === 'holdout' || args[0] === 'tune' ? args[0] : 'dev';
// `--env LEXICON=off`: the runtime with another setting, e.g. to measure without the concept lexicon.
const env = Object.fromEntries(
  args.flatMap((arg, i) => (args[i - 1] === '--env' ? [arg.split('=', 2) as [string, string]] : [])),
);
const { runtime, close } = await openSampleRuntime(env);
try {
  const judged = await runEmployeeItems(runtime, loadEmployeeItems(file));
  const report = employeeReport(judged, { wrongTurns: file !== 'holdout' });
  process.stdout.write(`employee questions (${file}), generator ${runtime.generator.name}\n\n${report}`);
} finally {
  await close();
}
