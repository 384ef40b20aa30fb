// The codes people read and type, with no library behind them so the light
// join page can use them: the alphabet, the lengths, and how a rejoin code is
// shown (ABCD-EFGH) and read back (with or without the dash, any case).

/** No look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V. */
export const CODE_ALPHABET = "34679ACDEFGHJKMNPQRTWXY";
export const SESSION_CODE_LENGTH = 6;
/** 23^8 ≈ 78 billion rejoin codes: docs/security.md says why 8. */
export const REJOIN_CODE_LENGTH = 8;

/** How a rejoin code is shown and read out: two groups of four. */
export const showRejoinCode = (code: string): string =>
  code.length === REJOIN_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;

/** What someone typed as a rejoin code, without dashes and spaces, in capitals. */
export const typedRejoinCode = (typed: string): string => typed.replace(/[\s-]/g, "").toUpperCase();
