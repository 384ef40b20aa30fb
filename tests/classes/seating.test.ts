// Where the class code seats a student, without a server: the emptiest table
// that takes students, ties to the earlier table, and students placed a moment
// ago counted until their seats appear (never twice once they have).
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/limits.ts";
import { Placements, type TableCount } from "../../server/classes/seating.ts";

const tables = (...seated: number[]): TableCount[] =>
  seated.map((n, i) => ({ code: `T${i + 1}`, seated: n, joinable: true }));

describe("seating by the class code", () => {
  it("picks the table with the fewest students, the earlier one on a tie", () => {
    const p = new Placements();
    expect(p.place(tables(3, 1, 2), 0)).toBe("T2");
    expect(new Placements().place(tables(2, 2, 2), 0)).toBe("T1");
    expect(new Placements().place(tables(2, 1, 1), 0)).toBe("T2");
  });

  it("skips tables that take nobody, and says so when none does", () => {
    const locked = tables(0, 4, 5);
    locked[0]!.joinable = false;
    expect(new Placements().place(locked, 0)).toBe("T2");
    expect(
      new Placements().place(
        locked.map((t) => ({ ...t, joinable: false })),
        0,
      ),
    ).toBeNull();
  });

  it("spreads students who ask at once, before their seats show", () => {
    const p = new Placements();
    const now = 1_000;
    const picks = [0, 1, 2, 3, 4, 5].map(() => p.place(tables(0, 0, 0), now));
    expect(picks).toEqual(["T1", "T2", "T3", "T1", "T2", "T3"]);
  });

  it("does not count a placed student twice once they have joined", () => {
    const p = new Placements();
    expect(p.place(tables(0, 0), 0)).toBe("T1");
    // The student has joined T1: one student there, counted once, so T2 is next.
    expect(p.place(tables(1, 0), 10)).toBe("T2");
    // Both have joined: a tie again.
    expect(p.place(tables(1, 1), 20)).toBe("T1");
    expect(p.count("T1", 2, 30)).toBe(2);
  });

  it("forgets a placement whose student never came, after a while", () => {
    const p = new Placements(20_000);
    expect(p.place(tables(0, 0), 0)).toBe("T1");
    expect(p.count("T1", 0, 5_000)).toBe(1);
    expect(p.count("T1", 0, 25_000)).toBe(0);
    expect(p.place(tables(0, 0), 25_000)).toBe("T1");
  });
});

describe("seating under a flood of class-code look-ups", () => {
  it("counts no more placed students at a table than it has seats, however often the code is sent", () => {
    const p = new Placements();
    // A script sending the class code 5,000 times a second for a second: each is a placement, none joins.
    for (let i = 0; i < 5_000; i++) p.place(tables(3, 3), 1_000 + i / 5);
    expect(p.count("T1", 3, 2_000)).toBeLessThanOrEqual(3 + LIMITS.seatsPerSession);
    expect(p.count("T2", 3, 2_000)).toBeLessThanOrEqual(3 + LIMITS.seatsPerSession);
    // Still the emptiest table, in turn, for the next real student.
    expect(p.place(tables(3, 4), 2_000)).toBe("T1");
  });
});
