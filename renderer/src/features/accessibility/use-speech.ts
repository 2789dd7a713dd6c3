// Read aloud through the platform's speech synthesis. Available only where the platform has a
// voice for the language on screen: the control is hidden otherwise.
import { useCallback, useEffect, useState } from 'react';

export interface Speech {
  available: boolean;
  speaking: boolean;
  speak(text: string): void;
  stop(): void;
}

function synthesis(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined;
}

function useVoices(): readonly SpeechSynthesisVoice[] {
  // None at first, as in the server render: the first screen taken over from a host must match.
  const [voices, setVoices] = useState<readonly SpeechSynthesisVoice[]>([]);
  useEffect(() => {
    const speech = synthesis();
    if (!speech) return;
    // Chromium lists its voices a moment after start-up.
    const update = (): void => setVoices(speech.getVoices());
    update();
    speech.addEventListener('voiceschanged', update);
    return () => speech.removeEventListener('voiceschanged', update);
  }, []);
  return voices;
}

export function voiceFor(voices: readonly Pick<SpeechSynthesisVoice, 'lang'>[], language: string): number {
  const wanted = language.toLowerCase().replace('_', '-');
  const base = wanted.split('-')[0];
  const exact = voices.findIndex((voice) => voice.lang.toLowerCase().replace('_', '-') === wanted);
  if (exact !== -1) return exact;
  return voices.findIndex((voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === base);
}

/** How the visitor wants to hear it: SpeechSynthesisUtterance's rate and volume. */
export interface SpeechSettings {
  rate: number;
  volume: number;
}

export function useSpeech(language: string, { rate, volume }: SpeechSettings): Speech {
  const voices = useVoices();
  const voiceIndex = voiceFor(voices, language);
  const voice = voiceIndex === -1 ? undefined : voices[voiceIndex];
  const [speaking, setSpeaking] = useState(false);

  const stop = useCallback(() => {
    synthesis()?.cancel();
    setSpeaking(false);
  }, []);

  const speak = useCallback(
    (text: string) => {
      const speech = synthesis();
      if (!speech || !voice) return;
      speech.cancel();
      // One utterance per line: some engines stop a long utterance part-way.
      const parts = text
        .split(/\n+/)
        .map((part) => part.trim())
        .filter(Boolean);
      if (parts.length === 0) return;
      setSpeaking(true);
      parts.forEach((part, index) => {
        const utterance = new SpeechSynthesisUtterance(part);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.rate = rate;
        utterance.volume = volume;
        if (index === parts.length - 1) {
          utterance.onend = () => setSpeaking(false);
        }
        utterance.onerror = () => setSpeaking(false);
        speech.speak(utterance);
      });
    },
    [voice, rate, volume],
  );

  // Leaving the screen (or a new language) ends what was being read.
  useEffect(() => stop, [stop, voice]);

  return { available: voice !== undefined, speaking, speak, stop };
}

/** The words of what is on screen now: an open dialog first, else the current slide or page. */
export function textOnScreen(): string {
  const target = document.querySelector<HTMLElement>('dialog[open] [data-read-aloud]') ?? document.querySelector<HTMLElement>('[data-read-aloud]');
  return target?.innerText ?? '';
}
