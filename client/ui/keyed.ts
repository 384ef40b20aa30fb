// Panels are drawn from every new view, but their elements are kept: each
// part of a panel (a provision row, a stance chip, a chat line) is rebuilt
// only when the data it shows changed. A tap that lands while the class keeps
// changing things acts on the element it was aimed at, focus and scroll stay
// where they were, and a long lesson does not pile up discarded elements.

const same = (a: unknown) => JSON.stringify(a);

/** One place in a panel whose content is replaced only when its data changed. */
export class Spot {
  private node: Node = document.createComment("");
  private shown: string | undefined;

  /** The node to put in the page once (the spot replaces it later by itself). */
  get el(): Node {
    return this.node;
  }

  /** Shows what `render` makes, unless `data` is what is shown already. */
  show(data: unknown, render: () => Node | null | undefined): void {
    const sig = same(data);
    if (sig === this.shown) return;
    this.shown = sig;
    const next = render() ?? document.createComment("");
    this.node.parentNode?.replaceChild(next, this.node);
    this.node = next;
  }
}

interface Kept {
  sig: string;
  el: Element;
}
const lists = new WeakMap<Element, Map<string, Kept>>();

/**
 * Makes `parent`'s children the rendering of `items`, in order: an item whose
 * data did not change keeps its element, a changed one gets a new element in
 * the same place, and elements of items that left are removed.
 */
export function keyedList<T>(
  parent: Element,
  items: readonly T[],
  key: (item: T) => string,
  data: (item: T) => unknown,
  render: (item: T) => Element,
): void {
  let kept = lists.get(parent);
  if (!kept) {
    kept = new Map();
    lists.set(parent, kept);
    parent.replaceChildren();
  }
  const next = new Map<string, Kept>();
  for (const item of items) {
    const k = key(item);
    const sig = same(data(item));
    const old = kept.get(k);
    next.set(k, old && old.sig === sig ? old : { sig, el: render(item) });
  }
  for (const [k, old] of kept) if (next.get(k) !== old) old.el.remove();
  // Put each element in its place; elements already in place are not touched.
  let at: ChildNode | null = parent.firstChild;
  for (const { el } of next.values()) {
    if (at === el) at = at.nextSibling;
    else parent.insertBefore(el, at);
  }
  while (at) {
    const after: ChildNode | null = at.nextSibling;
    at.remove();
    at = after;
  }
  lists.set(parent, next);
}

/** Sets an element's text only when it differs (a text node replaced is a screen reader's re-read). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/**
 * Runs `render` only when one of `parts` differs from the last call's. Parts are
 * compared by identity: a view applies patches by copying only what changed
 * (shared/patch.ts), so an unchanged part of the view is the same object, and
 * telling what changed costs nothing however large the view is.
 */
export function whenChanged(): (parts: readonly unknown[], render: () => void) => void {
  let shown: readonly unknown[] | null = null;
  return (parts, render) => {
    if (shown && shown.length === parts.length && parts.every((p, i) => p === shown![i])) return;
    shown = [...parts];
    render();
  };
}

/** The parts of a view (its top-level members) except those named: what whenChanged compares. */
export function partsOf(view: object, except: readonly string[] = []): unknown[] {
  return Object.entries(view)
    .filter(([k]) => !except.includes(k))
    .flatMap(([k, v]) => [k, v]);
}
