// The notices folder and the staff's notice phrases, read from real files on disk.
import { afterEach, describe, expect, it } from 'vitest';
import { loadContentPack } from '../../../electron/content/load-content-pack';
import { liveNotices } from '../../../common/notices';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

const now = new Date('2026-12-02T10:00:00');

async function loadWith(files: Record<string, string>, settingsTail = '') {
  pack = await copyPack();
  for (const [file, text] of Object.entries(files)) await pack.write(file, text);
  if (settingsTail) {
    const { readFile } = await import('node:fs/promises');
    const settings = await readFile(`${pack.dir}/settings.yaml`, 'utf8');
    await pack.write('settings.yaml', `${settings}${settingsTail}`);
  }
  return loadContentPack(pack.dir, { now });
}

const flu = '---\ntitle: Flu shots today\nlevel: info\n---\nAsk at the front desk.\n';
const fluEs = '---\ntitle: Vacunas contra la gripe hoy\n---\nPregunte en la recepción.\n';

describe('notices/', () => {
  it('a pack without the folder has no notices and no problem about it', async () => {
    const result = await loadWith({});
    expect(result.problems).toEqual([]);
    expect(result.pack!.notices).toEqual([]);
  });

  it('loads a good notice with its Spanish translation', async () => {
    const result = await loadWith({ 'notices/flu-shots.md': flu, 'notices/flu-shots.es.md': fluEs });
    expect(result.problems).toEqual([]);
    const [notice] = result.pack!.notices;
    expect(notice).toMatchObject({ id: 'flu-shots', file: 'notices/flu-shots.md', level: 'info' });
    expect(notice!.text.en!.title).toBe('Flu shots today');
    expect(notice!.text.es!.title).toBe('Vacunas contra la gripe hoy');
    expect(notice!.text.es!.body).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'Pregunte en la recepción.' }] }]);
  });

  it('a missing translation falls back to the original, with a warning naming the file to add', async () => {
    const result = await loadWith({ 'notices/flu-shots.md': flu });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'missing-translation', file: 'notices/flu-shots.md', message: expect.stringContaining('notices/flu-shots.es.md') })]);
    expect(result.pack!.notices[0]!.text.es!.title).toBe('Flu shots today');
  });

  it('leaves out a notice with a bad level, naming the file, line and field', async () => {
    const result = await loadWith({ 'notices/snow.md': '---\ntitle: Closing at 3 pm\nlevel: loud\n---\n', 'notices/snow.es.md': '---\ntitle: Cerramos a las 3\n---\n' });
    expect(result.pack!.notices).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'invalid-value', file: 'notices/snow.md', line: 3, field: 'level', expected: 'one of: info, urgent' })]);
  });

  it('an expired notice is reported and does not show; a scheduled one shows only in its hours', async () => {
    const result = await loadWith({
      'notices/old.md': '---\ntitle: Old news\nexpires: 2026-12-01\n---\n',
      'notices/old.es.md': '---\ntitle: Noticia vieja\n---\n',
      'notices/morning.md': '---\ntitle: Lab opens late\nlevel: urgent\nschedule:\n  startTime: "08:00"\n  endTime: "11:30"\n---\n',
      'notices/morning.es.md': '---\ntitle: El laboratorio abre tarde\n---\n',
    });
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'expired', file: 'notices/old.md', line: 3, field: 'expires', message: expect.stringContaining('no longer shows') })]);
    const notices = result.pack!.notices;
    expect(liveNotices(notices, null, now).map((notice) => notice.key)).toEqual(['notice:morning']);
    expect(liveNotices(notices, null, new Date('2026-12-02T11:30:00'))).toEqual([]);
  });

  it('warns about a notice too long for a banner', async () => {
    const long = `---\ntitle: A long notice\n---\n${'word '.repeat(45)}\n`;
    const result = await loadWith({ 'notices/long.md': long, 'notices/long.es.md': '---\ntitle: Un aviso\n---\nCorto.\n' });
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'notice-too-long', file: 'notices/long.md' })]);
    expect(result.pack!.notices).toHaveLength(1);
  });
});

describe('noticePhrases in settings.yaml', () => {
  const phrases = `noticePhrases:
  - id: running-late
    text:
      en: "We are running about {minutes} minutes late"
      es: "Vamos con unos {minutes} minutos de retraso"
    number: { default: 15, min: 5, max: 90, step: 5 }
  - id: flu
    text: "Flu shots today"
`;

  it('reads each phrase with its number and limits', async () => {
    const result = await loadWith({}, phrases);
    expect(result.problems).toEqual([]);
    expect(result.pack!.settings.noticePhrases).toEqual([
      { id: 'running-late', text: { en: 'We are running about {minutes} minutes late', es: 'Vamos con unos {minutes} minutos de retraso' }, number: { name: 'minutes', default: 15, min: 5, max: 90, step: 5 } },
      { id: 'flu', text: { en: 'Flu shots today', es: 'Flu shots today' } },
    ]);
  });

  it('refuses a phrase with two numbers, and one with a number but no limits', async () => {
    const two = 'noticePhrases:\n  - id: two\n    text: "About {minutes} minutes, room {room}"\n    number: { default: 1, min: 1, max: 9 }\n';
    const result = await loadWith({}, two);
    expect(result.problems).toEqual([expect.objectContaining({ file: 'settings.yaml', field: 'noticePhrases[1].text', message: expect.stringContaining('offers no notice phrases') })]);
    expect(result.pack).toBeUndefined();
    expect(result.fallbackPack!.settings.noticePhrases).toEqual([]);
    const noLimits = await loadWith({}, 'noticePhrases:\n  - id: late\n    text: "About {minutes} minutes late"\n');
    expect(noLimits.problems).toEqual([expect.objectContaining({ field: 'noticePhrases[1].number', line: expect.any(Number) })]);
  });

  it('offers only the first of two phrases with the same id', async () => {
    const result = await loadWith({}, 'noticePhrases:\n  - id: flu\n    text: "Flu shots today"\n  - id: flu\n    text: "Flu shots tomorrow"\n');
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'duplicate-notice-phrase', line: 27, field: 'noticePhrases[2].id' })]);
    expect(result.pack!.settings.noticePhrases.map((phrase) => phrase.text.en)).toEqual(['Flu shots today']);
  });
});
