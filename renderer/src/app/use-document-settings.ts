// The visitor's choices and the pack's theme, applied to the whole page: <html lang>, the text
// size, contrast and motion classes, and the theme's colours as CSS variables (a pair that is
// too close to read is swapped for the default pair, by the rules in common/theme.ts).
import { useEffect } from 'react';
import type { Theme } from '../../../common/content-model';
import { themeProperties } from '../../../common/theme';
import { textSizeSteps, type Preferences } from './kiosk-state';

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
    // From now on the visitor's choices rule, not the system's (styles.css): the screen has started.
    root.dataset.preferences = 'applied';
  }, [textSize, highContrast, reducedMotion]);

  useEffect(() => {
    if (!theme) return;
    const style = document.documentElement.style;
    for (const [name, value] of themeProperties(theme)) style.setProperty(name, value);
  }, [theme]);
}
