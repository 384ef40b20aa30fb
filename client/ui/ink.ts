// Text on a delegation's colour: white or ink, whichever reads better (WCAG
// contrast), so a light colour such as Japan's orange still carries a legible emblem.
const luminance = (colour: string): number => {
  const n = parseInt(colour.replace("#", ""), 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
};

// Black, not the page's ink: on the most orange of the colours only black reaches 4.5:1.
const INK = "#000000";

export function inkOn(colour: string): string {
  const l = luminance(colour);
  const onWhite = 1.05 / (l + 0.05);
  const onInk = (l + 0.05) / (luminance(INK) + 0.05);
  return onWhite >= onInk ? "#ffffff" : INK;
}
