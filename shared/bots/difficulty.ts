// How hard a computer delegation bargains. Cooperative gives way early,
// firm holds out longer before conceding, hard-line concedes nothing it does
// not have to. The words are what the host console shows.
import { z } from "zod";

export const Difficulty = z.enum(["cooperative", "firm", "hard-line"]);
export type Difficulty = z.infer<typeof Difficulty>;

/** What marks a computer delegation's seat name everywhere a name is shown (roster, projector, signatures, exports). */
const COMPUTER_MARK = "(computer)";
export const computerSeatName = (delegationName: string): string => `${delegationName} ${COMPUTER_MARK}`;

/** A name a student may not take: it would pass for a computer delegation. */
export const posesAsComputer = (name: string): boolean => /\(\s*computer\s*\)/i.test(name);
