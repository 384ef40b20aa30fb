// The shapes of every id that crosses the wire. Ids minted by the rules are a
// prefix and a counter, so a replay of the journal mints the same ids again.
import { z } from "zod";
import { SlugId } from "./scenario.ts";
import { CODE_ALPHABET, REJOIN_CODE_LENGTH, SESSION_CODE_LENGTH, typedRejoinCode } from "./codes.ts";

const minted = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[0-9]{1,7}$`), `must look like ${prefix}12`);

export const SeatId = minted("s");
export const InstrumentId = z.union([z.literal("code"), minted("i")]);
export const ProvisionId = minted("p");
export const AmendmentId = minted("a");
export const ChannelId = z.union([
  z.literal("floor"),
  z.literal("announcements"),
  z.string().regex(/^team-[a-z][a-z0-9-]{0,39}$/),
  minted("c"),
]);
export const DelegationId = SlugId;
export const CardId = SlugId;
export const InjectId = SlugId;

export { CODE_ALPHABET, REJOIN_CODE_LENGTH, SESSION_CODE_LENGTH };

export const SessionCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(
    z
      .string()
      .regex(new RegExp(`^[${CODE_ALPHABET}]{${SESSION_CODE_LENGTH}}$`), "a session code is 6 letters and digits"),
  );
/**
 * A per-seat code the host can read out so a student can take their seat back on another device. Shown
 * as ABCD-EFGH; typed with or without the dash or spaces, in any case.
 */
export const RejoinCode = z
  .string()
  .transform(typedRejoinCode)
  .pipe(
    z
      .string()
      .regex(
        new RegExp(`^[${CODE_ALPHABET}]{${REJOIN_CODE_LENGTH}}$`),
        "a rejoin code is 8 letters and digits, like ACDE-FGHJ",
      ),
  );
/** Secret bearer token that gives a seat back; at least 128 random bits, base64url. */
export const SeatToken = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, "not a seat token");

export type SeatId = z.infer<typeof SeatId>;
export type InstrumentId = z.infer<typeof InstrumentId>;
export type ProvisionId = z.infer<typeof ProvisionId>;
export type AmendmentId = z.infer<typeof AmendmentId>;
export type ChannelId = z.infer<typeof ChannelId>;
export type DelegationId = z.infer<typeof DelegationId>;
