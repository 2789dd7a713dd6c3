// electron-builder.yml checked against electron-builder's own JSON schema, with the Ajv options
// electron-builder itself uses (app-builder-lib/out/util/config/schemaValidator.js), so a
// misspelt or misplaced key fails here rather than at packing time on a build machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const projectDir = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(path.join(projectDir, 'package.json'));
const schemaPath = path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json');

type BuilderConfig = Record<string, unknown> & {
  electronFuses?: Record<string, boolean>;
  nsis?: Record<string, unknown>;
  linux?: { target?: string[] };
  win?: { target?: string[] };
  mac?: { target?: string[] };
  extraResources?: Array<{ from: string; to: string }>;
};

let validate: ValidateFunction;
const readConfig = (): BuilderConfig => parse(readFileSync(path.join(projectDir, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

beforeAll(() => {
  const ajv = new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false });
  validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
});

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const valid = validate(readConfig());
    expect(valid, JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it.each([
    ['a misspelt key', { electronFuse: { runAsNode: false } }],
    ['an unknown fuse', { electronFuses: { runAsNodes: false } }],
    ['a wrong type', { asar: 'yes please' }],
    ['an unknown NSIS option', { nsis: { perMachines: true } }],
  ])('would catch %s (the check can fail)', (_name, change) => {
    expect(validate({ ...readConfig(), ...change })).toBe(false);
  });

  it('burns in the fuses the kiosk relies on', () => {
    expect(readConfig().electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds deb and AppImage, a per-machine NSIS installer and a dmg, with asar and the content beside it', () => {
    const config = readConfig();
    expect(config.linux?.target).toEqual(expect.arrayContaining(['deb', 'AppImage']));
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: true });
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.asar).toBe(true);
    expect(config.extraResources).toEqual([{ from: 'content', to: 'content' }]);
  });
});
