// Provision cards lying on the table: short title, status in words and a
// pattern (brackets) so status never rests on colour alone. A click opens
// the card in the panel.
import type { Provision } from "../../../shared/state.ts";
import { provisionStatus, STATUS_WORDS } from "../../ui/words.ts";
import { FONT, STATUS_FILL } from "./palette.ts";
import type { Area } from "./table.ts";
import type { Kept } from "./kept.ts";

export function drawProvisionTiles(
  k: Kept,
  provisions: Provision[],
  area: Area,
  open: (id: string) => void,
  opened: string | null,
): void {
  const cols = area.w < 420 ? 2 : 3;
  const rows = 2;
  const gap = 6;
  // On a wide table (a Chromebook, a projector) the cards and their words grow.
  const big = area.w > 640;
  const titlePx = big ? 16 : 12;
  const statusPx = big ? 13 : 11;
  const w = (area.w - gap * (cols - 1)) / cols;
  const h = Math.min(big ? 72 : 54, (area.h - gap) / rows);
  const shown = provisions.slice(0, cols * rows - (provisions.length > cols * rows ? 1 : 0));
  shown.forEach((p, i) => {
    const x = area.x + (i % cols) * (w + gap);
    const y = area.y + Math.floor(i / cols) * (h + gap);
    const status = provisionStatus(p);
    const card = k
      .rect(`tile-${p.id}`, x + w / 2, y + h / 2, w, h, STATUS_FILL[status] ?? 0xffffff)
      .setStrokeStyle(p.id === opened ? 4 : 2, p.id === opened ? 0xffbf47 : 0x1d232b);
    k.onTap(`tile-${p.id}`, card, () => open(p.id));
    const title = status === "bracketed" ? `[ ${p.title} ]` : p.title;
    k.text(`tile-${p.id}-title`, x + 5, y + 3, title, {
      fontFamily: FONT,
      fontSize: `${titlePx}px`,
      color: "#1d232b",
      fontStyle: "bold",
      wordWrap: { width: w - 10 },
      maxLines: h >= titlePx * 2 + statusPx + 14 ? 2 : 1,
    });
    k.text(
      `tile-${p.id}-status`,
      x + 5,
      y + h - statusPx - 5,
      `${STATUS_WORDS[status]}${p.flags.length ? " · In the news" : ""}`,
      {
        fontFamily: FONT,
        fontSize: `${statusPx}px`,
        color: p.flags.length ? "#7a1d1d" : "#3b4450",
      },
    );
  });
  if (provisions.length > shown.length) {
    const i = shown.length;
    k.text(
      "tiles-more",
      area.x + (i % cols) * (w + gap) + 6,
      area.y + Math.floor(i / cols) * (h + gap) + 6,
      `+${provisions.length - shown.length} more\nin the list`,
      { fontFamily: FONT, fontSize: "12px", color: "#1d232b", backgroundColor: "#ffffffcc", padding: { x: 3, y: 2 } },
    );
  }
  if (provisions.length === 0) {
    k.text("tiles-none", area.x + area.w / 2, area.y + area.h / 2, "No provision tabled yet", {
      fontFamily: FONT,
      fontSize: "14px",
      color: "#1d232b",
      backgroundColor: "#ffffffcc",
      padding: { x: 4, y: 2 },
    }).setOrigin(0.5);
  }
}
