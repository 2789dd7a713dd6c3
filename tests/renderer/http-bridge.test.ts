// The screen's HTTP bridge against the real browser host (the built CLI's `serve`) over real
// HTTP and server-sent events. jsdom has no EventSource: the `eventsource` package stands in
// for the browser's, as the screen's own EventSource would.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EventSource } from 'eventsource';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import { createHttpBridge } from '../../renderer/src/host/http-bridge';
import { copyPack, type TempPack } from '../helpers/temp-pack';
import { startKioskProcess, type KioskProcess } from '../security/kiosk-process';

let pack: TempPack;
let host: KioskProcess | undefined;

beforeAll(() => {
  globalThis.EventSource ??= EventSource as unknown as typeof globalThis.EventSource;
});
beforeEach(async () => {
  pack = await copyPack();
});
afterEach(async () => {
  await host?.stop();
  host = undefined;
  await pack.cleanup();
});

function start(args: string[] = []): Promise<KioskProcess> {
  return startKioskProcess(pack.dir, { args });
}

/** Resolves with the first snapshot that passes the test. */
function nextSnapshot(subscribe: (listener: (snapshot: ContentSnapshot) => void) => () => void, test: (snapshot: ContentSnapshot) => boolean): Promise<ContentSnapshot> {
  return new Promise((resolve) => {
    const stop = subscribe((snapshot) => {
      if (!test(snapshot)) return;
      stop();
      resolve(snapshot);
    });
  });
}

const firstTitle = (snapshot: ContentSnapshot) => snapshot.pack.slides[0]?.text.en?.title;

describe('the HTTP bridge on the real browser host', () => {
  it('gets the snapshot the host serves, from a page under any base path', async () => {
    host = await start();
    const bridge = createHttpBridge({ baseUrl: new URL('index.html?kiosk=1', host.url).href });
    const snapshot = await bridge.getContentSnapshot();
    expect(snapshot).toEqual(await host.snapshot());
    expect(firstTitle(snapshot)).toBe('First slide');
  });

  it('receives a saved edit as a pushed snapshot', async () => {
    host = await start();
    const bridge = createHttpBridge({ baseUrl: host.url });
    const pushed = nextSnapshot(bridge.onContentSnapshot, (snapshot) => firstTitle(snapshot) === 'First slide, edited');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const file = path.join(pack.dir, 'slides/first.md');
    await pack.write('slides/first.md', (await readFile(file, 'utf8')).replace('title: First slide', 'title: First slide, edited'));
    expect(firstTitle(await pushed)).toBe('First slide, edited');
  });

  it('says which request failed when the host is gone, and follows the host again once it is back', async () => {
    host = await start();
    const { port } = new URL(host.url);
    const bridge = createHttpBridge({ baseUrl: host.url });
    const pushedAfterRestart = nextSnapshot(bridge.onContentSnapshot, (snapshot) => firstTitle(snapshot) === 'First slide, after the restart');
    await host.stop();
    await expect(bridge.getContentSnapshot()).rejects.toThrow();

    host = await start(['--port', port]);
    await pack.write('slides/first.md', (await readFile(path.join(pack.dir, 'slides/first.md'), 'utf8')).replace('title: First slide', 'title: First slide, after the restart'));
    expect(firstTitle(await pushedAfterRestart)).toBe('First slide, after the restart');
  }, 40_000);
});
