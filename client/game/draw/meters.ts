// The debrief's outcome meters and score bars, drawn as instruments on a dashboard.
import type { SessionView } from "../../../shared/view.ts";
import { FONT, hex } from "./palette.ts";
import type { Area } from "./table.ts";
import type { Kept } from "./kept.ts";

/** Type sizes for the space there is: a wide screen is read from further away; a phone's strip is packed tight. */
const sizes = (big: boolean, minPx = 0) => ({
  title: Math.max(minPx, big ? 20 : 14),
  end: Math.max(minPx, big ? 15 : 11),
  row: Math.max(minPx, big ? 16 : 12),
  gap: minPx ? 8 : 14,
  under: minPx ? 10 : 20,
  meterH: big ? 96 : minPx ? 2 * minPx + 24 : 72,
});

function meter(
  k: Kept,
  key: string,
  x: number,
  y: number,
  w: number,
  value: number,
  left: string,
  right: string,
  title: string,
  big: boolean,
  minPx = 0,
): void {
  const s = sizes(big, minPx);
  k.text(`${key}-title`, x + w / 2, y, `${title}: ${value > 0 ? "+" : ""}${value}`, {
    fontFamily: FONT,
    fontSize: `${s.title}px`,
    color: "#1d232b",
    fontStyle: "bold",
  }).setOrigin(0.5, 0);
  const barY = y + s.title + s.gap;
  k.rect(`${key}-bar`, x + w / 2, barY, w, big ? 16 : 12, 0xd8d4cb).setStrokeStyle(1, 0x1d232b);
  k.rect(`${key}-zero`, x + w / 2, barY, 2, big ? 26 : 20, 0x1d232b);
  const px = x + ((value + 100) / 200) * w;
  k.triangle(`${key}-needle`, px, barY + (minPx ? 2 : 14), [0, 10, 8, -4, 16, 10], 0x1f5fa8).setStrokeStyle(
    1,
    0x1d232b,
  );
  k.text(`${key}-left`, x, barY + s.under, left, { fontFamily: FONT, fontSize: `${s.end}px`, color: "#3b4450" });
  k.text(`${key}-right`, x + w, barY + s.under, right, {
    fontFamily: FONT,
    fontSize: `${s.end}px`,
    color: "#3b4450",
  }).setOrigin(1, 0);
}

export function drawMeters(
  k: Kept,
  view: SessionView,
  area: Area,
  opts: { scores?: boolean; minPx?: number } = {},
): void {
  const d = view.debrief;
  if (!d) return;
  const big = area.w > 640 && area.h > 330;
  const s = sizes(big, opts.minPx);
  const w = Math.min(area.w - 20, big ? 820 : 520);
  const x = area.x + (area.w - w) / 2;
  meter(
    k,
    "commons",
    x,
    area.y,
    w,
    d.commons,
    "National cyberspaces",
    "Global commons",
    "The Internet",
    big,
    opts.minPx,
  );
  meter(k, "stability", x, area.y + s.meterH, w, d.stability, "Unstable", "Stable", "Stability", big, opts.minPx);
  if (opts.scores === false) return;
  // Each delegation against its own walk-away (the middle line) and maximum (the right end): scales differ.
  const share = (sc: (typeof d.scores)[number]) =>
    Math.max(-1, Math.min(1, (sc.score - sc.walkAway) / Math.max(1, sc.maximum - sc.walkAway)));
  const gainWords = (sc: (typeof d.scores)[number]) => {
    const gain = sc.score - sc.walkAway;
    return gain > 0 ? `+${gain} of ${Math.max(0, sc.maximum - sc.walkAway)}` : gain === 0 ? "= walk-away" : `${gain}`;
  };
  const top = area.y + s.meterH * 2 + 6;
  const rowH = Math.min(big ? 32 : 26, (area.h - (top - area.y)) / Math.max(1, d.scores.length));
  // Three columns: names, the bars (zero in the middle), the points; nothing overlaps.
  const names = d.scores.map((sc) => {
    const del = view.scenario.delegations.find((x2) => x2.id === sc.delegation);
    return k.text(`score-${sc.delegation}-name`, x, 0, `${del?.emblem ?? ""} ${del?.name ?? sc.delegation}`, {
      fontFamily: FONT,
      fontSize: `${s.row}px`,
      color: "#1d232b",
    });
  });
  const nameW = Math.max(0, ...names.map((t) => t.width)) + 8;
  const pointsW = big ? 90 : 66;
  const barX = x + nameW;
  const barW = Math.max(40, w - nameW - pointsW);
  const zero = barX + barW / 2;
  d.scores.forEach((sc, i) => {
    const del = view.scenario.delegations.find((x2) => x2.id === sc.delegation);
    const y = top + i * rowH;
    names[i]!.setY(y);
    const bw = (barW / 2 - 4) * Math.abs(share(sc));
    k.rect(
      `score-${sc.delegation}-bar`,
      zero + (sc.score >= sc.walkAway ? bw / 2 : -bw / 2),
      y + rowH / 2 - 2,
      Math.max(2, bw),
      rowH - 8,
      hex(del?.colour ?? "#888888"),
    ).setStrokeStyle(1, 0x1d232b);
    k.text(`score-${sc.delegation}-points`, x + w, y, gainWords(sc), {
      fontFamily: FONT,
      fontSize: `${s.row}px`,
      color: "#1d232b",
      fontStyle: "bold",
    }).setOrigin(1, 0);
  });
  if (d.scores.length)
    k.rect("scores-zero", zero, top + (rowH * d.scores.length) / 2 - 2, 1, rowH * d.scores.length, 0x1d232b);
}
