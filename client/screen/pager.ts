// The projector never cuts anything off: its content flows into columns of
// the height there is (two side by side on the screen), and what does not
// fit goes on the next page, which turns by itself, with "page 1 of 2" in
// the corner. Blocks (a provision, a delegation's result) are never split;
// a block taller than a whole column is scaled down to fit rather than cut.
// The pages are measured again only when the content or the window changes.
import { h } from "../ui/dom.ts";
import { setText } from "../ui/keyed.ts";

/** How long a page stays up before the next: long enough to read a provision from the back of the room. */
const PAGE_MS = 12_000;

export interface Pager {
  /**
   * Lays the blocks out again (after the content changed). Shows the page holding `focus` (what just
   * changed, or an open vote: what the room should be looking at), else keeps the page shown if it is still there.
   */
  measure(focus?: Element | null): void;
  /** Back to the first page, for its full time (the content was just put on the screen). */
  restart(): void;
  /** The "page 1 of 2" line, to put where the room can see it. */
  readonly label: HTMLElement;
}

/**
 * Pages through `content` (an element filling its parent's height), whose
 * blocks `blocks()` returns, `columns` columns to a page. `blocks` is called
 * on each measure, so it may return elements rebuilt since.
 */
export function pager(content: HTMLElement, blocks: () => HTMLElement[], columns = 2): Pager {
  const label = h("p", { class: "page-of" });
  content.classList.add("paged");
  content.style.columnCount = String(columns);
  let pageOf = new Map<HTMLElement, number>();
  let count = 1;
  let shown = 0;
  const stride = () => content.clientWidth + parseFloat(getComputedStyle(content).columnGap || "0");
  const show = (n: number) => {
    shown = n % count;
    content.style.transform = shown ? `translateX(${-shown * stride()}px)` : "";
    // Blocks on other pages are out of sight and out of the way of a screen reader's reading.
    for (const [el, page] of pageOf) el.style.visibility = page === shown ? "" : "hidden";
    setText(label, count > 1 ? `page ${shown + 1} of ${count}` : "");
    // The line keeps its room when there is one page: the pages were measured with it there.
    label.style.visibility = count > 1 ? "visible" : "hidden";
  };
  let turned = Date.now();
  const measure = (focus?: Element | null) => {
    if (!content.isConnected) return;
    const all = blocks();
    content.style.transform = "";
    for (const el of all) {
      el.style.visibility = "";
      el.style.breakInside = "avoid";
      el.style.removeProperty("zoom");
    }
    const box = content.getBoundingClientRect();
    const column = stride() / columns;
    pageOf = new Map();
    for (const el of all) {
      let r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // One block taller than a column: shrunk to fit (a very long provision on a small screen).
      if (r.height > box.height && box.height > 0) {
        el.style.setProperty("zoom", String(Math.max(0.4, (box.height - 2) / r.height)));
        r = el.getBoundingClientRect();
      }
      const col = Math.max(0, Math.floor((r.left - box.left + 2) / column));
      pageOf.set(el, Math.floor(col / columns));
    }
    count = pageOf.size ? Math.max(...pageOf.values()) + 1 : 1;
    const block = focus ? all.find((el) => el === focus || el.contains(focus)) : undefined;
    const wanted = block ? pageOf.get(block) : undefined;
    if (wanted !== undefined && wanted !== shown) turned = Date.now();
    show(wanted ?? (shown < count ? shown : 0));
  };
  // Each page stays up its full time, also after a change brought another one up.
  setInterval(() => {
    if (count < 2 || !content.isConnected || Date.now() - turned < PAGE_MS - 500) return;
    turned = Date.now();
    show(shown + 1);
  }, 1000);
  return {
    measure,
    label,
    restart() {
      turned = Date.now();
      shown = 0;
    },
  };
}
