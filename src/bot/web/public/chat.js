// Local chat page: posts the question, reads newline-delimited JSON events and renders answers with
// DOM APIs only (createElement, textContent; never innerHTML): quoted lines as blockquotes, [n] as
// the cited document's title, 👍/👎 under each answer. Its messages and the question limit come in
// <body data-…> (chat-page.ts), in the browser's language.
// Right to left: each bubble takes its direction from its own text (dir="auto"), whatever the page's;
// what the page itself says inside a bubble (sources heading, 👍/👎, notes) keeps the page's language
// and direction; document titles and quoted passages are isolated, so that a Latin title or a [n]
// beside Hebrew or Arabic text keeps its place and its brackets.
const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('q');
const tooLong = document.getElementById('too-long');
const settings = document.body.dataset;
const messages = JSON.parse(settings.messages || '{}');
const maxChars = Number(settings.maxQuestionChars) || Number.POSITIVE_INFINITY;
const history = [];
const pageLanguage = settings.language || 'en';
const pageDirection = document.documentElement.dir || 'ltr';

/** Outcomes shown as an answer with sources and 👍/👎, as in Slack. */
const RATED = new Set(['answered', 'not_found']);
/** A quoted line, as the extractive answers and Markdown write it. */
const QUOTE = /^ {0,3}> ?(.*)$/;
const MARKER = /\[(\d{1,3})\]/g;

function element(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Marks a node as the page's own words, in the page's language and direction. */
function chrome(node) {
  node.lang = pageLanguage;
  node.dir = pageDirection;
  return node;
}

function item(cls, text) {
  const li = element('li', cls);
  li.dir = 'auto';
  li.appendChild(element('div', 'text', text));
  log.appendChild(li);
  li.scrollIntoView({ block: 'end' });
  return li;
}

/** Text with each [n] of a known source replaced by a link to it that names the document. */
function appendCited(parent, text, sources) {
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const source = sources.byNumber.get(Number(m[1]));
    if (!source) continue;
    parent.append(text.slice(last, m.index));
    const link = element('a', 'cite');
    link.href = '#' + sources.anchor + source.n;
    const title = element('cite', '', source.title);
    title.dir = 'auto';
    link.append(element('span', 'n', String(source.n)), title);
    parent.append(link);
    last = m.index + m[0].length;
  }
  parent.append(text.slice(last));
}

/** Renders an answer's text: runs of quoted lines as one blockquote, other text as paragraphs. */
function renderText(box, text, sources) {
  box.replaceChildren();
  let quote;
  let paragraph = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    const p = element('p');
    appendCited(p, paragraph.join('\n'), sources);
    box.appendChild(p);
    paragraph = [];
  };
  for (const line of String(text).split('\n')) {
    const quoted = QUOTE.exec(line);
    if (quoted) {
      flush();
      if (!quote) quote = box.appendChild(element('blockquote'));
      // A quote is the document's text, maybe in another language than the answer around it.
      const p = element('p');
      p.dir = 'auto';
      appendCited(p, quoted[1], sources);
      quote.appendChild(p);
    } else {
      quote = undefined;
      if (line.trim() === '') flush();
      else paragraph.push(line);
    }
  }
  flush();
}

const NO_SOURCES = { byNumber: new Map(), anchor: '' };

function sourcesOf(answer) {
  return {
    byNumber: new Map(answer.citations.map((c) => [c.n, c])),
    anchor: 'src-' + answer.questionId + '-',
  };
}

function renderSources(li, answer, sources) {
  const box = chrome(element('div', 'sources'));
  box.appendChild(element('div', 'heading', messages.sources));
  const ol = element('ol');
  for (const c of answer.citations) {
    const entry = element('li');
    entry.value = c.n;
    entry.id = sources.anchor + c.n;
    if (c.url && /^https?:\/\//i.test(c.url)) {
      const a = element('a', '', c.title);
      a.dir = 'auto';
      a.href = c.url;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      entry.appendChild(a);
    } else entry.appendChild(element('bdi', 'title', c.title));
    entry.append(' ', element('bdi', 'source', c.source));
    // "Summarise" next to each source of an answer (a summary's own sources are its sections).
    if (!answer.summary && messages['summary.action']) {
      const summarise = chrome(element('button', 'summarise small', messages['summary.action']));
      summarise.type = 'button';
      summarise.addEventListener('click', () =>
        send({ summarize: c.source }, messages['summary.action'] + ': ' + c.title),
      );
      entry.append(' ', summarise);
    }
    ol.appendChild(entry);
  }
  box.appendChild(ol);
  li.appendChild(box);
}

/** 👍/👎 under an answer; a second click changes the rating (the server keeps one per person). */
function addFeedback(li, questionId) {
  const bar = chrome(element('div', 'feedback'));
  const thanks = element('span', 'thanks');
  thanks.setAttribute('role', 'status');
  const buttons = [
    ['up', '👍', messages.helpful],
    ['down', '👎', messages.notHelpful],
  ].map(([rating, icon, label]) => {
    const button = element('button', 'rate');
    button.type = 'button';
    button.setAttribute('aria-pressed', 'false');
    const mark = element('span', '', icon);
    mark.setAttribute('aria-hidden', 'true');
    button.append(mark, ' ' + label);
    button.addEventListener('click', async () => {
      for (const b of buttons) b.disabled = true;
      try {
        const res = await fetch('/api/chat/feedback', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ questionId, rating }),
        });
        if (!res.ok) throw new Error('HTTP ' + res.status);
        for (const b of buttons) b.setAttribute('aria-pressed', String(b === button));
        thanks.textContent = messages.feedbackThanks;
      } catch {
        thanks.textContent = messages.failed;
      } finally {
        for (const b of buttons) b.disabled = false;
      }
    });
    return button;
  });
  bar.append(...buttons, thanks);
  li.appendChild(bar);
}

function renderDone(li, answer) {
  const sources = sourcesOf(answer);
  renderText(li.querySelector('.text'), answer.answer, sources);
  // A standard answer: its title above, "answered by <team> on <date>" below (both checked by the server's guard).
  if (answer.standard) {
    const title = element('div', 'standard-title', answer.standard.title);
    title.dir = 'auto';
    li.insertBefore(title, li.querySelector('.text'));
    const byline = element('div', 'note standard-byline', answer.standard.byline);
    byline.dir = 'auto';
    li.appendChild(byline);
  }
  if (answer.status === 'held') li.classList.add('held');
  if (answer.citations.length > 0) renderSources(li, answer, sources);
  if (answer.extractive && answer.status === 'answered')
    li.appendChild(chrome(element('div', 'note', messages['extractive.note'])));
  if (RATED.has(answer.status)) addFeedback(li, answer.questionId);
  if (answer.handOff && RATED.has(answer.status)) addHandOff(li, answer.questionId);
}

// "Ask a person", offered under an answer when a route takes the question. The experts' replies
// come as bubbles of their own (checked by the server's guard for this asker): asked for every 10 s
// while a hand-off is open or a reply waits for a reviewer (for up to an hour), and read when the
// page opens, so that an asker who comes back finds them. A held reply's bubble is rewritten once
// a reviewer decides: the text they released, or that it will not be shared.
const handOffs = new Map(); // question id → the bubbles of its replies shown, with their status
let handOffTimer;
let handOffPolls = 0;

function addHandOff(li, questionId) {
  const bar = chrome(element('div', 'handoff'));
  const status = element('span', 'status');
  status.setAttribute('role', 'status');
  const button = element('button', 'ask-person', messages['handoff.ask']);
  button.type = 'button';
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const res = await fetch('/api/chat/escalate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ questionId }),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) {
        status.textContent = messages['handoff.unavailable'];
        button.disabled = res.status === 404;
        return;
      }
      status.textContent = messages[body.status === 'already' ? 'handoff.already' : 'handoff.sent'];
      button.hidden = true;
      if (!handOffs.has(questionId)) handOffs.set(questionId, new Map());
      handOffPolls = 0;
      watchHandOffs();
    } catch {
      status.textContent = messages.failed;
      button.disabled = false;
    }
  });
  bar.append(button, status);
  li.appendChild(bar);
}

/** Shows a reply in its bubble: its text, marked while it is not what the expert wrote. */
function showReply(li, reply) {
  renderText(li.querySelector('.text'), reply.text, NO_SOURCES);
  li.classList.toggle('held', reply.status !== 'relayed');
}

/**
 * Shows the replies of each hand-off not shown yet, and rewrites those whose status changed (a
 * reviewer's decision); true while a hand-off is open or a reply waits for a reviewer.
 */
function showHandOffs(list, atLoad) {
  let open = false;
  // Oldest first, as a conversation reads.
  for (const handOff of [...list].reverse()) {
    if (!handOffs.has(handOff.questionId)) {
      if (!atLoad) continue;
      item('user', handOff.question);
      if (handOff.replies.length === 0) chrome(item('bot note', messages['handoff.already']).firstChild);
      handOffs.set(handOff.questionId, new Map());
    }
    // By the reply's id, not its place in the list: a reply relayed late (a retry) gets a bubble
    // of its own, and no bubble shows another reply's text.
    const shown = handOffs.get(handOff.questionId);
    for (const reply of handOff.replies) {
      if (!shown.has(reply.id)) shown.set(reply.id, { li: item('bot reply', ''), status: undefined });
      const bubble = shown.get(reply.id);
      if (bubble.status !== reply.status) showReply(bubble.li, reply);
      bubble.status = reply.status;
      if (reply.status === 'held') open = true;
    }
    if (handOff.status === 'open') open = true;
  }
  return open;
}

async function readHandOffs(atLoad) {
  handOffTimer = undefined;
  handOffPolls += 1;
  let open = true;
  try {
    const res = await fetch('/api/chat/handoffs', { cache: 'no-store' });
    if (res.status >= 400 && res.status < 500) return; // signed out, or hand-offs are off
    if (res.ok) open = showHandOffs((await res.json()).handOffs || [], atLoad);
  } catch {
    // offline for a moment: asked again on the next turn
  }
  if (open && handOffs.size > 0) watchHandOffs();
}

function watchHandOffs() {
  if (handOffTimer || handOffPolls >= 360) return;
  handOffTimer = setTimeout(() => readHandOffs(false), 10000);
}

if (settings.handOff === '1') readHandOffs(true);

// A held answer: ask every 10 s (for up to an hour) whether a reviewer released it. One request at
// a time (the next is planned when this one ends); a server error or a dropped connection is asked
// again on the next turn, and only an answer that is gone (404) or a refused sign-in stops it.
function watchHeld(li, answer) {
  let tries = 0;
  const settle = (held) => {
    li.classList.remove('held');
    const box = li.querySelector('.text');
    if (held.status === 'approved') {
      const released = { ...answer, citations: held.citations || [] };
      const sources = sourcesOf(released);
      renderText(box, held.answer, sources);
      if (released.citations.length > 0) renderSources(li, released, sources);
      addFeedback(li, answer.questionId);
    } else box.textContent = messages.rejected;
  };
  const ask = async () => {
    tries += 1;
    try {
      const res = await fetch('/api/chat/held/' + encodeURIComponent(answer.reviewId), { cache: 'no-store' });
      if (res.status >= 500) return next();
      if (!res.ok) return; // 404 (not this asker's, or gone) or 401/403: stop asking
      const held = await res.json();
      if (held.status === 'pending') return next();
      settle(held);
    } catch {
      next(); // offline for a moment
    }
  };
  const next = () => {
    if (tries < 360) setTimeout(ask, 10000);
  };
  next();
}

/** Shows the localised notice while the question is over the limit; true when it may be sent. */
function checkLength() {
  const over = input.value.trim().length > maxChars;
  tooLong.hidden = !over;
  tooLong.textContent = over ? messages.questionTooLong : '';
  return !over;
}

/**
 * Posts a question or a summary request and renders the streamed events into a new bot bubble:
 * `status` (a summary's progress), `text` (the checked text so far), `done`, `error`.
 */
async function send(payload, shown) {
  item('user', shown);
  const li = item('bot', payload.summarize ? messages['summary.working'] || '…' : '…');
  const box = li.querySelector('.text');
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const res = await fetch('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...payload, history: history.slice(-6), locale: navigator.language }),
    });
    if (res.status === 401) {
      // WEB_CHAT=on and the session has ended: sign in again, then come back here.
      box.textContent = messages['page.signInAgain'];
      window.location.assign('/admin/login?next=%2F');
      return;
    }
    if (!res.ok || !res.body) throw new Error('HTTP ' + res.status);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line) continue;
        const ev = JSON.parse(line);
        if (ev.type === 'text') renderText(box, ev.text, NO_SOURCES);
        else if (ev.type === 'status') box.textContent = ev.text;
        else if (ev.type === 'done') {
          renderDone(li, ev.answer);
          if (ev.answer.status === 'held' && ev.answer.reviewId) watchHeld(li, ev.answer);
          if (!payload.summarize && !ev.answer.summary)
            history.push({ role: 'user', text: shown }, { role: 'assistant', text: ev.answer.answer });
        } else if (ev.type === 'error') box.textContent = ev.message;
      }
    }
  } catch {
    box.textContent = messages.failed;
  } finally {
    button.disabled = false;
    input.focus();
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  // Never cut a pasted question: it stays in the box, with the notice, until it is shortened.
  if (!checkLength()) return input.focus();
  input.value = '';
  await send({ question }, question);
});

input.addEventListener('input', checkLength);
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});
