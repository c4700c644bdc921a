// Checks the employee question sets (dev.json, test.json, holdout.json, tune.json) against examples/knowledge.
// Plain Node, no dependencies. Run from the repository root or anywhere:
//   node test/corpus/employee-questions/check.mjs              (all sets present in this folder)
//   node test/corpus/employee-questions/check.mjs holdout      (only the named sets: dev, test, holdout, tune)
// Exit code 1 if any error is found; warnings are printed but do not fail.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const knowledge = join(root, "examples/knowledge");
const directory = JSON.parse(readFileSync(join(root, "examples/directory.json"), "utf8"));
const hrMembers = new Set(directory.groups.hr ?? []);

const KINDS = new Set(["answerable", "unanswerable", "follow-up"]);
const LANGS = new Set(["en", "es", "zh", "ja", "th", "de", "fr", "ko"]);
const ORDINARY = "cli@local";

const errors = [];
const warnings = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);
const warn = (where, msg) => warnings.push(`${where}: ${msg}`);

const docCache = new Map();
function loadDoc(rel) {
  if (docCache.has(rel)) return docCache.get(rel);
  const path = join(knowledge, rel);
  if (!existsSync(path)) {
    docCache.set(rel, null);
    return null;
  }
  const raw = readFileSync(path, "utf8");
  let body = raw;
  let meta = {};
  const fm = raw.match(/^---\n([\s\S]*?)\n---\n/);
  if (fm) {
    body = raw.slice(fm[0].length);
    for (const line of fm[1].split("\n")) {
      const m = line.match(/^(\w+):\s*(.*)$/);
      if (m) meta[m[1]] = m[2].trim();
    }
  }
  if (rel.endsWith(".html")) {
    const lang = raw.match(/<html[^>]*\blang="([^"]+)"/);
    if (lang) meta.language = lang[1];
    meta.audience = "[all]";
  }
  if (rel.endsWith(".txt")) meta = { language: "en", audience: "[all]" };
  if (rel.endsWith(".csv")) meta = { language: "mixed", audience: "[all]" };
  const doc = { raw, body: body.toLowerCase(), meta };
  docCache.set(rel, doc);
  return doc;
}

const sets = {};
const allIds = new Map();
const allQuestions = new Map();

const requested = process.argv.slice(2).map((a) => a.replace(/\.json$/, "").replace(/^.*\//, ""));
const OPTIONAL_SETS = new Set(["holdout", "tune"]);
const setNames = requested.length ? requested : ["dev", "test", "holdout", "tune"].filter((n) => !OPTIONAL_SETS.has(n) || existsSync(join(here, `${n}.json`)));
const ID_PREFIX = { holdout: "ho-", tune: "tu-" };

for (const name of setNames) {
  const file = join(here, `${name}.json`);
  let items;
  try {
    items = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    err(`${name}.json`, `cannot parse: ${e.message}`);
    continue;
  }
  if (!Array.isArray(items)) {
    err(`${name}.json`, "top level is not an array");
    continue;
  }
  sets[name] = items;
  for (const [i, item] of items.entries()) {
    const where = `${name}.json[${i}] ${item.id ?? "(no id)"}`;
    if (typeof item.id !== "string" || !item.id) err(where, "missing id");
    else if (ID_PREFIX[name] && !item.id.startsWith(ID_PREFIX[name])) err(where, `id must start with ${ID_PREFIX[name]}`);
    else if (allIds.has(item.id)) err(where, `duplicate id (also in ${allIds.get(item.id)})`);
    else allIds.set(item.id, name);
    if (!LANGS.has(item.language)) err(where, `unknown language ${item.language}`);
    if (!KINDS.has(item.kind)) err(where, `unknown kind ${item.kind}`);
    if (item.asker !== ORDINARY && !hrMembers.has(item.asker)) err(where, `asker ${item.asker} is neither ${ORDINARY} nor an hr member`);
    if (!Array.isArray(item.turns) || item.turns.length < 1 || item.turns.length > 2) {
      err(where, "turns must have 1 or 2 entries");
      continue;
    }
    if (item.kind === "follow-up" && item.turns.length !== 2) err(where, "a follow-up needs exactly 2 turns");
    if (item.kind !== "follow-up" && item.turns.length !== 1) err(where, `kind ${item.kind} needs exactly 1 turn`);
    if (item.kind === "unanswerable" && item.turns.some((t) => t.expect?.answerable !== false)) err(where, "unanswerable item with an answerable turn");
    if (item.kind === "answerable" && item.turns[0].expect?.answerable !== true) err(where, "answerable item whose turn expects not found");

    for (const [ti, turn] of item.turns.entries()) {
      const tw = `${where} turn ${ti + 1}`;
      const q = turn.question;
      if (typeof q !== "string" || q.trim().length < 3) {
        err(tw, "missing question");
        continue;
      }
      const qKey = q.trim().toLowerCase();
      if (allQuestions.has(qKey)) err(tw, `question repeated (also ${allQuestions.get(qKey)})`);
      else allQuestions.set(qKey, `${name}:${item.id}`);
      const exp = turn.expect;
      if (!exp || typeof exp.answerable !== "boolean") {
        err(tw, "expect.answerable must be true or false");
        continue;
      }
      if (!exp.answerable) {
        if (exp.document || exp.facts) err(tw, "an unanswerable turn must not name a document or facts");
        continue;
      }
      if (typeof exp.document !== "string") {
        err(tw, "answerable turn without document");
        continue;
      }
      const doc = loadDoc(exp.document);
      if (!doc) {
        err(tw, `document ${exp.document} does not exist under examples/knowledge`);
        continue;
      }
      if (doc.meta.language !== "mixed" && doc.meta.language !== item.language) {
        err(tw, `document language ${doc.meta.language} differs from item language ${item.language}`);
      }
      const audience = doc.meta.audience ?? "[all]";
      if (audience.includes("hr") && !hrMembers.has(item.asker)) err(tw, "HR-only document expected for a non-hr asker");
      if (!audience.includes("hr") && item.asker !== ORDINARY) warn(tw, "hr asker on a document everyone may read");
      if (!Array.isArray(exp.facts) || exp.facts.length < 1 || exp.facts.length > 3) {
        err(tw, "facts must be 1 to 3 groups");
        continue;
      }
      for (const [gi, group] of exp.facts.entries()) {
        if (!Array.isArray(group) || group.length === 0) {
          err(tw, `fact group ${gi + 1} is empty or not a list`);
          continue;
        }
        for (const alt of group) {
          if (typeof alt !== "string" || !alt.trim()) {
            err(tw, `fact group ${gi + 1} has an empty alternative`);
            continue;
          }
          if (!doc.body.includes(alt.toLowerCase())) err(tw, `fact "${alt}" is not a verbatim substring of ${exp.document}`);
          if (/\*\*|<|`/.test(alt)) warn(tw, `fact "${alt}" contains markup`);
          if ([...alt].length > 40) warn(tw, `fact "${alt}" is long (${[...alt].length} chars)`);
          if (qKey.includes(alt.toLowerCase())) warn(tw, `fact "${alt}" already appears in the question`);
        }
      }
    }
  }
}

// Counts
function counts(items) {
  const byLang = {};
  const byKind = {};
  const byLangKind = {};
  let turns = 0;
  let topicSwitch = 0;
  let hrDenied = 0;
  let hrAsker = 0;
  for (const it of items) {
    byLang[it.language] = (byLang[it.language] ?? 0) + 1;
    byKind[it.kind] = (byKind[it.kind] ?? 0) + 1;
    byLangKind[it.language] ??= { answerable: 0, unanswerable: 0, "follow-up": 0 };
    byLangKind[it.language][it.kind] = (byLangKind[it.language][it.kind] ?? 0) + 1;
    turns += it.turns.length;
    if (/topic switch/i.test(it.note ?? "")) topicSwitch++;
    if (/HR-only/i.test(it.note ?? "") && it.asker === ORDINARY) hrDenied++;
    if (hrMembers.has(it.asker)) hrAsker++;
  }
  return { items: items.length, turns, byLang, byKind, byLangKind, topicSwitch, hrDenied, hrAsker };
}

for (const [name, items] of Object.entries(sets)) {
  const c = counts(items);
  console.log(`\n${name}.json: ${c.items} items, ${c.turns} turns`);
  console.log(`  by kind: ${JSON.stringify(c.byKind)}`);
  console.log(`  follow-ups that switch topic: ${c.topicSwitch}; HR-only asked by ordinary employee: ${c.hrDenied}; asked by an hr member: ${c.hrAsker}`);
  console.log("  lang  answerable  follow-up  unanswerable  total");
  for (const lang of Object.keys(c.byLangKind).sort()) {
    const k = c.byLangKind[lang];
    console.log(`  ${lang.padEnd(4)}  ${String(k.answerable).padStart(10)}  ${String(k["follow-up"]).padStart(9)}  ${String(k.unanswerable).padStart(12)}  ${String(c.byLang[lang]).padStart(5)}`);
  }
}
const langs = new Set(Object.values(sets).flat().map((i) => i.language));
console.log(`\nlanguages across the sets checked: ${langs.size} (${[...langs].sort().join(", ")})`);
if (sets.test) {
  const c = counts(sets.test);
  if (c.items < 64) err("test.json", `only ${c.items} items (need at least 64)`);
  if ((c.byKind.unanswerable ?? 0) < 12) err("test.json", "fewer than 12 unanswerable items");
  if ((c.byKind["follow-up"] ?? 0) < 6) err("test.json", "fewer than 6 follow-up items");
}
if (sets.holdout) {
  const c = counts(sets.holdout);
  if (c.items < 90) err("holdout.json", `only ${c.items} items (need at least 90)`);
  if ((c.byKind.unanswerable ?? 0) < 15) err("holdout.json", "fewer than 15 unanswerable items");
  if ((c.byKind["follow-up"] ?? 0) < 15) err("holdout.json", "fewer than 15 follow-up items");
  if (new Set(sets.holdout.map((i) => i.language)).size < 8) err("holdout.json", "fewer than 8 languages");
}
if (sets.tune) {
  const c = counts(sets.tune);
  if (c.items < 150) err("tune.json", `only ${c.items} items (need at least 150)`);
  if ((c.byKind.unanswerable ?? 0) < 30) err("tune.json", "fewer than 30 unanswerable items");
  if ((c.byKind["follow-up"] ?? 0) < 30) err("tune.json", "fewer than 30 follow-up items");
  if (new Set(sets.tune.map((i) => i.language)).size < 8) err("tune.json", "fewer than 8 languages");
}
if (langs.size < 8) err("sets", `only ${langs.size} languages`);

for (const w of warnings) console.log(`warning: ${w}`);
for (const e of errors) console.log(`ERROR: ${e}`);
console.log(errors.length ? `\n${errors.length} error(s)` : "\nOK: all checks passed");
process.exit(errors.length ? 1 : 0);
