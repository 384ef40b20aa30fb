// Colours and type for the canvas, matching the page's CSS.
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif';
export const TABLE_EDGE = 0x4a3524;
export const FELT = 0x2f5d46;
export const hex = (colour: string): number => parseInt(colour.replace("#", ""), 16);
export const STATUS_FILL: Record<string, number> = {
  tabled: 0xffffff,
  bracketed: 0xfff1c9,
  adopted: 0xdff3e4,
  withdrawn: 0xe4e4e4,
  dropped: 0xe4e4e4,
};
