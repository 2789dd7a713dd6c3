// The visitor's choices and the pack's theme, applied to the whole page: <html lang>, the text
// size, contrast and motion classes, and the theme's colours as CSS variables.
import { useEffect } from 'react';
import type { Theme } from '../../../common/content-model';
import { contrastRatio } from '../components/contrast';
import { textSizeSteps, type Preferences } from './kiosk-state';

export const defaultTheme: Theme = { background: '#f6f4ef', text: '#17202a', accent: '#0b5257', accentText: '#ffffff' };

/**
 * The pack's colours where they stay readable: body text at least 7:1 on the background, button
 * text at least 4.5:1 on buttons, and buttons at least 3:1 against the background. A pair that
 * falls short is replaced by the default pair (content:check should warn about it).
 */
export function readableTheme(theme: Theme): Theme {
  const page = contrastRatio(theme.text, theme.background) >= 7 ? theme : defaultTheme;
  const buttons =
    contrastRatio(theme.accentText, theme.accent) >= 4.5 && contrastRatio(theme.accent, page.background) >= 3 ? theme : defaultTheme;
  return { background: page.background, text: page.text, accent: buttons.accent, accentText: buttons.accentText };
}

export function useDocumentSettings(language: string, preferences: Preferences, reducedMotion: boolean, theme: Theme | undefined): void {
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const { textSize, highContrast } = preferences;
  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--text-scale', String(textSizeSteps[textSize] ?? 1));
    root.dataset.textSize = String(textSize);
    root.classList.toggle('high-contrast', highContrast);
    root.classList.toggle('reduce-motion', reducedMotion);
  }, [textSize, highContrast, reducedMotion]);

  useEffect(() => {
    if (!theme) return;
    const readable = readableTheme(theme);
    const style = document.documentElement.style;
    style.setProperty('--theme-paper', readable.background);
    style.setProperty('--theme-ink', readable.text);
    style.setProperty('--theme-accent', readable.accent);
    style.setProperty('--theme-accent-text', readable.accentText);
  }, [theme]);
}
