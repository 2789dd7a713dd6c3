import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { themeSchema } from '../../common/content-model';
import { contrastRatio, contrastRules, contrastShortfalls, defaultTheme, readableTheme } from '../../common/theme';
import { kioskBackgroundColor } from '../../electron/main/kiosk-colors';

describe('the theme rules', () => {
  it('measures WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('has one default theme, used by the schema, the window and the CSS fallbacks, that meets every rule', async () => {
    expect(contrastShortfalls(defaultTheme)).toEqual([]);
    expect(themeSchema.parse({})).toEqual(defaultTheme);
    expect(kioskBackgroundColor).toBe(defaultTheme.background);
    const css = await readFile(new URL('../../renderer/src/styles.css', import.meta.url), 'utf8');
    const fallbacks = { background: 'paper', text: 'ink', accent: 'accent', accentText: 'accent-text' } as const;
    for (const [colour, name] of Object.entries(fallbacks)) {
      expect(css, name).toContain(`--${name}: var(--theme-${name}, ${defaultTheme[colour as keyof typeof fallbacks]})`);
    }
  });

  it('reports each pair that falls short, including buttons too close to the page', () => {
    const paleButtons = { ...defaultTheme, accent: '#e6e3dc', accentText: '#000000' };
    expect(contrastShortfalls(paleButtons).map(({ rule }) => `${rule.foreground}/${rule.background}`)).toEqual(['accent/background']);
    expect(contrastRules.map((rule) => rule.minimum)).toEqual([7, 4.5, 3]);
  });

  it('lets the screen swap only the pair that falls short for the default pair', () => {
    const own = { background: '#ffffff', text: '#000000', accent: '#1a1a80', accentText: '#ffffff' };
    expect(readableTheme(own)).toEqual(own);
    expect(readableTheme({ ...own, text: '#cccccc' })).toEqual({ ...own, background: defaultTheme.background, text: defaultTheme.text });
    expect(readableTheme({ ...own, accent: '#eeeeee', accentText: '#000000' })).toEqual({ ...own, accent: defaultTheme.accent, accentText: defaultTheme.accentText });
  });
});
