// Content delivered the ways clinics really deliver it: rsync (with and without
// --delay-updates), cp and mv over the old file, git checkout, and a sync engine's temporary
// file renamed into place. Each tool makes 20 updates in a row; every one is on screen within 2 s.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '../helpers/kiosk-fixture';
import { currentSlideTitle } from '../helpers/kiosk-screen';
import { validPackDir } from '../helpers/temp-pack';

const updates = 20;
const wholeSecond = 1_767_000_000;

// Each tool delivers into a folder of its own making (a git checkout, an rsync target), which the host shows.
test.use({ packSource: validPackDir, startHost: false });

// A different length each time: rsync skips a file whose size and modification second are unchanged.
function firstSlide(update: number): string {
  return `---\ntitle: Update ${update}\nduration: 5\n---\nSaved ${'again '.repeat(update)}\n`;
}

interface Delivery {
  /** Prepares the folder the host shows; returns it. */
  setUp(base: string): Promise<string>;
  /** Delivers update number `update` with the real tool. */
  deliver(base: string, update: number): Promise<void>;
  /** The title the screen shows after `update` (git alternates between two revisions). */
  title?(update: number): string;
}

const run = (command: string, args: string[], cwd?: string) => execFileSync(command, args, { cwd, stdio: 'pipe' });

async function copyOfValidPack(to: string): Promise<string> {
  await cp(validPackDir, to, { recursive: true });
  return to;
}

function rsyncDelivery(extra: string[], sameSizeSameSecond = false): Delivery {
  return {
    async setUp(base) {
      await copyOfValidPack(path.join(base, 'staging'));
      return copyOfValidPack(path.join(base, 'content'));
    },
    title: sameSizeSameSecond ? (update) => `Update ${String(update).padStart(2, '0')}` : undefined,
    async deliver(base, update) {
      const first = path.join(base, 'staging/slides/first.md');
      if (sameSizeSameSecond) {
        // What a quick edit looks like to rsync: the same size, saved within the same second.
        await writeFile(first, `---\ntitle: Update ${String(update).padStart(2, '0')}\nduration: 5\n---\nSaved.\n`);
        await utimes(first, wholeSecond + update / 100, wholeSecond + update / 100);
      } else {
        await writeFile(first, firstSlide(update));
      }
      await writeFile(path.join(base, 'staging/slides/second.md'), firstSlide(update).replace('Update', 'Second'));
      await writeFile(path.join(base, 'staging/sections/alpha.md'), `---\ntitle: Alpha ${update}\n---\n${'Text '.repeat(update)}\n`);
      // The whole folder, as a deployment script does.
      run('rsync', ['-a', '--delete', ...extra, `${base}/staging/`, `${base}/content/`]);
    },
  };
}

const deliveries: Record<string, Delivery> = {
  'rsync -a': rsyncDelivery([]),
  'rsync -a --delay-updates': rsyncDelivery(['--delay-updates']),
  // Plain rsync -a compares whole seconds only and would skip these files (see docs/deploy.md).
  'rsync -a --modify-window=-1 (same size, same second)': rsyncDelivery(['--modify-window=-1'], true),
  'cp over the old file': {
    setUp: (base) => copyOfValidPack(path.join(base, 'content')),
    async deliver(base, update) {
      await writeFile(path.join(base, 'new-first.md'), firstSlide(update));
      run('cp', [path.join(base, 'new-first.md'), path.join(base, 'content/slides/first.md')]);
    },
  },
  'mv over the old file': {
    setUp: (base) => copyOfValidPack(path.join(base, 'content')),
    async deliver(base, update) {
      await writeFile(path.join(base, 'new-first.md'), firstSlide(update));
      run('mv', [path.join(base, 'new-first.md'), path.join(base, 'content/slides/first.md')]);
    },
  },
  'git checkout of another revision': {
    async setUp(base) {
      const repo = path.join(base, 'repo');
      await mkdir(repo);
      const content = await copyOfValidPack(path.join(repo, 'content'));
      const git = (...args: string[]) => run('git', ['-c', 'user.name=Clinic IT', '-c', 'user.email=it@clinic.example', ...args], repo);
      git('init', '-q', '-b', 'main');
      await writeFile(path.join(content, 'slides/first.md'), firstSlide(1));
      git('add', '-A');
      git('commit', '-q', '-m', 'Revision A');
      git('tag', 'revision-a');
      await writeFile(path.join(content, 'slides/first.md'), firstSlide(2));
      git('commit', '-q', '-am', 'Revision B');
      git('tag', 'revision-b');
      return content;
    },
    async deliver(base, update) {
      run('git', ['checkout', '-q', update % 2 === 1 ? 'revision-a' : 'revision-b'], path.join(base, 'repo'));
    },
    // Revision A holds "Update 1", revision B (checked out to begin with) "Update 2".
    title: (update) => `Update ${update % 2 === 1 ? 1 : 2}`,
  },
  "a sync engine's temporary file renamed into place": {
    setUp: (base) => copyOfValidPack(path.join(base, 'content')),
    async deliver(base, update) {
      // Syncthing's and Resilio's own temporary names, in the slides folder itself.
      const temporary = path.join(base, 'content/slides', update % 2 === 0 ? '.syncthing.first.md.tmp' : '.~tmp123');
      await writeFile(temporary, firstSlide(update));
      run('mv', [temporary, path.join(base, 'content/slides/first.md')]);
    },
  },
};

for (const [tool, delivery] of Object.entries(deliveries)) {
  test(`every update by ${tool} reaches the screen within 2 s, ${updates} times in a row`, async ({ page, kiosk }) => {
    test.setTimeout(90_000);
    const base = await mkdtemp(path.join(tmpdir(), 'kiosk-sync-'));
    try {
      const host = await kiosk.start({ contentDir: await delivery.setUp(base) });
      // The page's clock stands still, so the first slide stays on screen while it is changed.
      await kiosk.open(page);
      await expect(currentSlideTitle(page)).toHaveText(/^(First slide|Update \d+)$/);
      for (let update = 1; update <= updates; update++) {
        await delivery.deliver(base, update);
        const title = delivery.title?.(update) ?? `Update ${update}`;
        await expect(currentSlideTitle(page), `update ${update} by ${tool}`).toHaveText(title, { timeout: 2000 });
      }
      // The API agrees with the screen.
      expect((await host.snapshot()).pack.slides[0]?.text.en?.title).toBe(delivery.title?.(updates) ?? `Update ${updates}`);
    } finally {
      await kiosk.stop();
      await rm(base, { recursive: true, force: true });
    }
  });
}
