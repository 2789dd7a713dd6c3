// Reports theme colours that are too close to read, by the rules in common/theme.ts (the screen
// swaps a failing pair for the default one by the same rules).
import type { ContentProblem, Theme } from '../../common/content-model';
import { contrastShortfalls } from '../../common/theme';
import { settingsFileName } from './load-context';
import type { YamlSource } from './yaml-source';

export function checkThemeContrast(theme: Theme, source: YamlSource): ContentProblem[] {
  return contrastShortfalls(theme).map(({ rule, ratio }) => ({
    severity: rule.errorBelow !== undefined && ratio < rule.errorBelow ? 'error' : 'warning',
    code: 'low-contrast',
    file: settingsFileName,
    line: source.lineOf(['theme', rule.foreground]),
    field: `theme.${rule.foreground}`,
    message: `The colours theme.${rule.foreground} and theme.${rule.background} are too close (contrast ${ratio.toFixed(1)} to 1), so some people cannot read the ${rule.pair === 'page' ? 'text' : 'buttons'}.`,
    expected: `a contrast of at least ${rule.minimum} to 1: a darker colour on a lighter one`,
  }));
}
