// Works out the kiosk's settings: defaults, then the config file, then environment variables,
// then command-line flags (each overrides the one before). A bad value never stops the kiosk:
// it is reported with its key and where it came from, and the value before it is kept.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { closestName } from './closest-name';
import type { CommandLine } from './command-line';
import { configKeys, defaultKioskConfig, settingSpecs, type ConfigDefaults, type ConfigKey, type KioskConfig } from './kiosk-config';

export const configFileEnvName = 'KIOSK_CONFIG';
const configFileNames = ['config.yaml', 'config.yml', 'config.json'];

export interface ConfigContext {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths from env vars and flags resolve against this. */
  cwd: string;
  defaults: ConfigDefaults;
}

export interface ConfigProblem {
  /** The setting, e.g. "display" or "clinicHours.open"; "" for the file as a whole. */
  key: string;
  message: string;
}

export interface ConfigFileState {
  path: string;
  /** loaded; missing (fine for the system file); unusable (unreadable or not YAML/JSON). */
  status: 'loaded' | 'missing' | 'unusable';
}

export interface ResolvedConfig {
  config: KioskConfig;
  problems: ConfigProblem[];
  file: ConfigFileState;
  /** Where each setting's value came from, for the start-up log. */
  sources: Record<ConfigKey, string>;
}

/** The folder IT puts config.yaml in, per operating system. */
export function systemConfigDir(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Waiting Room Kiosk');
    case 'darwin':
      return '/Library/Application Support/Waiting Room Kiosk';
    default:
      return '/etc/waiting-room-kiosk';
  }
}

interface Layer {
  values: Partial<Record<ConfigKey, unknown>>;
  /** Where a key's value was written, for messages. */
  where(key: ConfigKey): string;
  baseDir: string;
}

export function resolveKioskConfig(commandLine: CommandLine, context: ConfigContext): ResolvedConfig {
  const problems: ConfigProblem[] = [];
  const { layer: fileLayer, state: file } = readConfigFileLayer(commandLine, context, problems);
  const layers: Layer[] = [fileLayer, envLayer(context), flagLayer(commandLine, context)];

  const config = defaultKioskConfig(context.defaults);
  const sources = Object.fromEntries(configKeys.map((key) => [key, 'the default'])) as Record<ConfigKey, string>;
  for (const key of configKeys) {
    for (const layer of layers) {
      if (!(key in layer.values)) continue;
      const problem = applySetting(config, sources, key, layer);
      if (problem) problems.push(problem);
    }
  }
  return { config, problems, file, sources };
}

function applySetting<K extends ConfigKey>(config: KioskConfig, sources: Record<ConfigKey, string>, key: K, layer: Layer): ConfigProblem | undefined {
  const spec = settingSpecs[key];
  const raw = layer.values[key];
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) {
    const issuePath = parsed.error.issues[0]?.path ?? [];
    const fullKey = [key, ...issuePath.map(String)].join('.');
    const found = spec.secret ? 'not a PIN hash' : `${describeValue(valueAt(raw, issuePath))}`;
    return {
      key: fullKey,
      message:
        `${layer.where(key)}: "${fullKey}" is ${found}, which cannot be used. Expected: ${spec.expected}, for example ${spec.example}. ` +
        `Using ${spec.secret ? 'the value' : describeValue(config[key])} from ${sources[key]} instead.`,
    };
  }
  let value = parsed.data;
  if (spec.isPath && typeof value === 'string') value = path.resolve(layer.baseDir, value) as KioskConfig[K];
  config[key] = value;
  sources[key] = layer.where(key);
  return undefined;
}

function readConfigFileLayer(
  commandLine: CommandLine,
  context: ConfigContext,
  problems: ConfigProblem[],
): { layer: Layer; state: ConfigFileState } {
  const fromEnv = context.env[configFileEnvName]?.trim() || undefined;
  const explicit = commandLine.configPath ?? fromEnv;
  const via = commandLine.configPath !== undefined ? 'given with --config' : `named by ${configFileEnvName}`;
  let filePath: string;
  if (explicit) {
    filePath = path.resolve(context.cwd, explicit);
  } else {
    const dir = systemConfigDir(context.platform, context.env);
    const join = context.platform === 'win32' ? path.win32.join : path.join;
    filePath = configFileNames.map((name) => join(dir, name)).find((candidate) => existsSync(candidate)) ?? join(dir, configFileNames[0]!);
  }
  const empty: Layer = { values: {}, where: () => filePath, baseDir: path.dirname(filePath) };

  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return { layer: empty, state: { path: filePath, status: 'missing' } };
    problems.push({
      key: '',
      message:
        code === 'ENOENT'
          ? `The config file ${filePath} (${via}) does not exist, so the kiosk runs on its defaults, environment variables and flags.`
          : `The config file ${filePath} cannot be read (${(error as Error).message}), so the kiosk runs on its defaults, environment variables and flags.`,
    });
    return { layer: empty, state: { path: filePath, status: code === 'ENOENT' ? 'missing' : 'unusable' } };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line;
    problems.push({
      key: '',
      message: `${filePath} line ${line}: this is not valid YAML or JSON (${firstError.message.split('\n')[0]}), so none of the file is used until it is fixed; the kiosk runs on its defaults.`,
    });
    return { layer: empty, state: { path: filePath, status: 'unusable' } };
  }
  if (doc.contents === null) return { layer: empty, state: { path: filePath, status: 'loaded' } };
  if (!isMap(doc.contents)) {
    problems.push({
      key: '',
      message: `${filePath}: expected settings written as "name: value" lines (for example "display: 1"), so the file is not used; the kiosk runs on its defaults.`,
    });
    return { layer: empty, state: { path: filePath, status: 'unusable' } };
  }

  const values: Partial<Record<ConfigKey, unknown>> = {};
  const data = doc.toJS() as Record<string, unknown>;
  for (const [name, value] of Object.entries(data)) {
    if ((configKeys as string[]).includes(name)) {
      values[name as ConfigKey] = value;
      continue;
    }
    const suggestion = closestName(name, configKeys, 3);
    problems.push({
      key: name,
      message: `${filePath} line ${keyLine(doc, lineCounter, name)}: "${name}" is not a setting the kiosk knows, so it is ignored.${suggestion ? ` Did you mean "${suggestion}"?` : ` The settings are: ${configKeys.join(', ')}.`}`,
    });
  }
  return {
    layer: { values, where: (key) => `${filePath} line ${keyLine(doc, lineCounter, key)}`, baseDir: path.dirname(filePath) },
    state: { path: filePath, status: 'loaded' },
  };
}

function keyLine(doc: Document, lineCounter: LineCounter, key: string): number {
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return lineCounter.linePos(pair.key.range[0]).line;
    }
  }
  return 1;
}

function envLayer(context: ConfigContext): Layer {
  const values: Partial<Record<ConfigKey, unknown>> = {};
  for (const key of configKeys) {
    const name = settingSpecs[key].env;
    const value = name ? context.env[name] : undefined;
    if (value !== undefined && value.trim() !== '') values[key] = value.trim();
  }
  return { values, where: (key) => `environment variable ${settingSpecs[key].env}`, baseDir: context.cwd };
}

function flagLayer(commandLine: CommandLine, context: ConfigContext): Layer {
  const flagName = (key: ConfigKey) => (key === 'kiosk' ? (commandLine.values.kiosk === 'false' ? '--windowed' : '--kiosk') : settingSpecs[key].flag);
  return { values: { ...commandLine.values }, where: (key) => `command-line flag ${flagName(key)}`, baseDir: context.cwd };
}

function valueAt(value: unknown, issuePath: PropertyKey[]): unknown {
  let current = value;
  for (const step of issuePath) {
    if (current === null || typeof current !== 'object') return current;
    current = (current as Record<PropertyKey, unknown>)[step];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One line per setting that is not its default, for the start-up log. */
export function describeConfigSources(resolved: ResolvedConfig): string[] {
  return configKeys
    .filter((key) => resolved.sources[key] !== 'the default')
    .map((key) => `config: ${key} = ${settingSpecs[key].secret ? '(set)' : describeValue(resolved.config[key])} (from ${resolved.sources[key]})`);
}
