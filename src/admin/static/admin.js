// PolyDesk admin: progressive enhancement only; every page works without this file.
// Prevents double submission of a decision or an upload while the server works.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
  window.setTimeout(() => {
    for (const button of form.querySelectorAll('button[type="submit"]')) button.disabled = true;
  }, 0);
});
