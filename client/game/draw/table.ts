// The negotiating table: delegations seated around it in their colours, each
// with its emblem and name (never colour alone), how many delegates are
// online, and a star for the head of delegation.
import type { SessionView } from "../../../shared/view.ts";
import { FONT, FELT, TABLE_EDGE, hex } from "./palette.ts";
import type { Kept } from "./kept.ts";
import { inkOn } from "../../ui/ink.ts";

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

/** How the table is laid out where it is drawn: a phone's strip and the projector's band seat everyone in a row. */
export interface TableStyle {
  /** Seats in a row along one side of a long table (a narrow or a low space); else round the table. */
  row?: boolean;
  /** Seats one under the other down a long table, labels beside them (the projector's side band). */
  column?: boolean;
  /** The labels' type size: a phone's is at least 14 px, the projector's at least 28 px. */
  labelPx?: number;
  /** The second line of a seat's label instead of its online count (the projector's "✍ signed" in signing). */
  status?: (delegation: string) => string | null;
  /** A row without the names (a phone's strip): the emblem stands for them; the page's text names everyone. */
  short?: boolean;
}

/** Below this width a table has no room to be round. */
export const ROW_BELOW = 500;

/** The seats' label lines: star for the head, name, who is online (or what the caller says instead). */
export function seatLabel(view: SessionView, d: SessionView["scenario"]["delegations"][number], mine: string | null) {
  const seats = view.seats.filter((s) => s.role === "delegate" && s.delegation === d.id);
  const online = seats.filter((s) => s.connected).length;
  const head = seats.some((s) => s.isHead) ? "★ " : "";
  return {
    seats,
    name: `${head}${d.name}${d.id === mine ? " (you)" : ""}`,
    presence: seats.length === 0 ? "empty · abstains" : `● ${online}/${seats.length} online`,
    short: seats.length === 0 ? "empty" : `● ${online}/${seats.length}`,
  };
}

export function drawTable(
  k: Kept,
  view: SessionView,
  mine: string | null,
  area: Area,
  style: TableStyle = {},
): Map<string, SeatSpot> {
  if (style.column) return drawColumn(k, view, mine, area, style);
  const row = style.row ?? area.w < ROW_BELOW;
  const n = view.scenario.delegations.length;
  const slot = area.w / n;
  const r0 = Math.max(16, Math.min(34, area.w / (n * 2.6), area.h / 7));
  const labelPx = style.labelPx ?? Math.max(14, Math.round(r0 * 0.42));
  const lines = style.short ? 1 : 2;
  // Room under each seat for its label, and at the sides for its width.
  const labelH = Math.ceil(labelPx * 1.25 * lines + 4);
  const cx = area.x + area.w / 2;
  const spots = new Map<string, SeatSpot>();
  // In a row the discs share the height with their labels and a strip of table under them.
  const rowR = Math.max(12, Math.min(slot / 2 - 6, (area.h - labelH - 30) / 2, labelPx * 1.6));
  const r = row ? rowR : r0;
  const cy = area.y + (area.h - labelH) / 2 + 2;
  const rx = area.w / 2 - Math.max(r, Math.min(60, area.w / 7)) - 2;
  const ry = (area.h - labelH) / 2 - r - 2;
  const tableH = Math.max(10, Math.min(18, area.h - labelH - r * 2 - 10));
  if (row)
    k.rect("table-long", cx, area.y + area.h - tableH / 2 - 3, area.w - 16, tableH, FELT).setStrokeStyle(4, TABLE_EDGE);
  else k.ellipse("table-round", cx, cy, rx * 1.55, ry * 1.35, FELT).setStrokeStyle(6, TABLE_EDGE);
  view.scenario.delegations.forEach((d, i) => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / n;
    const x = row ? area.x + slot * (i + 0.5) : cx + Math.cos(angle) * rx;
    const y = row ? area.y + r + 3 : cy + Math.sin(angle) * ry;
    const label = seatLabel(view, d, mine);
    drawSeat(k, d, x, y, r, labelPx, mine, label.seats.length === 0);
    const second = style.status?.(d.id) ?? (row && slot < 200 ? label.short : label.presence);
    const words = style.short ? second : `${label.name}\n${second}`;
    const text = k
      .text(`seat-${d.id}-label`, x, y + r + 3, words, {
        fontFamily: FONT,
        fontSize: `${labelPx}px`,
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
    spots.set(d.id, { x, y, r });
  });
  return spots;
}

/** A delegation's disc and emblem: ringed in gold for the viewer's own, faded while nobody sits there. */
function drawSeat(
  k: Kept,
  d: SessionView["scenario"]["delegations"][number],
  x: number,
  y: number,
  r: number,
  labelPx: number,
  mine: string | null,
  empty: boolean,
): void {
  k.circle(`seat-${d.id}-disc`, x, y, r, hex(d.colour))
    .setStrokeStyle(d.id === mine ? 5 : 2, d.id === mine ? 0xffbf47 : 0x1d232b)
    .setAlpha(empty ? 0.45 : 1);
  k.text(`seat-${d.id}-emblem`, x, y, d.emblem, {
    fontFamily: FONT,
    fontSize: `${Math.max(labelPx, Math.round(r * 0.7))}px`,
    color: inkOn(d.colour),
    fontStyle: "bold",
  }).setOrigin(0.5);
}

/** The seats down one long table, each label to the right of its seat. */
function drawColumn(k: Kept, view: SessionView, mine: string | null, area: Area, style: TableStyle) {
  const n = view.scenario.delegations.length;
  const slot = area.h / n;
  const labelPx = style.labelPx ?? 14;
  const r = Math.max(12, Math.min(slot / 2 - 6, labelPx * 1.4));
  const spots = new Map<string, SeatSpot>();
  k.rect("table-long", area.x + 12, area.y + area.h / 2, 14, area.h - 16, FELT).setStrokeStyle(4, TABLE_EDGE);
  view.scenario.delegations.forEach((d, i) => {
    const x = area.x + 26 + r;
    const y = area.y + slot * (i + 0.5);
    const label = seatLabel(view, d, mine);
    drawSeat(k, d, x, y, r, labelPx, mine, label.seats.length === 0);
    k.text(`seat-${d.id}-label`, x + r + 8, y, `${label.name}\n${style.status?.(d.id) ?? label.presence}`, {
      fontFamily: FONT,
      fontSize: `${labelPx}px`,
      color: "#1d232b",
      backgroundColor: "#ffffffcc",
      padding: { x: 3, y: 1 },
      wordWrap: { width: Math.max(40, area.x + area.w - (x + r + 12)) },
    })
      .setOrigin(0, 0.5)
      .setName(`seat-${d.id}`);
    spots.set(d.id, { x, y, r });
  });
  return spots;
}
