/*
 * Keys for the comment listing and the detail view: j/k move to the next/previous comment, and
 * a/r/s/b/o click the element with data-moderation-key="<key>" in the current row (or on the detail
 * page), so a keyed decision is the very same form or link as a click. Wagtail's own "?" opens its
 * shortcuts dialog; this adds a "Moderation" section to it. Like Wagtail's w-kbd controller, nothing
 * fires when the moderator turned keyboard shortcuts off, while typing, or with a modifier key.
 */
(() => {
  const config = JSON.parse(document.getElementById('wagtail-config')?.textContent || '{}');
  // Wagtail's dialog arrives in a <template> that its w-teleport controller moves into the page once
  // Stimulus starts, which may be after this script: add the section as soon as the table is there.
  const section = document.getElementById('moderation-shortcuts');
  const addSection = () => {
    const dialogTable = document.querySelector('#keyboard-shortcuts-dialog table');
    if (!dialogTable) return false;
    if (!dialogTable.querySelector('#keyboard-shortut-group-moderation')) {
      dialogTable.append(section.content.cloneNode(true));
    }
    return true;
  };
  if (section && !addSection()) {
    const observer = new MutationObserver(() => addSection() && observer.disconnect());
    observer.observe(document.body, { childList: true, subtree: true });
  }
  if (!config.KEYBOARD_SHORTCUTS_ENABLED) return;

  const ACTION_KEYS = new Set(['a', 'r', 's', 'b', 'o']);
  const CURRENT = 'comment-row--current';
  const remembered = `moderation-row:${window.location.pathname}${window.location.search}`;
  const rows = () => [...document.querySelectorAll('#listing-results tbody tr')];
  const detail = () => document.querySelector('[data-moderation-keys="detail"]');

  const currentRow = () => rows().find((row) => row.classList.contains(CURRENT));

  const select = (row) => {
    rows().forEach((other) => other.classList.remove(CURRENT));
    if (!row) return;
    row.classList.add(CURRENT);
    const title = row.querySelector('td.title a') || row.querySelector('a, button');
    if (title) title.focus();
    row.scrollIntoView({ block: 'nearest' });
  };

  const move = (step) => {
    const all = rows();
    if (!all.length) return false;
    const index = all.indexOf(currentRow());
    const next = index === -1 ? (step > 0 ? 0 : all.length - 1) : index + step;
    select(all[Math.max(0, Math.min(all.length - 1, next))]);
    return true;
  };

  const typing = (target) =>
    target instanceof Element &&
    (target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') ||
      target.closest('[aria-modal="true"], dialog[open]'));

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    const key = event.key;
    if (rows().length && (key === 'j' || key === 'k')) {
      move(key === 'j' ? 1 : -1);
      event.preventDefault();
      return;
    }
    if (!ACTION_KEYS.has(key) && key !== 'j' && key !== 'k') return;
    const scope = rows().length ? currentRow() : detail();
    const target = scope?.querySelector(`[data-moderation-key="${key}"]`);
    if (!target) return;
    event.preventDefault();
    // Coming back to this list, the comment now in the same place is the current one.
    const index = rows().indexOf(scope);
    if (index !== -1) window.sessionStorage.setItem(remembered, String(index));
    target.click();
  });

  // Back on the list after a decision: the row where the moderator was is current again.
  const index = window.sessionStorage.getItem(remembered);
  if (index !== null) {
    window.sessionStorage.removeItem(remembered);
    const all = rows();
    if (all.length) select(all[Math.min(Number(index), all.length - 1)]);
  }
  document.body.dataset.moderationKeys = 'ready';
})();
