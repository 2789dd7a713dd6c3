// Types for electron-runtime.mjs (plain ESM, run by Node before any build).
export type ElectronRuntime =
  | { available: true; executablePath: string; source: 'override' | 'installed' }
  | { available: false; reason: string };
export function electronExecutableName(platform?: string): string | undefined;
export function findElectronPackageDir(): string | undefined;
export function findElectronRuntime(options?: {
  env?: Record<string, string | undefined>;
  platform?: string;
  electronDir?: string;
}): ElectronRuntime;
export function installElectronRuntime(options?: { timeoutMs?: number; electronDir?: string }): Promise<{ ok: boolean; error?: string }>;
export function electronPackageVersion(electronDir?: string): string | undefined;
export function describeDownloadFailure(output: string): string;
