// Re-checks n-positives.jsonl and n-clean.jsonl: valid JSON, unique ids matching lang/category,
// valid span types, text.slice(start,end) equals the value marked in n-source, counts per language/category.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
const here = dirname(fileURLToPath(import.meta.url));
const LANGS = ["pt", "nl", "pl", "tr", "ru"];
const POS = ["password_prose", "credential_pair", "config_secret", "cloud_key", "token_nokeyword", "personal_data", "hr_data", "marking"];
const CLEAN = ["policy_talk", "confidentiality_talk", "lookalike", "helpdesk"];
const TYPES = new Set(["password", "api_key", "token", "private_key", "connection_string", "email", "phone", "national_id", "payment_card", "iban", "bank_account", "passport", "address", "date_of_birth", "health", "salary", "hr_record", "marking"]);
let bad = 0;
const fail = (m) => { bad++; console.error("FAIL: " + m); };
// values marked in the sources, in order, per language
const marked = {};
for (const l of LANGS) {
  const src = readFileSync(join(here, "n-source", l + ".txt"), "utf8");
  marked[l] = [...src.matchAll(/⟦([\s\S]*?)⟧/g)].map((m) => m[1]);
}
const used = Object.fromEntries(LANGS.map((l) => [l, 0]));
const ids = new Set();
const counts = {};
for (const [file, cats] of [["n-positives.jsonl", POS], ["n-clean.jsonl", CLEAN]]) {
  const lines = readFileSync(join(here, file), "utf8").split("\n").filter((x) => x.length);
  lines.forEach((line, i) => {
    let r;
    try { r = JSON.parse(line); } catch (e) { return fail(`${file}:${i + 1} invalid JSON`); }
    const m = /^v5-([a-zA-Z-]+)-([a-z_]+)-(\d+)$/.exec(r.id || "");
    if (!m || m[1] !== r.lang || m[2] !== r.category) fail(`${r.id}: id does not match lang/category`);
    if (ids.has(r.id)) fail(`${r.id}: duplicate id`); ids.add(r.id);
    if (!LANGS.includes(r.lang)) fail(`${r.id}: lang ${r.lang}`);
    if (!cats.includes(r.category)) fail(`${r.id}: category ${r.category} not allowed in ${file}`);
    if (typeof r.text !== "string" || !Array.isArray(r.spans)) return fail(`${r.id}: bad shape`);
    if (POS.includes(r.category) && r.spans.length === 0) fail(`${r.id}: positive without spans`);
    if (CLEAN.includes(r.category) && r.spans.length !== 0) fail(`${r.id}: clean with spans`);
    for (const s of r.spans) {
      if (!TYPES.has(s.type)) fail(`${r.id}: span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= r.text.length)) { fail(`${r.id}: span bounds`); continue; }
      const got = r.text.slice(s.start, s.end);
      const want = marked[r.lang][used[r.lang]++];
      if (got !== want) fail(`${r.id}: slice ${JSON.stringify(got)} != marked ${JSON.stringify(want)}`);
      if (got !== got.trim()) fail(`${r.id}: span has outer whitespace`);
    }
    counts[r.lang] ??= {}; counts[r.lang][r.category] = (counts[r.lang][r.category] || 0) + 1;
  });
}
for (const l of LANGS) if (used[l] !== marked[l].length) fail(`${l}: ${marked[l].length} marked values but ${used[l]} spans`);
const cols = [...POS, ...CLEAN];
console.log(["lang", ...cols, "total"].join("\t"));
for (const l of LANGS) {
  const row = cols.map((c) => counts[l]?.[c] || 0);
  console.log([l, ...row, row.reduce((a, b) => a + b, 0)].join("\t"));
}
console.log(bad ? `${bad} problem(s)` : `ok: ${ids.size} records`);
process.exit(bad ? 1 : 0);
