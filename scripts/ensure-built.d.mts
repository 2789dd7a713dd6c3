// Types for ensure-built.mjs (plain ESM, run by npm scripts and used by the tests and the bench).
export const buildInputs: string[];
export const buildOutputs: string[];
export const stampFile: string;
export function fingerprint(root: string): Record<string, string>;
export function whyBuild(root: string): string | undefined;
export function build(root: string): number;
export const lockDir: string;
export function withBuildLock<T>(root: string, work: () => T): T;
