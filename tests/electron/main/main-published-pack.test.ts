// The composition root with contentSource in the IT config: the kiosk follows a signed pack
// served over real HTTP, shows it, and reports a refused one in the health file, as a warning,
// with the reason; the screen keeps the pack it has.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../common/bridge-map';
import type { ContentSnapshot } from '../../../common/kiosk-bridge';
import { writeKeyPair } from '../../../electron/fleet/pack-signing';
import { publishPack } from '../../../electron/fleet/published-pack';
import { ipcMain } from '../../mocks/electron';
import { fromKioskPage as page, mainUnderTest } from '../../helpers/start-main';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

vi.mock('electron', () => import('../../mocks/electron'));

const main = mainUnderTest('main-pack', async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await pack.cleanup();
});
const { base } = main;
const healthFile = path.join(base, 'health.json');
let server: Server;
let served: Buffer;
let pack: TempPack;
let keys: { privateKeyFile: string; publicKeyFile: string };

async function publishTitle(title: string, revision: number, keyFile: string): Promise<Buffer> {
  const slide = path.join(pack.dir, 'slides/first.md');
  writeFileSync(slide, readFileSync(slide, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
  const file = path.join(base, `pack-${revision}.tar.gz`);
  await publishPack({ contentDir: pack.dir, keyFile, outFile: file, publishedBy: 'test', revision });
  return readFileSync(file);
}

const health = () => JSON.parse(readFileSync(healthFile, 'utf8')) as { status: string; publishedPack: { revision: number | null; lastProblem: { reason: string; message: string } | null }; lastProblem: { message: string } | null };

beforeAll(async () => {
  pack = await copyPack();
  keys = writeKeyPair(path.join(base, 'keys'));
  served = await publishTitle('From the published pack', 5, keys.privateKeyFile);
  server = createServer((_req, res) => res.writeHead(200, { 'Content-Length': served.length }).end(served));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const configFile = path.join(base, 'config.yaml');
  writeFileSync(configFile, `contentSource:\n  url: http://127.0.0.1:${port}/pack.tar.gz\n  publicKey: ${keys.publicKeyFile}\n  pollSeconds: 1\nhealthIntervalSeconds: 1\n`);
  mkdirSync(path.join(base, 'user-data'), { recursive: true });
  await main.start({ args: ['--config', configFile, '--health-file', healthFile] });
  await vi.waitFor(() => expect(existsSync(healthFile)).toBe(true));
});

describe('main following a published pack (contentSource)', () => {
  it('shows the pack it verified, and says which in the health file', async () => {
    await vi.waitFor(async () => {
      const snapshot = (await ipcMain.invoke(ipcChannels.getContentSnapshot, page())) as ContentSnapshot;
      expect(snapshot.pack.slides.find((slide) => slide.id === 'first')?.text.en?.title).toBe('From the published pack');
    }, { timeout: 10_000 });
    await vi.waitFor(() => expect(health().publishedPack).toMatchObject({ revision: 5, lastProblem: null }), { timeout: 5000 });
  });

  it('keeps it when the next is signed by another key, and says why, as a warning', async () => {
    const other = writeKeyPair(path.join(base, 'other-keys'));
    served = await publishTitle('Signed by someone else', 6, other.privateKeyFile);
    await vi.waitFor(() => expect(health().publishedPack.lastProblem?.reason).toBe('wrong-key'), { timeout: 10_000 });
    await vi.waitFor(() => expect(health().status).toBe('warning'), { timeout: 5000 });
    expect(health().lastProblem?.message).toMatch(/^content pack: The pack at .* was not shown: The pack's signature is not by the key this kiosk trusts/);
    const snapshot = (await ipcMain.invoke(ipcChannels.getContentSnapshot, page())) as ContentSnapshot;
    expect(snapshot.pack.slides.find((slide) => slide.id === 'first')?.text.en?.title).toBe('From the published pack');
  });
});
