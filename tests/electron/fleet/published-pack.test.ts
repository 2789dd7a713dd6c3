// Signed content packs, on real files: a key pair from pack-keygen, a pack from pack-publish,
// and each way a pack can be wrong refused with its reason: another key, no signature, a file
// changed after signing, a cut-off download, a replayed older pack, content with errors, and
// archive entries that try to reach outside the staging folder.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tar from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PackKeyError, readPrivateKey, signManifest, writeKeyPair } from '../../../electron/fleet/pack-signing';
import { openPublishedPack, PackRefused, publishPack, PublishRefused, type PackManifest } from '../../../electron/fleet/published-pack';
import { buildCli } from '../../helpers/build-cli';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

const run = promisify(execFile);
let base: string;
let pack: TempPack;
let keys: { privateKeyFile: string; publicKeyFile: string };
const now = new Date('2026-12-01T10:00:00Z');

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kiosk-published-'));
  pack = await copyPack();
  keys = writeKeyPair(path.join(base, 'keys'));
});

afterEach(async () => {
  await pack.cleanup();
  await rm(base, { recursive: true, force: true });
});

async function publish(revision = 100): Promise<{ file: string; manifest: PackManifest }> {
  const file = path.join(base, `pack-${revision}.tar.gz`);
  const manifest = await publishPack({ contentDir: pack.dir, keyFile: keys.privateKeyFile, outFile: file, publishedBy: 'Content team', now, revision });
  return { file, manifest };
}

async function refusal(archiveFile: string, options: { publicKeyFile?: string; showingRevision?: number } = {}): Promise<PackRefused> {
  const error = await openPublishedPack({ archiveFile, publicKeyFile: options.publicKeyFile ?? keys.publicKeyFile, stagingDir: path.join(base, 'staging'), showingRevision: options.showingRevision, now }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PackRefused);
  return error as PackRefused;
}

/** Unpacks a published archive into a folder, to change it as an attacker would and pack it again. */
async function unpackForEditing(file: string): Promise<string> {
  const dir = path.join(base, 'edit');
  await mkdir(dir, { recursive: true });
  await tar.extract({ file, cwd: dir });
  return dir;
}

async function repack(dir: string, entries: string[], out = path.join(base, 'repacked.tar.gz')): Promise<string> {
  await tar.create({ gzip: true, file: out, cwd: dir, portable: true }, entries);
  return out;
}

describe('pack keys', () => {
  it('writes an Ed25519 pair, the private key mode 0600, and never over an existing one', () => {
    expect(statSync(keys.privateKeyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keys.publicKeyFile, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(readPrivateKey(keys.privateKeyFile).asymmetricKeyType).toBe('ed25519');
    expect(() => writeKeyPair(path.join(base, 'keys'))).toThrow(PackKeyError);
    expect(() => writeKeyPair(path.join(base, 'keys'))).toThrow(/already there: a new key would stop every kiosk that trusts the old one/);
  });
});

describe('publishing and opening a pack', () => {
  it('publishes the folder with a manifest of every file and opens it with the kiosk\'s key, exactly as it was', async () => {
    const { file, manifest } = await publish();
    expect(manifest).toMatchObject({ format: 'waiting-room-kiosk-pack', formatVersion: 1, revision: 100, publishedAt: now.toISOString(), publishedBy: 'Content team' });
    expect(manifest.files.map((entry) => entry.path)).toEqual(expect.arrayContaining(['settings.yaml', 'slides/first.md', 'slides/first.es.md', 'media/dot.svg']));
    expect(manifest.files.every((entry) => /^[0-9a-f]{64}$/.test(entry.sha256))).toBe(true);
    // The manifest and signature come first, so a kiosk reads them before any file.
    const entries: string[] = [];
    await tar.list({ file, onReadEntry: (entry) => entries.push(entry.path) });
    expect(entries.slice(0, 2)).toEqual(['manifest.json', 'manifest.sig']);

    const opened = await openPublishedPack({ archiveFile: file, publicKeyFile: keys.publicKeyFile, stagingDir: path.join(base, 'staging'), showingRevision: 99, now });
    expect(opened.manifest.revision).toBe(100);
    for (const entry of manifest.files) {
      expect(await readFile(path.join(opened.contentDir, entry.path)), entry.path).toEqual(await readFile(path.join(pack.dir, entry.path)));
    }
  });

  it('leaves out hidden and helper files (editor swap files, Office locks, .DS_Store)', async () => {
    await pack.write('.DS_Store', 'x');
    await pack.write('slides/.first.md.swp', 'x');
    await pack.write('slides/~$notes.md', 'x');
    const { manifest } = await publish();
    expect(manifest.files.map((entry) => entry.path).filter((name) => /DS_Store|swp|~\$/.test(name))).toEqual([]);
  });

  it('refuses to publish a folder with errors, listing them as content:check does', async () => {
    await pack.write('slides/first.md', '---\ntitle: [broken\n---\nText\n');
    const error = await publish().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublishRefused);
    expect((error as PublishRefused).message).toMatch(/has 1 error\(s\), so it is not published/);
    expect((error as PublishRefused).problems).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', code: 'yaml-syntax', file: 'slides/first.md' })]));
    expect(existsSync(path.join(base, 'pack-100.tar.gz'))).toBe(false);
  });

  it('refuses a pack signed with another key', async () => {
    const { file } = await publish();
    const other = writeKeyPair(path.join(base, 'other-keys'));
    expect((await refusal(file, { publicKeyFile: other.publicKeyFile })).reason).toBe('wrong-key');
  });

  it('refuses a pack with no signature', async () => {
    const { file } = await publish();
    const dir = await unpackForEditing(file);
    const unsigned = await repack(dir, ['manifest.json', 'content']);
    const error = await refusal(unsigned);
    expect(error.reason).toBe('unsigned');
    expect(error.message).toBe('The pack is not signed. Only packs signed with your clinic\'s key are shown.');
  });

  it('refuses a pack whose file was changed after signing, and one whose manifest was', async () => {
    const { file } = await publish();
    const dir = await unpackForEditing(file);
    await writeFile(path.join(dir, 'content/slides/first.md'), (await readFile(path.join(dir, 'content/slides/first.md'), 'utf8')).replace('Hello', 'Hallo'));
    const changedFile = await refusal(await repack(dir, ['manifest.json', 'manifest.sig', 'content']));
    expect(changedFile.reason).toBe('tampered');
    expect(changedFile.message).toBe('slides/first.md in the pack is not the file that was signed: it was changed after publishing.');

    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as PackManifest;
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, revision: manifest.revision + 1 }));
    expect((await refusal(await repack(dir, ['manifest.json', 'manifest.sig', 'content'], path.join(base, 'manifest-changed.tar.gz')))).reason).toBe('wrong-key');
  });

  it('refuses a download that was cut off', async () => {
    const { file } = await publish();
    await truncate(file, Math.floor(statSync(file).size / 2));
    expect((await refusal(file)).reason).toBe('damaged');
  });

  it('refuses an older pack than the one on show (a replay), and the same one again', async () => {
    const { file } = await publish(100);
    expect((await refusal(file, { showingRevision: 100 })).reason).toBe('replayed');
    expect((await refusal(file, { showingRevision: 250 })).message).toBe('The pack\'s revision 100 is not newer than the one on show (250): an old pack is not shown again.');
  });

  it('refuses a signed pack whose content has errors', async () => {
    // Signed by the right key, but not made by pack:publish (which would have refused it).
    const dir = path.join(base, 'handmade');
    await mkdir(path.join(dir, 'content/slides'), { recursive: true });
    const settings = await readFile(path.join(pack.dir, 'settings.yaml'));
    const slide = Buffer.from('---\ntitle: [broken\n---\n');
    await writeFile(path.join(dir, 'content/settings.yaml'), settings);
    await writeFile(path.join(dir, 'content/slides/broken.md'), slide);
    const { createHash } = await import('node:crypto');
    const entry = (name: string, bytes: Buffer) => ({ path: name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const manifest = Buffer.from(JSON.stringify({ format: 'waiting-room-kiosk-pack', formatVersion: 1, revision: 5, publishedAt: now.toISOString(), publishedBy: 'x', files: [entry('settings.yaml', settings), entry('slides/broken.md', slide)] }));
    await writeFile(path.join(dir, 'manifest.json'), manifest);
    await writeFile(path.join(dir, 'manifest.sig'), signManifest(manifest, readPrivateKey(keys.privateKeyFile)));
    const error = await refusal(await repack(dir, ['manifest.json', 'manifest.sig', 'content']));
    expect(error.reason).toBe('invalid-content');
    expect(error.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'yaml-syntax', file: 'slides/broken.md' })]));
  });

  it('unpacks nothing outside the staging folder, and no links', async () => {
    const { file } = await publish();
    const dir = await unpackForEditing(file);
    await mkdir(path.join(base, 'outside'), { recursive: true });
    await symlink('/etc/passwd', path.join(dir, 'content/media/link.svg'));
    const hostile = path.join(base, 'hostile.tar.gz');
    // Entries named to climb out, and a link, beside the genuine files.
    await tar.create({ gzip: true, file: hostile, cwd: dir, portable: true, preservePaths: true, onWriteEntry: (entry) => {
      if (entry.path === 'content/media/dot.svg') entry.path = 'content/../../outside/escaped.svg';
    } }, ['manifest.json', 'manifest.sig', 'content']);
    const error = await refusal(hostile);
    expect(error.reason).toBe('tampered');
    expect(existsSync(path.join(base, 'outside/escaped.svg'))).toBe(false);
    expect(existsSync(path.join(base, 'staging/content/media/link.svg'))).toBe(false);
  });
});

describe('pack-keygen and pack-publish, as shipped', () => {
  it('make keys and a pack from the command line, and refuse a folder with errors by listing them', async () => {
    const built = await buildCli('published-pack-cli');
    const cli = built.path;
    const keyDir = path.join(base, 'cli-keys');
    const made = await run(process.execPath, [cli, 'pack-keygen', '--out', keyDir]);
    expect(made.stdout).toContain(`Wrote the public key ${path.join(keyDir, 'pack-signing.pub')}`);
    const out = path.join(base, 'cli-pack.tar.gz');
    const published = await run(process.execPath, [cli, 'pack-publish', '--content', pack.dir, '--key', path.join(keyDir, 'pack-signing.key'), '--out', out, '--publisher', 'Content team', '--revision', '7']);
    expect(published.stdout).toMatch(/^Published revision 7 of .* \(\d+ files\) to .*cli-pack\.tar\.gz, signed\.$/m);
    await pack.write('slides/first.md', '---\ntitle: [broken\n---\n');
    const refused = await run(process.execPath, [cli, 'pack-publish', '--content', pack.dir, '--key', path.join(keyDir, 'pack-signing.key'), '--out', path.join(base, 'no.tar.gz')]).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect('code' in refused && refused.code).toBe(1);
    expect(refused.stdout).toContain('slides/first.md');
    expect(refused.stderr).toContain('so it is not published');
    await built.remove();
  });
});
