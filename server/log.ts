// The server's log, through pino: one JSON object per line for a machine to
// collect, and readable lines (pino-pretty) when a person watches the
// terminal. Entries carry session codes, counts and error messages, never a
// person's data: no names, no chat, no seat tokens, rejoin codes or host keys.
// LOG_LEVEL (default info) chooses how much is written.
import { pino, type Logger } from "pino";
import pretty from "pino-pretty";

export type Log = Logger;

/** The log of a server process (or its supervisor), named by `name`. */
export function processLog(name: string): Log {
  const options = { name, level: process.env.LOG_LEVEL ?? "info" };
  if (!process.stdout.isTTY) return pino(options);
  return pino(options, pretty({ colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname", sync: true }));
}

/** A log that writes nothing: tests hand it to the servers they start. */
export const quietLog = (): Log => pino({ level: "silent" });
