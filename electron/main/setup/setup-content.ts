// The content on screen: a folder (or the published pack IT follows), watched and checked,
// with the last good pack kept on disk, served to the page over kiosk://.
import path from 'node:path';
import { protocol } from 'electron';
import type { KioskConfig } from '../../config/kiosk-config';
import { startContentService, type ContentService, type ContentServiceOptions, type MediaRoots } from '../../content/content-service';
import { firstPageOfBuild, type FirstPage } from '../../content/first-screen';
import { openLastGoodStore } from '../../content/last-good-pack';
import { startPackFollower, type PackFollower } from '../../fleet/pack-follower';
import { setupContentProtocol } from '../content-protocol';
import type { HostProblems } from '../host-problems';
import type { KioskContext } from './kiosk-context';
import type { LogLine } from '../../logging/log-line';

export interface KioskContent {
  content: ContentService;
  /** The published pack followed instead of a folder, when IT set contentSource. */
  follower: PackFollower | undefined;
  /** The folder the content is read from (the follower's copy, when there is one). */
  contentDir: string;
  /** Serves the first page from this feed from now on (setupNotices: with the posted notice in it, as the bridge sends). */
  showFirstPageFrom(feed: Pick<ContentService, 'current'>): void;
}

export async function setupContent(kiosk: KioskContext, rendererDir: string): Promise<KioskContent> {
  const { config, log, problems, lifecycle } = kiosk;
  // Outside the content folder, so staff never see or copy it.
  const displayCopyDir = kiosk.dataPath('display-copies');
  const lastGood = openLastGoodStore(kiosk.dataPath('last-good'));
  // Media come from the content folder, or from the saved last good copy while that is on show.
  let mediaRoots = (): MediaRoots => ({ contentDir: config.contentDir, displayCopyDir });
  let firstPage: (() => FirstPage) | undefined;
  setupContentProtocol(protocol, () => ({ rendererDir, ...mediaRoots(), firstPage }), log);

  let reloadContent = async (): Promise<void> => {};
  const follower = config.contentSource ? await followPublishedPack(kiosk, () => reloadContent()) : undefined;
  const contentConfig = follower ? { ...config, contentDir: follower.currentDir } : config;
  const content = await startContent(contentConfig, { displayCopyDir, lastGood }, log, problems);
  reloadContent = () => content.reload();
  if (follower) lifecycle.onQuit(() => follower.close());
  mediaRoots = () => content.mediaRoots();
  const pageFor = firstPageOfBuild(rendererDir, log);
  let pageFeed: Pick<ContentService, 'current'> = content;
  if (pageFor) firstPage = () => pageFor(pageFeed.current());
  lifecycle.onQuit(() => content.close());
  return { content, follower, contentDir: contentConfig.contentDir, showFirstPageFrom: (feed) => (pageFeed = feed) };
}

function followPublishedPack(kiosk: KioskContext, onNewPack: () => Promise<void>): Promise<PackFollower | undefined> {
  const source = kiosk.config.contentSource!;
  return startPackFollower({
    url: source.url,
    publicKeyFile: source.publicKey,
    pollSeconds: source.pollSeconds,
    stateDir: kiosk.dataPath('published-pack'),
    // The window opens at once, with the last good pack or its waiting screen, while it downloads.
    firstPoll: 'background',
    onNewPack,
    onProblem: (problem) => kiosk.problems.add(`content pack: ${problem.message}`),
    log: kiosk.log,
  }).catch((error: unknown) => {
    kiosk.problems.add(`The published pack at ${source.url} cannot be followed: ${(error as Error).message}`);
    return undefined;
  });
}

async function startContent(config: KioskConfig, stores: Pick<ContentServiceOptions, 'displayCopyDir' | 'lastGood'>, log: LogLine, problems: HostProblems): Promise<ContentService> {
  try {
    return await startContentService({ contentDir: config.contentDir, log, usePolling: config.pollContent, ...stores });
  } catch (error) {
    // The window still opens, showing its calm "waiting for content" state; a restart tries again.
    problems.add(`The content folder ${config.contentDir} could not be watched: ${(error as Error).message}`);
    return {
      current: () => undefined,
      problems: () => [],
      subscribe: () => () => {},
      mediaRoots: () => ({ contentDir: config.contentDir }),
      source: () => ({ kind: 'none' }),
      reload: async () => {},
      close: async () => {},
    };
  }
}

/** Where the built page is: dist/electron/main.cjs sits beside dist/renderer/. */
export function rendererDirBeside(mainDir: string): string {
  return path.join(mainDir, '..', 'renderer');
}
