// The machine a run was made on, named in the report next to every figure.
import os from "node:os";
import { readFileSync } from "node:fs";

export interface MachineInfo {
  cpu: string;
  cores: number;
  memory_gb: number;
  node: string;
  os: string;
  /** Load average when the run started: other work on a shared machine skews figures. */
  load_at_start: number[];
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memory_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${osName()} (${os.type()} ${os.release()}, ${os.arch()})`,
    load_at_start: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function osName(): string {
  try {
    const line = readFileSync("/etc/os-release", "utf8")
      .split("\n")
      .find((l) => l.startsWith("PRETTY_NAME="));
    if (line) return line.slice("PRETTY_NAME=".length).replace(/^"|"$/g, "");
  } catch {
    // not Linux, or no os-release: the kernel name below is enough
  }
  return os.platform();
}
