// Types for host-address.mjs.
import type { ChildProcess } from 'node:child_process';
export function waitForHostAddress(child: ChildProcess, output: () => string, options?: { name?: string; timeoutMs?: number }): Promise<string>;
