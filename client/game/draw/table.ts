// The negotiating table: delegations seated around it in their colours, each
// with its emblem and name (never colour alone), how many delegates are
// online, and a star for the head of delegation.
import type { SessionView } from "../../../shared/view.ts";
import { FONT, FELT, TABLE_EDGE, hex } from "./palette.ts";
import type { Kept } from "./kept.ts";

export interface Area {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface SeatSpot {
  x: number;
  y: number;
  r: number;
}

export function drawTable(k: Kept, view: SessionView, mine: string | null, area: Area): Map<string, SeatSpot> {
  // Room under each seat for its two-line label, and at the sides for its width.
  const labelH = 30;
  const n = view.scenario.delegations.length;
  const r = Math.max(16, Math.min(34, area.w / (n * 2.6), area.h / 7));
  const cx = area.x + area.w / 2;
  const cy = area.y + (area.h - labelH) / 2 + 2;
  const rx = area.w / 2 - Math.max(r, Math.min(60, area.w / 7)) - 2;
  const ry = (area.h - labelH) / 2 - r - 2;
  const spots = new Map<string, SeatSpot>();
  // A phone has no room for a round table: the seats sit in a row along one side of a long one.
  const row = area.w < 500;
  if (row) k.rect("table-long", cx, area.y + area.h - 14, area.w - 16, 18, FELT).setStrokeStyle(4, TABLE_EDGE);
  else k.ellipse("table-round", cx, cy, rx * 1.55, ry * 1.35, FELT).setStrokeStyle(6, TABLE_EDGE);
  const slot = area.w / n;
  view.scenario.delegations.forEach((d, i) => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / n;
    const x = row ? area.x + slot * (i + 0.5) : cx + Math.cos(angle) * rx;
    const y = row ? area.y + Math.min(r, slot / 2 - 4) + 4 : cy + Math.sin(angle) * ry;
    const seats = view.seats.filter((s) => s.role === "delegate" && s.delegation === d.id);
    const online = seats.filter((s) => s.connected).length;
    const rr = row ? Math.min(r, slot / 2 - 4) : r;
    k.circle(`seat-${d.id}-disc`, x, y, rr, hex(d.colour))
      .setStrokeStyle(d.id === mine ? 5 : 2, d.id === mine ? 0xffbf47 : 0x1d232b)
      .setAlpha(seats.length === 0 ? 0.45 : 1);
    k.text(`seat-${d.id}-emblem`, x, y, d.emblem, {
      fontFamily: FONT,
      fontSize: `${Math.round(rr * 0.7)}px`,
      color: "#ffffff",
      fontStyle: "bold",
    }).setOrigin(0.5);
    const head = seats.some((s) => s.isHead) ? "★ " : "";
    const label = row
      ? `${head}${d.name}${d.id === mine ? " (you)" : ""}\n${seats.length === 0 ? "empty" : `● ${online}/${seats.length}`}`
      : `${head}${d.name}${d.id === mine ? " (you)" : ""}\n${seats.length === 0 ? "empty · abstains" : `● ${online}/${seats.length} online`}`;
    const text = k
      .text(`seat-${d.id}-label`, x, y + rr + 3, label, {
        fontFamily: FONT,
        fontSize: `${row ? 10 : Math.max(11, Math.round(r * 0.42))}px`,
        color: "#1d232b",
        align: "center",
        backgroundColor: "#ffffffcc",
        padding: { x: 3, y: 1 },
        wordWrap: row ? { width: slot - 4 } : undefined,
      })
      .setOrigin(0.5, 0)
      .setName(`seat-${d.id}`);
    // Keep the label on the canvas at the left and right edges.
    const half = text.width / 2;
    text.setX(Math.min(Math.max(x, area.x + half + 2), area.x + area.w - half - 2));
    spots.set(d.id, { x, y, r: rr });
  });
  return spots;
}
