// Local chat page: posts the question, reads newline-delimited JSON events, renders text safely (textContent only).
const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('q');
const history = [];

function item(cls, text) {
  const li = document.createElement('li');
  li.className = cls;
  const body = document.createElement('div');
  body.className = 'text';
  body.textContent = text;
  li.appendChild(body);
  log.appendChild(li);
  li.scrollIntoView({ block: 'end' });
  return li;
}

function renderDone(li, answer) {
  li.querySelector('.text').textContent = answer.answer;
  if (answer.status === 'held') li.classList.add('held');
  if (answer.citations.length > 0) {
    const box = document.createElement('div');
    box.className = 'sources';
    box.textContent = 'Sources';
    const ol = document.createElement('ol');
    for (const c of answer.citations) {
      const entry = document.createElement('li');
      entry.value = c.n;
      if (c.url && /^https?:\/\//.test(c.url)) {
        const a = document.createElement('a');
        a.href = c.url;
        a.rel = 'noopener noreferrer';
        a.textContent = c.title;
        entry.appendChild(a);
      } else {
        entry.textContent = c.title + ' (' + c.source + ')';
      }
      ol.appendChild(entry);
    }
    box.appendChild(ol);
    li.appendChild(box);
  }
  if (answer.extractive && answer.status === 'answered') {
    const note = document.createElement('div');
    note.className = 'note';
    note.textContent = 'Quoted from the documents (' + answer.generator + ').';
    li.appendChild(note);
  }
}

// A held answer: ask every 10 s (for up to an hour) whether a reviewer released it.
function watchHeld(li, reviewId) {
  let tries = 0;
  const timer = setInterval(async () => {
    tries += 1;
    if (tries > 360) return clearInterval(timer);
    try {
      const res = await fetch('/api/chat/held/' + encodeURIComponent(reviewId), { cache: 'no-store' });
      if (!res.ok) return clearInterval(timer);
      const held = await res.json();
      if (held.status === 'pending') return;
      clearInterval(timer);
      li.classList.remove('held');
      if (held.status === 'approved') li.querySelector('.text').textContent = held.answer;
      else li.querySelector('.text').textContent += ' (The reviewer did not release this answer.)';
    } catch {
      // offline for a moment: try again on the next tick
    }
  }, 10000);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  input.value = '';
  item('user', question);
  const li = item('bot', '…');
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const res = await fetch('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question, history: history.slice(-6), locale: navigator.language }),
    });
    if (res.status === 401) {
      // WEB_CHAT=on and the session has ended: sign in again, then come back here.
      li.querySelector('.text').textContent = 'Please sign in again.';
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
        if (ev.type === 'text') li.querySelector('.text').textContent = ev.text;
        else if (ev.type === 'done') {
          renderDone(li, ev.answer);
          if (ev.answer.status === 'held' && ev.answer.reviewId) watchHeld(li, ev.answer.reviewId);
          history.push({ role: 'user', text: question }, { role: 'assistant', text: ev.answer.answer });
        } else if (ev.type === 'error') li.querySelector('.text').textContent = ev.message;
      }
    }
  } catch {
    li.querySelector('.text').textContent = 'The server could not be reached. Please try again.';
  } finally {
    button.disabled = false;
    input.focus();
  }
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});
