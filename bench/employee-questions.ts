/**
 * The employee question set (test/corpus/employee-questions) through the product's runtime over the
 * sample knowledge base: `node --import tsx bench/employee-questions.ts [dev|test]`.
 * `npm test` runs the frozen `test` half with its bars (test/answer/employee-questions.test.ts).
 */
import {
  employeeReport,
  loadEmployeeItems,
  openSampleRuntime,
  runEmployeeItems,
} from '../test/helpers/employee-questions.js';

const file = process.argv[2] === 'test' ? 'test' : 'dev';
const { runtime, close } = await openSampleRuntime();
try {
  const judged = await runEmployeeItems(runtime, loadEmployeeItems(file));
  process.stdout.write(
    `employee questions (${file}), generator ${runtime.generator.name}\n\n${employeeReport(judged)}`,
  );
} finally {
  await close();
}
