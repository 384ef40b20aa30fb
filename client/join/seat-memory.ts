// The seat token is kept per session code, so a reload (or a closed tab) takes
// the seat back without asking the student anything.
const key = (code: string) => `accord.seat.${code}`;

export interface RememberedSeat {
  seatToken: string;
  name: string;
  rejoinCode: string | null;
}

export function rememberSeat(code: string, seat: RememberedSeat): void {
  try {
    localStorage.setItem(key(code), JSON.stringify(seat));
  } catch {
    /* private mode: the rejoin code still works */
  }
}

export function recallSeat(code: string): RememberedSeat | null {
  try {
    const raw = localStorage.getItem(key(code));
    if (!raw) return null;
    const seat = JSON.parse(raw) as Partial<RememberedSeat>;
    return typeof seat.seatToken === "string"
      ? { seatToken: seat.seatToken, name: seat.name ?? "", rejoinCode: seat.rejoinCode ?? null }
      : null;
  } catch {
    return null;
  }
}

export function forgetSeat(code: string): void {
  try {
    localStorage.removeItem(key(code));
  } catch {
    /* nothing kept */
  }
}
