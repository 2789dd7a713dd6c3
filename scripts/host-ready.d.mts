// Types for host-ready.mjs.
import type { ChildProcess, SpawnOptions } from 'node:child_process';

/** What the browser host writes to its --ready-file once it answers. */
export interface HostReadiness {
  url: string;
  pid: number;
  host: string;
  port: number;
}

export interface SpawnedHost {
  child: ChildProcess;
  ready: Promise<HostReadiness>;
  output(): string;
}

export function spawnHost(command: string, args: string[], options?: SpawnOptions & { name?: string; timeoutMs?: number; keepChars?: number }): SpawnedHost;
