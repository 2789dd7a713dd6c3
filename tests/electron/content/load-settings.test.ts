import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../electron/content/load-settings';
import { copyPack, type TempPack } from '../../helpers/temp-pack';
import { contextFor } from './load-context';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

async function settingsFrom(text?: string) {
  pack = await copyPack();
  if (text !== undefined) await pack.write('settings.yaml', text);
  const context = contextFor(pack.dir);
  const loaded = await loadSettings(context);
  return { ...loaded, context, problems: context.problems };
}

const valid = `clinic:
  name: Test Clinic
languages: [es, en]
defaultLanguage: en
idleTimeoutSeconds: 45
frontDesk:
  en: Please tell the front desk.
crisis:
  title: Need help now?
  intro: Help is free.
  resources:
    - name: 988 Suicide & Crisis Lifeline
      contact: { en: Call or text 988, es: Llame al 988, fr: Appelez le 988 }
`;

describe('settings.yaml', () => {
  it('puts the default language first and gives every text in every language', async () => {
    const { settings, context, problems } = await settingsFrom(valid);
    expect(context.languages).toEqual(['en', 'es']);
    expect(settings?.languages).toEqual(['en', 'es']);
    expect(settings).toMatchObject({ idleTimeoutSeconds: 45, clinicName: { en: 'Test Clinic', es: 'Test Clinic' }, frontDesk: { en: 'Please tell the front desk.', es: 'Please tell the front desk.' } });
    expect(problems.map((problem) => [problem.severity, problem.code, problem.field, problem.line])).toEqual([
      ['warning', 'missing-translation', 'frontDesk', 6],
      ['warning', 'unused-translation', 'crisis.resources[1].contact.fr', 13],
    ]);
  });

  it('explains a missing settings file', async () => {
    pack = await copyPack();
    await pack.remove('settings.yaml');
    const context = contextFor(pack.dir);
    expect(await loadSettings(context)).toEqual({});
    expect(context.problems).toEqual([expect.objectContaining({ code: 'missing-file', message: expect.stringContaining('Every content folder needs one') })]);
  });

  it('refuses a theme whose text cannot be read, and warns about buttons too close to the page', async () => {
    const unreadable = await settingsFrom(`${valid}theme:\n  text: "#eeeeee"\n`);
    expect(unreadable.settings).toBeUndefined();
    expect(unreadable.problems).toContainEqual(expect.objectContaining({ severity: 'error', code: 'low-contrast', field: 'theme.text', line: 15 }));
    const paleButtons = await settingsFrom(`${valid}theme:\n  accent: "#e6e3dc"\n  accentText: "#000000"\n`);
    expect(paleButtons.settings?.theme.accent).toBe('#e6e3dc');
    expect(paleButtons.problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'low-contrast', field: 'theme.accent', message: expect.stringContaining('theme.accent and theme.background') }));
  });
});
