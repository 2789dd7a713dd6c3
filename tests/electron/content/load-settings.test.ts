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

describe('openingHours and closedDates in settings.yaml', () => {
  it('reads each weekday, a day left out or written closed as closed, and the closed dates', async () => {
    const { settings, problems } = await settingsFrom(
      `${valid}openingHours:\n  monday: "08:00-17:00"\n  tuesday: 08:00-12:00, 13:00-17:00\n  saturday: closed\nclosedDates: [2026-12-25, 2027-01-01]\n`,
    );
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(settings?.openingHours).toEqual({
      weekly: {
        mon: [{ from: '08:00', until: '17:00' }],
        tue: [
          { from: '08:00', until: '12:00' },
          { from: '13:00', until: '17:00' },
        ],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
        sun: [],
      },
      closedDates: ['2026-12-25', '2027-01-01'],
    });
  });

  it('leaves the kiosk always open without either, and takes closed dates on their own', async () => {
    expect((await settingsFrom(valid)).settings?.openingHours).toBeUndefined();
    expect((await settingsFrom(`${valid}closedDates: [2026-12-25]\n`)).settings?.openingHours).toEqual({ closedDates: ['2026-12-25'] });
  });

  it('names a bad range with its line and what was expected, and stays open at all hours until it is fixed', async () => {
    const { settings, fallback, problems } = await settingsFrom(`${valid}openingHours:\n  monday: "08:00-17:00"\n  friday: "17:00-08:00"\n`);
    expect(settings).toBeUndefined();
    expect(fallback?.openingHours).toBeUndefined();
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'invalid-value',
        field: 'openingHours.friday',
        line: 16,
        message: '"openingHours.friday" is "17:00-08:00", which cannot be used here, so the kiosk stays open at all hours until this is fixed.',
        expected: expect.stringContaining('cannot run past midnight'),
        example: 'friday: "08:00-12:00, 13:00-17:00"',
      }),
    ]);
  });

  it('names a misspelt weekday, a time that is no time, and a date that is no date, each on its line', async () => {
    const misspelt = await settingsFrom(`${valid}openingHours:\n  munday: "08:00-17:00"\n`);
    expect(misspelt.problems).toContainEqual(expect.objectContaining({ code: 'unknown-field', field: 'openingHours.munday', line: 15, message: expect.stringContaining('Did you mean "monday"?') }));
    const errors = async (text: string) => (await settingsFrom(text)).problems.filter((problem) => problem.severity === 'error');
    const words = await errors(`${valid}openingHours:\n  monday: "8 to 5"\n`);
    expect(words).toEqual([expect.objectContaining({ code: 'invalid-value', field: 'openingHours.monday', line: 15, expected: expect.stringContaining('"08:00-17:00"') })]);
    const noTime = await errors(`${valid}openingHours:\n  monday: "08:00-12:00"\n  tuesday: "08:00-25:00"\n`);
    expect(noTime).toEqual([expect.objectContaining({ code: 'invalid-value', field: 'openingHours.tuesday', line: 16, expected: expect.stringContaining('real times of day') })]);
    const overlapping = await errors(`${valid}openingHours:\n  monday: "08:00-12:00, 11:00-17:00"\n`);
    expect(overlapping).toEqual([expect.objectContaining({ field: 'openingHours.monday', line: 15, expected: expect.stringContaining('"11:00-17:00" starts before 12:00') })]);
    const noDate = await settingsFrom(`${valid}closedDates:\n  - 2026-12-25\n  - 2026-02-30\n`);
    expect(noDate.problems.filter((problem) => problem.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'invalid-value', field: 'closedDates[2]', line: 16, message: expect.stringContaining('keeps no closed dates') }),
    ]);
    expect(noDate.fallback?.openingHours).toBeUndefined();
  });
});
