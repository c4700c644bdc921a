// Independent check with JavaScript string semantics: node b-verify.mjs
import { readFileSync } from "node:fs";
const dir = new URL(".", import.meta.url);
const src = (l) => readFileSync(new URL(`b-source/${l}.txt`, dir), "utf8");
const POS = ["password_prose","credential_pair","config_secret","cloud_key","token_nokeyword","personal_data","hr_data","marking"];
const CLEAN = ["policy_talk","confidentiality_talk","lookalike","helpdesk"];
let bad = 0, n = 0; const ids = new Set();
// expected values per record, re-derived from the source markers
const expected = new Map();
for (const lang of ["ja","zh","zh-TW","ko","th","vi","id","ar","he"]) {
  let s; try { s = src(lang); } catch { continue; }
  const counts = {}; let cat = null, buf = [];
  const flush = () => {
    if (!cat) return; counts[cat] = (counts[cat] || 0) + 1;
    const raw = buf.join("\n");
    const vals = [...raw.matchAll(/⟦(?:«\w+»)?([\s\S]*?)⟧/g)].map((m) => m[1]);
    expected.set(`v2-${lang}-${cat}-${counts[cat]}`, vals);
  };
  for (const line of s.split("\n")) {
    if (line.startsWith("### ")) { flush(); cat = line.slice(4).trim(); buf = []; }
    else if (!line.startsWith("#!")) buf.push(line);
  }
  flush();
}
for (const f of ["b-positives.jsonl", "b-clean.jsonl"]) {
  for (const line of readFileSync(new URL(f, dir), "utf8").split("\n")) {
    if (!line.trim()) continue; n++;
    const r = JSON.parse(line);
    const fail = (m) => { bad++; console.log("FAIL", r.id, m); };
    if (ids.has(r.id)) fail("duplicate id"); ids.add(r.id);
    if (r.id !== `v2-${r.lang}-${r.category}-${r.id.split("-").pop()}`) fail("id shape");
    const isPos = POS.includes(r.category);
    if (!isPos && !CLEAN.includes(r.category)) fail("category");
    if (f.startsWith("b-positives") !== isPos) fail("wrong file");
    if (isPos && r.spans.length < 1) fail("no span");
    if (!isPos && r.spans.length) fail("clean with span");
    const exp = expected.get(r.id) || [];
    if (exp.length !== r.spans.length) fail("span count vs source");
    r.spans.forEach((sp, i) => {
      const got = r.text.slice(sp.start, sp.end);
      if (got !== exp[i]) fail(`span ${i}: ${JSON.stringify(got)} != ${JSON.stringify(exp[i])}`);
      if (sp.type !== r.category) fail("span type");
      if (!got.trim() || got !== got.trim()) fail(`span ${i} whitespace`);
    });
  }
}
console.log(`${n} records, ${bad} failures`);
process.exit(bad ? 1 : 0);
