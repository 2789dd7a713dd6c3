import { describe, expect, it } from 'vitest';
import { defaultIdleTimeoutSeconds, fellBackMessage, judgeLanguages, judgeSettings } from '../../../electron/content/settings-fallback';
import { parseYamlSource } from '../../../electron/content/yaml-source';

const base = `clinic:
  name: Test Clinic
languages: [en, es]
defaultLanguage: en
idleTimeoutSeconds: 45
frontDesk: Please tell the front desk.
crisis:
  title: Need help now?
  intro: Help is free.
  resources:
    - name: 988 Suicide & Crisis Lifeline
      contact: Call or text 988
`;
const judge = (text: string) => {
  const source = parseYamlSource(text);
  return judgeSettings(source.value, source);
};

describe('judging settings field by field', () => {
  it('uses the settings as written when every field can be used', () => {
    const judged = judge(base);
    expect(judged).toMatchObject({ fellBack: false, problems: [], languages: { languages: ['en', 'es'], defaultLanguage: 'en', asWritten: true } });
    expect(judged.value?.idleTimeoutSeconds).toBe(45);
  });

  it('judges the languages on their own, whatever else is wrong', () => {
    expect(judgeLanguages({ languages: ['es', 'en'], defaultLanguage: 'en' })).toEqual({ languages: ['en', 'es'], defaultLanguage: 'en', asWritten: true });
    expect(judgeLanguages({ languages: ['en', 'Spanish'], defaultLanguage: 'en' })).toEqual({ languages: ['en'], defaultLanguage: 'en', asWritten: false });
    expect(judgeLanguages({ languages: 'en', defaultLanguage: 'es' })).toEqual({ languages: ['es'], defaultLanguage: 'es', asWritten: false });
    expect(judgeLanguages({ languages: ['es'], defaultLanguage: 'en' })).toEqual({ languages: ['es'], defaultLanguage: 'es', asWritten: false });
    expect(judgeLanguages('not settings')).toEqual({ languages: ['en'], defaultLanguage: 'en', asWritten: false });
  });

  it('replaces each unusable field that has a default, with one problem each that says so', () => {
    const judged = judge(base.replace('idleTimeoutSeconds: 45', 'idleTimeoutSeconds: ninety').replace('defaultLanguage: en', 'defaultLanguage: fr'));
    expect(judged.fellBack).toBe(true);
    expect(judged.value).toMatchObject({ idleTimeoutSeconds: defaultIdleTimeoutSeconds, defaultLanguage: 'en' });
    expect(judged.problems.map((problem) => [problem.field, problem.line, problem.message])).toEqual([
      ['idleTimeoutSeconds', 5, '"idleTimeoutSeconds" is "ninety", which cannot be used here, so the kiosk uses the default, 90 seconds, until this is fixed.'],
      ['defaultLanguage', 4, '"defaultLanguage" is "fr", which cannot be used here, so the kiosk uses en as the default language until this is fixed.'],
    ]);
  });

  it('uses nothing when a field without a default cannot be used, and words the problems as before', () => {
    const judged = judge(base.replace('idleTimeoutSeconds: 45', 'idleTimeoutSeconds: 8').replace('  name: Test Clinic', '  name: ""'));
    expect(judged.value).toBeUndefined();
    expect(judged.problems.map((problem) => problem.message)).toEqual(['"clinic.name" is empty, which cannot be used here.', '"idleTimeoutSeconds" is 8, which cannot be used here.']);
  });

  it('completes a problem\'s sentence with what the kiosk does instead', () => {
    expect(fellBackMessage('"x" is missing.', 'shows no logo')).toBe('"x" is missing, so the kiosk shows no logo until this is fixed.');
  });
});
