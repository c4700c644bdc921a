// m-verify.mjs — re-check m-positives.jsonl / m-clean.jsonl with Node. Usage: node m-verify.mjs
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const LANGS = new Set("en de fr es it pt nl pl tr ru ja zh zh-TW ko th vi id ar he".split(" "));
const POS = ["password_prose", "credential_pair", "config_secret", "cloud_key", "token_nokeyword", "personal_data", "hr_data", "marking"];
const CLEAN = ["policy_talk", "confidentiality_talk", "lookalike", "helpdesk"];
const TYPES = new Set(["password", "api_key", "token", "private_key", "connection_string", "email", "phone", "national_id",
  "payment_card", "iban", "bank_account", "passport", "address", "date_of_birth", "health", "salary", "hr_record", "marking"]);

// expected marked values, re-derived from the sources (⟦value⟧ in order of appearance)
const srcVals = {};
for (const lang of ["en", "de", "fr", "es", "it"]) {
  let txt;
  try { txt = readFileSync(join(here, "m-source", `${lang}.txt`), "utf8"); } catch { continue; }
  srcVals[lang] = [...txt.matchAll(/⟦([\s\S]*?)⟧/g)].map(m => m[1]);
}
const srcIdx = {};

let errors = 0;
const err = (m) => { errors++; console.error("ERROR:", m); };
const ids = new Set();
const counts = {};
for (const [file, cats] of [["m-positives.jsonl", POS], ["m-clean.jsonl", CLEAN]]) {
  const lines = readFileSync(join(here, file), "utf8").split("\n").filter(l => l.trim());
  lines.forEach((line, i) => {
    let o;
    try { o = JSON.parse(line); } catch (e) { err(`${file}:${i + 1} invalid JSON`); return; }
    const { id, lang, category, text, spans } = o;
    if (!LANGS.has(lang)) err(`${id}: bad lang ${lang}`);
    if (!cats.includes(category)) err(`${id}: category ${category} not allowed in ${file}`);
    const m = /^v5-(.+)-([a-z_]+)-(\d+)$/.exec(id || "");
    if (!m || m[1] !== lang || m[2] !== category) err(`${id}: id does not match lang/category`);
    if (ids.has(id)) err(`duplicate id ${id}`); ids.add(id);
    if (typeof text !== "string" || !text) err(`${id}: empty text`);
    if (!Array.isArray(spans)) { err(`${id}: spans not array`); return; }
    if (POS.includes(category) && spans.length === 0) err(`${id}: positive without spans`);
    if (CLEAN.includes(category) && spans.length !== 0) err(`${id}: clean with spans`);
    let prevEnd = -1;
    for (const s of spans) {
      if (!TYPES.has(s.type)) err(`${id}: bad span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= text.length))
        err(`${id}: bad offsets ${s.start}-${s.end}`);
      if (s.start < prevEnd) err(`${id}: overlapping/unsorted spans`);
      prevEnd = s.end;
      const got = text.slice(s.start, s.end);
      srcIdx[lang] = srcIdx[lang] || 0;
      const want = (srcVals[lang] || [])[srcIdx[lang]++];
      if (got !== want) err(`${id}: slice ${JSON.stringify(got)} != marked value ${JSON.stringify(want)}`);
      if (got !== got.trim()) err(`${id}: span has surrounding whitespace`);
    }
    counts[lang] = counts[lang] || {};
    counts[lang][category] = (counts[lang][category] || 0) + 1;
  });
}
for (const lang of Object.keys(srcVals)) {
  if ((srcIdx[lang] || 0) !== srcVals[lang].length) err(`${lang}: ${srcVals[lang].length} marked values in source, ${srcIdx[lang] || 0} spans in JSONL`);
}
const cats = [...POS, ...CLEAN];
console.log(["lang", ...cats.map(c => c.slice(0, 8)), "total"].join("\t"));
let grand = 0;
for (const lang of Object.keys(counts)) {
  const row = cats.map(c => counts[lang][c] || 0);
  const t = row.reduce((a, b) => a + b, 0); grand += t;
  console.log([lang, ...row, t].join("\t"));
}
console.log(`total records: ${grand}; errors: ${errors}`);
process.exit(errors ? 1 : 0);
