// The kiosk's colours: the default theme and the contrast rules a pack's theme must meet. One
// place for both sides: content:check reports a pair that falls short, and the screen replaces
// that pair with the default one, by the same rules.

/** The four colours of a theme, each "#rrggbb" (settings.yaml's theme; see content-model.ts). */
export interface Theme {
  background: string;
  text: string;
  accent: string;
  accentText: string;
}

/** The colours used when settings.yaml sets none (also the renderer's CSS fallbacks). */
export const defaultTheme = {
  background: '#f6f4ef',
  text: '#17202a',
  accent: '#0b5257',
  accentText: '#ffffff',
} as const satisfies Theme;

export type ThemeColour = keyof Theme;

export interface ContrastRule {
  foreground: ThemeColour;
  background: ThemeColour;
  /** The lowest acceptable WCAG contrast ratio, as "N to 1". */
  minimum: number;
  /** Which colours the screen swaps for the default pair when the rule fails. */
  pair: 'page' | 'buttons';
  /** Below this ratio the problem is an error rather than a warning; none: always a warning. */
  errorBelow?: number;
}

// Body text is held to 7:1 (WCAG AAA), button text to 4.5:1, and buttons to 3:1 against the
// page (WCAG non-text contrast), so a button can be told apart from the page around it.
export const contrastRules: readonly ContrastRule[] = [
  { foreground: 'text', background: 'background', minimum: 7, pair: 'page', errorBelow: 3 },
  { foreground: 'accentText', background: 'accent', minimum: 4.5, pair: 'buttons', errorBelow: 3 },
  { foreground: 'accent', background: 'background', minimum: 3, pair: 'buttons' },
];

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((value >> 16) & 0xff) + 0.7152 * channel((value >> 8) & 0xff) + 0.0722 * channel(value & 0xff);
}

/** WCAG contrast between two "#rrggbb" colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export interface ContrastShortfall {
  rule: ContrastRule;
  ratio: number;
}

/** Every rule the theme does not meet. */
export function contrastShortfalls(theme: Theme): ContrastShortfall[] {
  return contrastRules.flatMap((rule) => {
    const ratio = contrastRatio(theme[rule.foreground], theme[rule.background]);
    return ratio >= rule.minimum ? [] : [{ rule, ratio }];
  });
}

/**
 * The pack's colours where they stay readable. A pair that falls short of a rule is replaced by
 * the default pair (content:check reports it). The page pair is judged first, then the buttons
 * against the page that is actually shown.
 */
export function readableTheme(theme: Theme): Theme {
  const fails = (pair: ContrastRule['pair'], colours: Theme) => contrastShortfalls(colours).some((shortfall) => shortfall.rule.pair === pair);
  const page = fails('page', theme) ? defaultTheme : theme;
  const shown = { ...theme, background: page.background, text: page.text };
  const buttons = fails('buttons', shown) ? defaultTheme : theme;
  return { background: page.background, text: page.text, accent: buttons.accent, accentText: buttons.accentText };
}

/** The CSS custom properties that carry a theme (styles.css reads them, with the defaults as fallbacks). */
export function themeProperties(theme: Theme): [name: string, value: string][] {
  const readable = readableTheme(theme);
  return [
    ['--theme-paper', readable.background],
    ['--theme-ink', readable.text],
    ['--theme-accent', readable.accent],
    ['--theme-accent-text', readable.accentText],
  ];
}
