// A refusal is a code a program can branch on and a sentence a 12-year-old can
// read. It carries no state: a refused action changes nothing.
import type { RefusalCode } from "../protocol.ts";

export type Refusal = { ok: false; code: RefusalCode; message: string };

export const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message });
