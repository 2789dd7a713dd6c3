// A published content pack: one .tar.gz holding the content folder's files, a manifest (each
// file's path, size and SHA-256; the pack's revision, when and by whom it was published) and a
// detached Ed25519 signature over the manifest's exact bytes. A kiosk opens one only when the
// signature is by its key and every file is exactly as the manifest says.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { z } from 'zod';
import type { ContentProblem } from '../../common/content-model';
import { isIgnoredContentPath } from '../content/ignored-files';
import { loadContentPack } from '../content/load-content-pack';
import { manifestSignatureIsValid, PackKeyError, readPrivateKey, readPublicKey, signManifest } from './pack-signing';

export const manifestName = 'manifest.json';
export const signatureName = 'manifest.sig';
const contentPrefix = 'content/';
/** A pack's files, all together, may not be larger than this. */
export const defaultMaxPackBytes = 512 * 1024 * 1024;

const manifestSchema = z.strictObject({
  format: z.literal('waiting-room-kiosk-pack'),
  formatVersion: z.literal(1),
  revision: z.number().int().positive(),
  publishedAt: z.iso.datetime(),
  publishedBy: z.string().max(200),
  files: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(500),
        size: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(100_000),
});
export type PackManifest = z.infer<typeof manifestSchema>;

/** Why a pack was refused, in plain words; `reason` is a short code for the health file and logs. */
export class PackRefused extends Error {
  constructor(
    readonly reason: 'unsigned' | 'wrong-key' | 'damaged' | 'tampered' | 'too-large' | 'invalid-content' | 'replayed',
    message: string,
    readonly problems: ContentProblem[] = [],
  ) {
    super(message);
  }
}

export class PublishRefused extends Error {
  constructor(
    message: string,
    readonly problems: ContentProblem[],
  ) {
    super(message);
  }
}

/**
 * Removes a staging or pack folder. A failed extraction may still be finishing a file in it
 * when its promise rejects, so removal retries while the folder is not empty yet.
 */
export function removeTree(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
}

/** Paths a pack may hold: relative, forward slashes, no hidden or helper files, nothing stepping out. */
export function isPackPath(file: string): boolean {
  if (file.startsWith('/') || file.includes('\\') || file.includes('\0')) return false;
  const segments = file.split('/');
  return segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..') && !isIgnoredContentPath(file);
}

async function listContentFiles(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (isIgnoredContentPath(relative)) continue;
    // Links are not followed: a pack holds the folder's own files only.
    if (entry.isDirectory()) files.push(...(await listContentFiles(dir, `${relative}/`)));
    else if (entry.isFile()) files.push(relative);
  }
  return files.sort();
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

export interface PublishOptions {
  contentDir: string;
  keyFile: string;
  outFile: string;
  publishedBy: string;
  now?: Date;
  /** Default: the publishing time in seconds, so each new pack has a higher revision. */
  revision?: number;
}

/**
 * Checks the folder exactly as `content:check` does and refuses one with errors; then writes the
 * archive. The manifest and signature come first in it, so a kiosk reads them before any file.
 */
export async function publishPack(options: PublishOptions): Promise<PackManifest> {
  const { contentDir, keyFile, outFile, publishedBy, now = new Date() } = options;
  const privateKey = readPrivateKey(keyFile);
  const result = await loadContentPack(contentDir, { now });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (!result.pack || errors.length > 0) {
    throw new PublishRefused(`The content in ${contentDir} has ${errors.length} error(s), so it is not published. Fix them (listed below, as content:check lists them) and publish again.`, result.problems);
  }
  const names = await listContentFiles(contentDir);
  const files = [];
  for (const name of names) {
    const full = path.join(contentDir, name);
    files.push({ path: name, size: (await stat(full)).size, sha256: await sha256Of(full) });
  }
  const manifest: PackManifest = {
    format: 'waiting-room-kiosk-pack',
    formatVersion: 1,
    revision: options.revision ?? Math.floor(now.getTime() / 1000),
    publishedAt: now.toISOString(),
    publishedBy,
    files,
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const stage = `${outFile}.staging`;
  await removeTree(stage);
  await mkdir(path.join(stage, 'content'), { recursive: true });
  try {
    await writeFile(path.join(stage, manifestName), manifestBytes);
    await writeFile(path.join(stage, signatureName), `${signManifest(manifestBytes, privateKey)}\n`);
    for (const name of names) {
      await mkdir(path.dirname(path.join(stage, 'content', name)), { recursive: true });
      await writeFile(path.join(stage, 'content', name), await readFile(path.join(contentDir, name)));
    }
    await mkdir(path.dirname(outFile), { recursive: true });
    // portable: no user names, ids or modes of this machine in the archive.
    await tar.create({ gzip: true, file: `${outFile}.part`, cwd: stage, portable: true, noMtime: true }, [manifestName, signatureName, ...names.map((name) => `${contentPrefix}${name}`)]);
    await rename(`${outFile}.part`, outFile);
  } finally {
    await removeTree(stage);
  }
  return manifest;
}

export interface OpenOptions {
  archiveFile: string;
  publicKeyFile: string;
  /** An empty folder to unpack into; the pack's files end up in `<stagingDir>/content`. */
  stagingDir: string;
  maxBytes?: number;
  /** The revision on show: a pack that is not newer is a replay. */
  showingRevision?: number;
  now?: Date;
}

/**
 * Verifies and unpacks a published pack: the signature by the kiosk's key, then every file
 * against the manifest (no file missing, none extra, each size and hash exact), then the
 * content as the loader judges it. Throws PackRefused with the reason; unpacks nothing outside
 * `stagingDir`.
 */
export async function openPublishedPack(options: OpenOptions): Promise<{ manifest: PackManifest; contentDir: string }> {
  try {
    return await verifyAndUnpack(options);
  } catch (error) {
    if (error instanceof PackRefused || error instanceof PackKeyError) throw error;
    // Whatever else goes wrong reading a downloaded archive, it is not shown.
    throw new PackRefused('damaged', `The pack cannot be read: it is damaged or only partly downloaded (${(error as Error).message}).`);
  }
}

async function verifyAndUnpack(options: OpenOptions): Promise<{ manifest: PackManifest; contentDir: string }> {
  const { archiveFile, stagingDir, maxBytes = defaultMaxPackBytes } = options;
  const publicKey = readPublicKey(options.publicKeyFile);
  const archiveSize = (await stat(archiveFile)).size;
  if (archiveSize > maxBytes) throw new PackRefused('too-large', `The pack is ${archiveSize} bytes, more than the ${maxBytes} a kiosk takes.`);
  await removeTree(stagingDir);
  await mkdir(stagingDir, { recursive: true });

  const extract = (filter: (entryPath: string, size: number) => boolean) =>
    tar
      .extract({
        file: archiveFile,
        cwd: stagingDir,
        strict: true,
        // Read the archive in 1 MB pieces, not tar's 16 MB: a kiosk unpacking a 50 MB pack should
        // hold little more than one file at a time (bench item 11c).
        maxReadSize: 1024 * 1024,
        // Only plain files, and only those asked for: no links, devices or folders of the archive's choosing.
        filter: (entryPath, entry) => 'type' in entry && entry.type === 'File' && filter(entryPath, entry.size ?? 0),
      })
      .catch((error: unknown) => {
        throw new PackRefused('damaged', `The pack cannot be read: it is damaged or only partly downloaded (${(error as Error).message}).`);
      });

  await extract((entryPath, size) => (entryPath === manifestName || entryPath === signatureName) && size < 64 * 1024 * 1024);
  const manifestBytes = await readFile(path.join(stagingDir, manifestName)).catch(() => undefined);
  const signature = await readFile(path.join(stagingDir, signatureName), 'utf8').catch(() => undefined);
  if (!manifestBytes) throw new PackRefused('damaged', 'The pack has no manifest: it is not a pack made by "pack:publish", or it is damaged.');
  if (signature === undefined) throw new PackRefused('unsigned', 'The pack is not signed. Only packs signed with your clinic\'s key are shown.');
  if (!manifestSignatureIsValid(manifestBytes, signature, publicKey)) {
    throw new PackRefused('wrong-key', 'The pack\'s signature is not by the key this kiosk trusts: it was signed with another key, or its manifest was changed after signing.');
  }
  let manifest: PackManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  } catch {
    throw new PackRefused('damaged', 'The pack\'s manifest cannot be read, though it is signed: it was made by a newer or different tool.');
  }
  if (options.showingRevision !== undefined && manifest.revision <= options.showingRevision) {
    throw new PackRefused('replayed', `The pack's revision ${manifest.revision} is not newer than the one on show (${options.showingRevision}): an old pack is not shown again.`);
  }
  const expected = new Map(manifest.files.map((file) => [file.path, file]));
  const total = manifest.files.reduce((sum, file) => sum + file.size, 0);
  if (total > maxBytes) throw new PackRefused('too-large', `The pack's files come to ${total} bytes, more than the ${maxBytes} a kiosk takes.`);
  if (manifest.files.some((file) => !isPackPath(file.path))) throw new PackRefused('tampered', 'The pack\'s manifest names a file outside the content folder.');

  await extract((entryPath, size) => {
    if (!entryPath.startsWith(contentPrefix)) return false;
    const file = expected.get(entryPath.slice(contentPrefix.length));
    return file !== undefined && size === file.size;
  });
  const contentDir = path.join(stagingDir, 'content');
  for (const file of manifest.files) {
    const full = path.join(contentDir, file.path);
    const found = await stat(full).catch(() => undefined);
    if (!found) throw new PackRefused('tampered', `The pack is missing ${file.path}, or holds it at another size than its manifest says.`);
    if ((await sha256Of(full)) !== file.sha256) throw new PackRefused('tampered', `${file.path} in the pack is not the file that was signed: it was changed after publishing.`);
  }
  const result = await loadContentPack(contentDir, { now: options.now });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (!result.pack || errors.length > 0) throw new PackRefused('invalid-content', `The pack's content has ${errors.length} error(s), so it is not shown.`, result.problems);
  return { manifest, contentDir };
}
