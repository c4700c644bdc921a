// Re-checks the a-* corpus with JavaScript string semantics: valid JSON, unique ids, spans as UTF-16 slices.
// Usage: node a-verify.mjs [expected.json]   (a-build.py passes the marked values it expects per record)
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const positives = new Set(["password_prose", "credential_pair", "config_secret", "cloud_key", "token_nokeyword", "personal_data", "hr_data", "marking"]);
const cleanCats = new Set(["policy_talk", "confidentiality_talk", "lookalike", "helpdesk"]);
const expected = process.argv[2] ? new Map(JSON.parse(readFileSync(process.argv[2], "utf8")).map((e) => [e.id, e.values])) : null;
const errors = [];
const ids = new Set();
let n = 0;
for (const file of ["a-positives.jsonl", "a-clean.jsonl"]) {
  const lines = readFileSync(join(here, file), "utf8").split("\n").filter((l) => l.length > 0);
  for (const [i, line] of lines.entries()) {
    let rec;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      errors.push(`${file}:${i + 1}: invalid JSON: ${e.message}`);
      continue;
    }
    n++;
    const keys = Object.keys(rec).join(",");
    if (keys !== "id,lang,category,text,spans") errors.push(`${rec.id}: keys ${keys}`);
    if (ids.has(rec.id)) errors.push(`${rec.id}: duplicate id`);
    ids.add(rec.id);
    if (rec.id !== `v2-${rec.lang}-${rec.category}-${rec.id.split("-").at(-1)}`) errors.push(`${rec.id}: id does not match lang/category`);
    const isPos = positives.has(rec.category);
    if (file === "a-positives.jsonl" ? !isPos : !cleanCats.has(rec.category)) errors.push(`${rec.id}: category ${rec.category} in ${file}`);
    if (isPos && rec.spans.length === 0) errors.push(`${rec.id}: positive without spans`);
    if (!isPos && rec.spans.length !== 0) errors.push(`${rec.id}: clean with spans`);
    const want = expected?.get(rec.id);
    for (const [k, s] of rec.spans.entries()) {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end <= s.start || s.end > rec.text.length) {
        errors.push(`${rec.id}: bad span ${JSON.stringify(s)}`);
        continue;
      }
      if (!positives.has(s.type)) errors.push(`${rec.id}: bad span type ${s.type}`);
      const got = rec.text.slice(s.start, s.end);
      if (got !== got.trim()) errors.push(`${rec.id}: span has surrounding blanks ${JSON.stringify(got)}`);
      if (want && want[k] !== got) errors.push(`${rec.id}: span ${k} slices ${JSON.stringify(got)}, marked ${JSON.stringify(want[k])}`);
      if (k > 0 && s.start < rec.spans[k - 1].end) errors.push(`${rec.id}: overlapping spans`);
    }
    if (want && want.length !== rec.spans.length) errors.push(`${rec.id}: ${rec.spans.length} spans, ${want.length} marked`);
  }
}
if (errors.length > 0) {
  console.error(errors.join("\n"));
  process.exit(1);
}
console.log(`node: ${n} records, ${ids.size} unique ids, all spans slice to their marked values`);
