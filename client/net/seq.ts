// Action sequence numbers must grow across reloads and devices: the server
// applies a seq at most once per seat, so a fresh page starting again at 1
// would be ignored. The wall clock is a floor that keeps them growing.
const key = (code: string) => `accord.seq.${code}`;

export function makeSeq(code: string): () => number {
  let last = 0;
  try {
    last = Number(localStorage.getItem(key(code))) || 0;
  } catch {
    /* no storage */
  }
  return () => {
    last = Math.max(last + 1, Date.now());
    try {
      localStorage.setItem(key(code), String(last));
    } catch {
      /* no storage */
    }
    return last;
  };
}
