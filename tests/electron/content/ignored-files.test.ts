import { describe, expect, it } from 'vitest';
import { isIgnoredContentPath } from '../../../electron/content/ignored-files';

describe('helper files beside content', () => {
  it('are ignored, whoever left them', () => {
    const helpers = ['slides/._welcome.md', '.DS_Store', 'media/Thumbs.db', 'slides/desktop.ini', 'slides/~$welcome.md', 'slides/.welcome.md.swp', 'slides/welcome.md~', 'slides/#welcome.md#', 'slides/.#welcome.md', 'slides/welcome.md.bak', 'media/clip.mp4.part', 'media/photo.jpg.crdownload', '.git/config', 'slides/.~lock.welcome.md#'];
    for (const file of helpers) expect(isIgnoredContentPath(file), file).toBe(true);
  });

  it('leave content alone, including names that merely contain the same letters', () => {
    for (const file of ['slides/welcome.md', 'slides/welcome.es.md', 'media/thumbs-up.svg', 'settings.yaml', 'slides/new-slide.md.txt', 'sections/c#-basics.md']) expect(isIgnoredContentPath(file), file).toBe(false);
  });
});
