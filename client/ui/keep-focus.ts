// Panels are redrawn from each new view, which replaces their elements. A
// keyboard user's focus would fall back to the page's start every time anyone
// in the class did anything; this puts it back on the same control (found by
// its data-fk key, or by its tag, label and place among its look-alikes).
function keyOf(el: Element): string {
  const h = el as HTMLElement;
  const label = h.dataset.fk ?? h.id ?? "";
  return `${el.tagName}|${label || (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 80)}`;
}

function findSame(root: Element, key: string, nth: number): HTMLElement | null {
  const tag = key.slice(0, key.indexOf("|"));
  const same = [...root.querySelectorAll<HTMLElement>(tag)].filter((el) => keyOf(el) === key);
  return same[Math.min(nth, same.length - 1)] ?? null;
}

/** Runs `render` (which may replace what is inside `root`) and keeps the keyboard focus where it was. */
export function keepFocus(root: Element, render: () => void): void {
  const active = document.activeElement;
  if (!active || active === document.body || !root.contains(active)) return render();
  const key = keyOf(active);
  const tag = key.slice(0, key.indexOf("|"));
  const nth = [...root.querySelectorAll(tag)].filter((el) => keyOf(el) === key).indexOf(active);
  const input =
    active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      ? { start: active.selectionStart, end: active.selectionEnd }
      : null;
  render();
  if (root.contains(active) && document.activeElement === active) return;
  const again = findSame(root, key, Math.max(0, nth));
  if (!again) return;
  again.focus({ preventScroll: true });
  if (input && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement)) {
    try {
      again.setSelectionRange(input.start, input.end);
    } catch {
      /* not a text input */
    }
  }
}
