// Re-checks g-positives.jsonl and g-clean.jsonl (run: node g-verify.mjs)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
const here = path.dirname(fileURLToPath(import.meta.url));
const LANGS = ["en", "de", "fr", "es", "it"];
const POS = ["password_prose", "credential_pair", "config_secret", "cloud_key", "token_nokeyword", "personal_data", "hr_data", "marking"];
const CLEAN = ["policy_talk", "confidentiality_talk", "lookalike", "helpdesk"];
const TYPES = new Set(["password","api_key","token","private_key","connection_string","email","phone","national_id","payment_card","iban","bank_account","passport","address","date_of_birth","health","salary","hr_record","marking"]);
const ALL_LANGS = new Set("en de fr es it pt nl pl tr ru ja zh zh-TW ko th vi id ar he".split(" "));
const errors = []; const ids = new Set(); const counts = {}; const texts = new Set();
// values marked in source, to compare slices against
const src = {};
for (const lang of LANGS) {
  const raw = fs.readFileSync(path.join(here, "g-source", `${lang}.txt`), "utf8");
  src[lang] = [...raw.matchAll(/⟦([\s\S]*?)⟧/g)].map(m => m[1]);
}
const seen = {}; for (const l of LANGS) seen[l] = [];
for (const [file, cats, positive] of [["g-positives.jsonl", POS, true], ["g-clean.jsonl", CLEAN, false]]) {
  const lines = fs.readFileSync(path.join(here, file), "utf8").split("\n").filter(l => l.trim());
  lines.forEach((line, i) => {
    let o; try { o = JSON.parse(line); } catch (e) { errors.push(`${file}:${i + 1} invalid JSON`); return; }
    const keys = Object.keys(o).sort().join(",");
    if (keys !== "category,id,lang,spans,text") errors.push(`${o.id}: unexpected keys ${keys}`);
    if (!ALL_LANGS.has(o.lang)) errors.push(`${o.id}: bad lang`);
    if (!cats.includes(o.category)) errors.push(`${o.id}: category ${o.category} not allowed in ${file}`);
    const m = /^v4-(.+)-([a-z_]+)-(\d+)$/.exec(o.id);
    if (!m || m[1] !== o.lang || m[2] !== o.category) errors.push(`${o.id}: id does not match lang/category`);
    if (ids.has(o.id)) errors.push(`${o.id}: duplicate id`); ids.add(o.id);
    if (texts.has(o.text)) errors.push(`${o.id}: duplicate text`); texts.add(o.text);
    if (positive && o.spans.length === 0) errors.push(`${o.id}: positive without spans`);
    if (!positive && o.spans.length !== 0) errors.push(`${o.id}: clean with spans`);
    let prevEnd = -1;
    for (const s of o.spans) {
      if (!TYPES.has(s.type)) errors.push(`${o.id}: bad span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= o.text.length))
        errors.push(`${o.id}: bad offsets ${s.start}-${s.end}`);
      if (s.start < prevEnd) errors.push(`${o.id}: overlapping/unsorted spans`); prevEnd = s.end;
      const v = o.text.slice(s.start, s.end);
      if (v !== v.trim() || v.length === 0) errors.push(`${o.id}: span has outer whitespace`);
      seen[o.lang]?.push(v);
    }
    const k = `${o.lang}\t${o.category}`; counts[k] = (counts[k] || 0) + 1;
  });
}
for (const l of LANGS) {
  const a = src[l], b = seen[l];
  if (a.length !== b.length) errors.push(`${l}: ${a.length} marked values in source, ${b.length} spans in JSONL`);
  else a.forEach((v, i) => { if (v !== b[i]) errors.push(`${l}: span ${i} slice '${b[i]}' != marked '${v}'`); });
}
console.log(["lang", ...POS.concat(CLEAN).map(c => c.slice(0, 8))].join("\t"));
for (const l of LANGS) {
  const row = POS.concat(CLEAN).map(c => counts[`${l}\t${c}`] || 0);
  console.log([l, ...row].join("\t"));
  POS.forEach(c => { if ((counts[`${l}\t${c}`] || 0) !== 5) errors.push(`${l}/${c}: expected 5`); });
  CLEAN.forEach(c => { if ((counts[`${l}\t${c}`] || 0) < 10) errors.push(`${l}/${c}: fewer than 10`); });
}
console.log(`total ${ids.size} records`);
if (errors.length) { console.error("VERIFY FAILED\n" + errors.join("\n")); process.exit(1); }
console.log("VERIFY OK");
