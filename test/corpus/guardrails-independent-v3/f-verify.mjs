// Re-checks f-positives.jsonl and f-clean.jsonl with Node. Usage: node f-verify.mjs
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
const here = dirname(fileURLToPath(import.meta.url));
const POS = ["password_prose", "credential_pair", "config_secret", "cloud_key", "token_nokeyword", "personal_data", "hr_data", "marking"];
const CLEAN = ["policy_talk", "confidentiality_talk", "lookalike", "helpdesk"];
const LANGS = ["vi", "id", "ar", "he"];
const TYPES = new Set(["password", "api_key", "token", "private_key", "connection_string", "email", "phone", "national_id", "payment_card",
  "iban", "bank_account", "passport", "address", "date_of_birth", "health", "salary", "hr_record", "marking"]);
const EXPECT = { pos: 6, clean: 40 };
let errors = 0;
const fail = (m) => { errors++; console.error("ERROR:", m); };
const ids = new Set(), texts = new Set(), counts = {};
for (const [file, group] of [["f-positives.jsonl", POS], ["f-clean.jsonl", CLEAN]]) {
  const lines = readFileSync(join(here, file), "utf8").split("\n").filter((l) => l.trim() !== "");
  lines.forEach((line, i) => {
    let r;
    try { r = JSON.parse(line); } catch (e) { fail(`${file}:${i + 1} invalid JSON`); return; }
    const keys = Object.keys(r).sort().join(",");
    if (keys !== "category,id,lang,spans,text") fail(`${file}:${i + 1} unexpected keys ${keys}`);
    if (!LANGS.includes(r.lang)) fail(`${r.id}: bad lang ${r.lang}`);
    if (!group.includes(r.category)) fail(`${r.id}: category ${r.category} not allowed in ${file}`);
    const m = /^v3-([a-zA-Z-]+)-([a-z_]+)-(\d+)$/.exec(r.id);
    if (!m || m[1] !== r.lang || m[2] !== r.category) fail(`${r.id}: id does not match lang/category`);
    if (ids.has(r.id)) fail(`${r.id}: duplicate id`); ids.add(r.id);
    if (typeof r.text !== "string" || !r.text.length) fail(`${r.id}: empty text`);
    if (texts.has(r.text)) fail(`${r.id}: duplicate text`); texts.add(r.text);
    if (!Array.isArray(r.spans)) { fail(`${r.id}: spans not array`); return; }
    if (POS.includes(r.category) && r.spans.length === 0) fail(`${r.id}: positive without spans`);
    if (CLEAN.includes(r.category) && r.spans.length !== 0) fail(`${r.id}: clean with spans`);
    let prevEnd = -1;
    for (const s of [...r.spans].sort((a, b) => a.start - b.start)) {
      if (!TYPES.has(s.type)) fail(`${r.id}: bad span type ${s.type}`);
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > r.text.length || s.start >= s.end) fail(`${r.id}: bad offsets ${s.start}-${s.end}`);
      if (s.start < prevEnd) fail(`${r.id}: overlapping spans`);
      prevEnd = s.end;
      const v = r.text.slice(s.start, s.end);
      if (v !== v.trim() || v.length === 0) fail(`${r.id}: span has surrounding whitespace or is empty: ${JSON.stringify(v)}`);
    }
    const k = `${r.lang}|${r.category}`; counts[k] = (counts[k] || 0) + 1;
  });
}
// span values must equal the marked values in the source
const srcVals = {};
for (const lang of LANGS) {
  const src = readFileSync(join(here, "f-source", `${lang}.txt`), "utf8").normalize("NFC");
  srcVals[lang] = [...src.matchAll(/⟦([\s\S]*?)⟧/g)].map((m) => m[1]);
}
const allRecs = ["f-positives.jsonl"].flatMap((f) => readFileSync(join(here, f), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)));
for (const lang of LANGS) {
  const got = allRecs.filter((r) => r.lang === lang).flatMap((r) => r.spans.map((s) => r.text.slice(s.start, s.end)));
  const want = srcVals[lang];
  if (got.length !== want.length) fail(`${lang}: ${got.length} spans in JSONL vs ${want.length} marked in source`);
  for (let i = 0; i < Math.min(got.length, want.length); i++) if (got[i] !== want[i]) fail(`${lang}: span ${i} slice ${JSON.stringify(got[i].slice(0, 40))} != marked ${JSON.stringify(want[i].slice(0, 40))}`);
}
console.log("lang  " + [...POS, ...CLEAN].map((c) => c.slice(0, 8).padStart(9)).join(""));
for (const l of LANGS) {
  console.log(l.padEnd(6) + [...POS, ...CLEAN].map((c) => String(counts[`${l}|${c}`] || 0).padStart(9)).join(""));
  for (const c of POS) if ((counts[`${l}|${c}`] || 0) !== EXPECT.pos) fail(`${l}/${c}: ${counts[`${l}|${c}`] || 0} records, expected ${EXPECT.pos}`);
  for (const c of CLEAN) if ((counts[`${l}|${c}`] || 0) < 30) fail(`${l}/${c}: fewer than 30 records`);
}
console.log(`records: ${ids.size}, errors: ${errors}`);
process.exit(errors ? 1 : 0);
