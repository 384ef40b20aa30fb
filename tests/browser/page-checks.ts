// What a person (or their screen reader) would notice is wrong with a page:
// axe-core's serious and critical accessibility violations, anything outside
// the window, and type too small to read. Each returns what it found, so a
// test's failure names the element.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's serious and critical violations on the page as it stands: "rule: target (summary)". */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated from outside the page, so a strict Content-Security-Policy (the report's) does not stop it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    }
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${n.failureSummary ?? ""})`));
  });
}

/**
 * What a person sees that reaches outside the window (text, pictures, the canvas, controls), and whether
 * the page scrolls: "tag.class [x,y,w,h]". Boxes that only lay things out are not looked at.
 */
export function outsideWindow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const W = window.innerWidth;
    const H = window.innerHeight;
    const out: string[] = [];
    const d = document.documentElement;
    if (d.scrollWidth > W + 1 || d.scrollHeight > H + 1) out.push(`page scrolls: ${d.scrollWidth}x${d.scrollHeight}`);
    const seen = (el: Element) =>
      ["IMG", "CANVAS", "svg", "BUTTON", "INPUT", "SELECT", "TEXTAREA"].includes(el.tagName) ||
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || !seen(el) || el.closest(".sr-only, .toasts")) continue;
      if (getComputedStyle(el).visibility === "hidden") continue;
      if (r.left < -1 || r.top < -1 || r.right > W + 1 || r.bottom > H + 1)
        out.push(
          `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} [${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)},${Math.round(r.height)}] "${(el.textContent ?? "").slice(0, 40)}"`,
        );
    }
    return out;
  });
}

/** Visible text set smaller than `min` pixels: "12px: words". Text hidden for screen readers only is left out. */
export function textSmallerThan(page: Page, min: number): Promise<string[]> {
  return page.evaluate((least) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest(".sr-only, script, style, option")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < least - 0.05) out.push(`${px}px: ${n.textContent.trim().slice(0, 40)}`);
    }
    return out;
  }, min);
}
