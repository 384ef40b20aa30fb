// The teacher's pack printed as a teacher prints it: from the home page (the
// public parts) and from the host console (role sheets too), to PDF by
// Chromium, the first page turned into a PNG (pdftoppm) to look at, and the
// text a reader would see read back from the PDF (pdftotext, poppler-utils).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import { defaultScenario } from "../../content/load.ts";
import { SHOTS, newPage, openHostConsole, withBrowserAndServer } from "./harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

const PDFS = join(SHOTS, "..", "pdf");

/** Prints the page to PDF as the browser's "Save as PDF" does, and returns the file, its text and its page count. */
async function print(page: Page, name: string): Promise<{ file: string; text: string; pages: number }> {
  mkdirSync(PDFS, { recursive: true });
  const file = join(PDFS, `${name}.pdf`);
  await page.pdf({ path: file, format: "A4", printBackground: true });
  // The first page as a picture, to look at (test-artifacts/screens/<name>.png).
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, join(SHOTS, name)]);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return { file, text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
}

/** Text as pdftotext gives it, with line breaks and runs of spaces made single spaces. */
const flat = (s: string) => s.replace(/\s+/g, " ");
/** Words of a brief no other brief has (every brief opens with the same role-play note). */
const own = (text: string) => flat(text).slice(140, 200);

describe("the teacher's pack", () => {
  test("the home page opens the scenario's public pack; role sheets are not in it", async () => {
    const { page } = await newPage(browser, { width: 1280, height: 900 });
    await page.goto(`${server.url}/`);
    await page.click("#host-new summary");
    await page.locator("#pack-link").waitFor({ state: "visible" });
    expect(await page.getAttribute("#pack-link", "href")).toBe("/pack/cyber-code");
    const [pack] = await Promise.all([page.context().waitForEvent("page"), page.click("#pack-link")]);
    await pack.waitForLoadState();
    expect(await pack.textContent("h1")).toBe("A Code of Conduct for Cyberspace");
    const body = await pack.textContent("body");
    expect(body).toContain("printed only from a session's console");
    await pack.locator(".pack-nav").getByRole("link", { name: "Lesson plans" }).click();
    await expect
      .poll(() => pack.locator("h1").allTextContents())
      .toEqual(["One 45-minute period", "Two periods", "A 90-minute workshop"]);
    const plans = await print(pack, "pack-plans");
    expect(plans.pages).toBeGreaterThanOrEqual(3);
    expect(flat(plans.text)).toContain("0:03–0:08");
    expect(plans.text).not.toContain("Print or save as PDF");
    // No secret anywhere in the public pack.
    for (const d of defaultScenario().delegations) {
      expect(flat(plans.text)).not.toContain(own(d.brief.instructions));
    }
  });

  test("from the console: the handout and a role sheet printed to PDF", async () => {
    const { page: host, code, hostKey } = await openHostConsole(browser, server);
    const [pack] = await Promise.all([host.context().waitForEvent("page"), host.click("#pack-link")]);
    await pack.waitForLoadState();
    expect(await pack.textContent("body")).toContain(`session ${code}`);

    await pack.locator(".pack-nav").getByRole("link", { name: "Student handout" }).click();
    await pack.locator("#handout").waitFor();
    const handout = await print(pack, "pack-handout");
    const text = flat(handout.text);
    expect(handout.pages).toBe(1);
    expect(text).toContain("A Code of Conduct for Cyberspace");
    expect(text).toContain("How to join");
    expect(text).toContain(`${server.url}/j/${code}`);
    expect(text).toContain(code);
    expect(text).toContain("Type a display name");
    expect(text).toContain("every team and private channel is shown to the whole class");
    expect(text).not.toContain("Print or save as PDF");
    expect(text).not.toContain("Contents");

    const scenario = defaultScenario();
    const china = scenario.delegations.find((d) => d.id === "china")!;
    await pack.goto(`${server.url}/host/${code}/pack/roles/china?key=${encodeURIComponent(hostKey)}`);
    await pack.locator("#role-china").waitFor();
    const role = await print(pack, "pack-role-china");
    const roleText = flat(role.text);
    expect(roleText).toContain("CONFIDENTIAL");
    expect(roleText).toContain("China");
    // The same slices the checks below look for in the other delegations' briefs, found in China's own.
    expect(roleText).toContain(own(china.brief.instructions));
    expect(roleText).toContain(flat(china.brief.walkAway.alternative).slice(0, 60));
    expect(roleText).toContain(`Your walk-away: ${china.brief.walkAway.value} points`);
    expect(roleText).toContain("Never sign anything about free flow");
    for (const other of scenario.delegations.filter((d) => d.id !== "china")) {
      expect(roleText).not.toContain(own(other.brief.instructions));
      expect(roleText).not.toContain(flat(other.brief.walkAway.alternative).slice(0, 60));
    }

    // All the sheets at once: each delegation starts its own page.
    await pack.goto(`${server.url}/host/${code}/pack/roles?key=${encodeURIComponent(hostKey)}`);
    const all = await print(pack, "pack-roles");
    for (const [i, d] of scenario.delegations.entries()) {
      expect(flat(all.text)).toContain(own(d.brief.instructions));
      if (i === 0) continue;
      // The page on which this delegation's sheet begins shows no earlier delegation's brief.
      const pages = all.text.split("\f");
      const first = pages.findIndex((p) => flat(p).includes(`For the delegation of ${d.name} only`));
      expect(first).toBeGreaterThan(0);
      expect(flat(pages[first]!)).not.toContain(own(scenario.delegations[i - 1]!.brief.instructions));
    }
  });
});
