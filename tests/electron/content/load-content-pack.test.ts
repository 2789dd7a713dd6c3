import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentProblem } from '../../../common/content-model';
import { loadContentPack } from '../../../electron/content/load-content-pack';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

async function loadWith(files: Record<string, string>) {
  pack = await copyPack();
  for (const [file, text] of Object.entries(files)) await pack.write(file, text);
  return loadContentPack(pack.dir);
}

function errorsOf(result: Awaited<ReturnType<typeof loadContentPack>>): ContentProblem[] {
  return result.problems.filter((problem) => problem.severity === 'error');
}

describe('loadContentPack', () => {
  it('loads a valid pack into typed slides and sections, in order', async () => {
    const result = await loadWith({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems).toEqual([]);
    expect(result.pack.settings).toEqual({ clinicName: 'Test Clinic', languages: ['en'], defaultLanguage: 'en', idleTimeoutSeconds: 45 });
    expect(result.pack.slides.map((slide) => [slide.id, slide.durationSeconds])).toEqual([
      ['first', 5],
      ['second', 6],
    ]);
    expect(result.pack.slides[0]?.image).toEqual({ path: 'media/dot.svg', alt: 'A green dot' });
    expect(result.pack.slides[0]?.body).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Hello from the ' }, { type: 'strong', children: [{ type: 'text', value: 'first' }] }, { type: 'text', value: ' slide.' }] },
    ]);
    expect(result.pack.slides[1]?.sources).toEqual(['Test source, 2024']);
    expect(result.pack.sections.map((section) => section.title)).toEqual(['Alpha topic', 'Beta topic']);
    expect(result.pack.sections[0]?.body.map((block) => block.type)).toEqual(['paragraph', 'heading', 'list']);
  });

  it('reports a front-matter value of the wrong type with file, line, field and what was expected', async () => {
    const result = await loadWith({ 'slides/second.md': '---\ntitle: Second slide\nduration: ten\n---\nBody\n' });
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ code: 'invalid-value', file: 'slides/second.md', line: 3, field: 'duration', expected: 'a number' }),
    ]);
    expect(errorsOf(result)[0]?.message).toContain('"ten"');
  });

  it('reports a missing required field', async () => {
    const result = await loadWith({ 'slides/second.md': '---\nduration: 8\n---\nBody\n' });
    expect(errorsOf(result)).toEqual([expect.objectContaining({ code: 'missing-field', file: 'slides/second.md', field: 'title', expected: 'a short title for the slide' })]);
  });

  it('reports a misspelt field at the line where it is written', async () => {
    const result = await loadWith({ 'slides/second.md': '---\ntitle: Second\n\ndurration: 8\n---\nBody\n' });
    expect(errorsOf(result)).toEqual([expect.objectContaining({ code: 'unknown-field', file: 'slides/second.md', line: 4, field: 'durration' })]);
  });

  it('reports broken YAML syntax with its line', async () => {
    const result = await loadWith({ 'slides/first.md': '---\ntitle: First\nduration: 5\n  image: : x\n---\nBody\n' });
    expect(result.ok).toBe(false);
    const [problem] = errorsOf(result);
    expect(problem).toMatchObject({ code: 'yaml-syntax', file: 'slides/first.md' });
    expect(problem?.line).toBeGreaterThanOrEqual(3);
    expect(problem?.message).not.toMatch(/BLOCK_AS_IMPLICIT_KEY|compact mappings/);
  });

  it('reports a file without front matter', async () => {
    const result = await loadWith({ 'sections/beta.md': 'Just text, no fields.\n' });
    expect(errorsOf(result)).toEqual([expect.objectContaining({ code: 'missing-front-matter', file: 'sections/beta.md', line: 1 })]);
  });

  it('reports nested settings problems with their line at any depth', async () => {
    const result = await loadWith({
      'settings.yaml': 'clinic:\n  name: ""\nlanguages: [en]\ndefaultLanguage: fr\nidleTimeoutSeconds: 5\n',
    });
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'settings.yaml', field: 'clinic.name', line: 2, expected: 'the clinic name, as patients know it' }),
        expect.objectContaining({ file: 'settings.yaml', field: 'idleTimeoutSeconds', line: 5, expected: 'at least 30 seconds, so patients have time to read' }),
      ]),
    );
  });

  it('reports a missing settings file', async () => {
    pack = await copyPack();
    await pack.remove('settings.yaml');
    const result = await loadContentPack(pack.dir);
    expect(errorsOf(result)).toEqual([expect.objectContaining({ code: 'missing-file', file: 'settings.yaml' })]);
  });

  it('reports a slide order naming a slide that does not exist', async () => {
    const result = await loadWith({ 'settings.yaml': 'clinic:\n  name: X\nlanguages: [en]\ndefaultLanguage: en\nidleTimeoutSeconds: 60\nslideOrder: [first, nope]\n' });
    expect(errorsOf(result)).toEqual([expect.objectContaining({ code: 'unknown-slide', file: 'settings.yaml', line: 6, field: 'slideOrder[2]' })]);
  });

  it('plays slides missing from the order after the others, with a warning', async () => {
    const result = await loadWith({ 'slides/third.md': '---\ntitle: Third\n---\nThree\n' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.slides.map((slide) => slide.id)).toEqual(['first', 'second', 'third']);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'slide-not-in-order', file: 'slides/third.md' })]);
  });

  it.each([
    ['a missing picture', 'media/none.svg', 'There is no file'],
    ['a path outside the pack', '../outside.svg', 'outside the content folder'],
    ['an absolute path', '/etc/passwd.svg', 'outside the content folder'],
    ['a file type the screen cannot show', 'slides/second.md', 'not a kind of file'],
  ])('refuses %s as a slide picture', async (_name, image, message) => {
    const result = await loadWith({ 'slides/first.md': `---\ntitle: First\nimage: ${image}\nimageAlt: x\n---\nBody\n` });
    expect(errorsOf(result)).toEqual([expect.objectContaining({ code: 'bad-media', file: 'slides/first.md', line: 3, field: 'image' })]);
    expect(errorsOf(result)[0]?.message).toContain(message);
  });

  it('refuses a picture that is a symbolic link', async () => {
    pack = await copyPack();
    await symlink(path.join(pack.dir, 'media/dot.svg'), path.join(pack.dir, 'media/link.svg'));
    await pack.write('slides/first.md', '---\ntitle: First\nimage: media/link.svg\nimageAlt: x\n---\nBody\n');
    const result = await loadContentPack(pack.dir);
    expect(errorsOf(result)[0]?.message).toContain('symbolic link');
  });

  it('requires alt text for a picture', async () => {
    const result = await loadWith({ 'slides/first.md': '---\ntitle: First\nimage: media/dot.svg\n---\nBody\n' });
    expect(errorsOf(result)).toEqual([expect.objectContaining({ field: 'imageAlt', code: 'missing-field' })]);
  });

  it('refuses file names that cannot be ids', async () => {
    const result = await loadWith({ 'slides/My Slide.md': '---\ntitle: Mine\n---\nBody\n' });
    expect(errorsOf(result)).toEqual([expect.objectContaining({ code: 'bad-file-name', file: 'slides/My Slide.md' })]);
  });

  it('leaves raw HTML and unsafe links out of the text and warns with the line', async () => {
    const result = await loadWith({
      'sections/beta.md': '---\ntitle: Beta\n---\nSafe text.\n\n<script>alert(1)</script>\n\nA [bad link](javascript:alert(1)) and <b>bold</b>.\n',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const body = JSON.stringify(result.pack.sections.find((section) => section.id === 'beta')?.body);
    expect(body).not.toMatch(/script|javascript|<b>/);
    expect(body).toContain('bad link');
    expect(result.problems.map((problem) => [problem.code, problem.line])).toEqual([
      ['left-out-html', 6],
      ['left-out-unsafe-link', 8],
      ['left-out-html', 8],
      ['left-out-html', 8],
    ]);
  });

  it('reports every problem in the pack at once', async () => {
    const result = await loadWith({
      'slides/first.md': '---\ntitle: 5\nduration: -1\n---\n',
      'sections/alpha.md': '---\norder: x\n---\n',
    });
    expect(errorsOf(result).map((problem) => `${problem.file}:${problem.field}`).sort()).toEqual([
      'sections/alpha.md:order',
      'sections/alpha.md:title',
      'slides/first.md:duration',
      'slides/first.md:title',
    ]);
  });
});
