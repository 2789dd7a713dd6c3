import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkMediaPath, loadPicture, normalizeMediaPath, pictureExtensions } from '../../../electron/content/media-references';
import { copyPack, type TempPack } from '../../helpers/temp-pack';
import { contextFor } from './load-context';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

describe('media references', () => {
  it('accepts a real picture in the pack; a path with backslashes is refused with the way to write it', async () => {
    pack = await copyPack();
    expect(await checkMediaPath(pack.dir, 'media/dot.svg', pictureExtensions)).toBeUndefined();
    expect(await checkMediaPath(pack.dir, ' ./media/dot.svg ', pictureExtensions)).toBeUndefined();
    expect(await checkMediaPath(pack.dir, 'media\\dot.svg', pictureExtensions)).toContain('"media/dot.svg"');
    expect(normalizeMediaPath(' ./media/dot.svg ')).toBe('media/dot.svg');
  });

  it('says why a path cannot be used', async () => {
    pack = await copyPack();
    await pack.write('media/empty.png', '');
    await symlink(path.join(pack.dir, 'media/dot.svg'), path.join(pack.dir, 'media/link.svg'));
    const why = (mediaPath: string) => checkMediaPath(pack.dir, mediaPath, pictureExtensions);
    expect(await why('../outside.svg')).toContain('points outside the content folder');
    expect(await why('C:/pictures/dot.svg')).toContain('points outside the content folder');
    expect(await why('media/dot.bmp')).toContain('Use a file ending in .png');
    expect(await why('media/missing.svg')).toContain('There is no file "media/missing.svg"');
    expect(await why('media/empty.png')).toContain('is an empty file');
    expect(await why('media/link.svg')).toContain('shortcut (symbolic link)');
  });

  it('gives a picture with a bad path no picture and one bad-media error at its line', async () => {
    pack = await copyPack();
    const checked = await loadPicture('media/missing.svg', { file: 'slides/first.md', line: 4, field: 'image', example: 'image: media/welcome.png' }, contextFor(pack.dir));
    expect(checked.picture).toBeUndefined();
    expect(checked.problems).toEqual([{ severity: 'error', code: 'bad-media', file: 'slides/first.md', line: 4, field: 'image', example: 'image: media/welcome.png', message: expect.stringContaining('media/missing.svg') }]);
    expect(await loadPicture('media/dot.svg', { file: 'slides/first.md', field: 'image' }, contextFor(pack.dir))).toEqual({ picture: { path: 'media/dot.svg' }, problems: [] });
  });
});
