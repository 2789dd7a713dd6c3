// Post a notice in two taps: one of the clinic's phrases from settings.yaml, its number set with
// large plus and minus buttons, for an hour or the rest of today; Clear takes it down. The host
// checks the post against the phrases again and keeps it in its data folder.
import { useCallback, useEffect, useId, useState } from 'react';
import type { NoticePhrase } from '../../../../common/content-model';
import type { KioskBridge } from '../../../../common/kiosk-bridge';
import { fillPhrase, isPostedNoticeLive, type NoticeDuration, type PostedNotice } from '../../../../common/notices';

const durationLabels: Record<NoticeDuration, string> = { hour: 'For an hour', today: 'Until the end of today' };

/** `onResult`: the host's answer, for the panel's one status line. */
export function NoticeView({ bridge, onResult }: { bridge: KioskBridge; onResult: (message: string | undefined) => void }) {
  const headingId = useId();
  const [phrases, setPhrases] = useState<NoticePhrase[]>();
  const [language, setLanguage] = useState('en');
  const [posted, setPosted] = useState<PostedNotice | null>(null);
  const [chosen, setChosen] = useState<string>();
  const [number, setNumber] = useState<number>();
  const [duration, setDuration] = useState<NoticeDuration>('hour');

  const refresh = useCallback(() => {
    bridge.getContentSnapshot().then(
      (snapshot) => {
        setPhrases(snapshot.pack.settings.noticePhrases ?? []);
        setLanguage(snapshot.pack.settings.defaultLanguage);
        setPosted(isPostedNoticeLive(snapshot.postedNotice, new Date()) ? snapshot.postedNotice : null);
      },
      () => {},
    );
  }, [bridge]);
  useEffect(refresh, [refresh]);

  if (!phrases) return null;
  const phrase = phrases.find((candidate) => candidate.id === chosen);
  const choose = (next: NoticePhrase) => {
    setChosen(next.id);
    setNumber(next.number?.default);
    onResult(undefined);
  };
  const step = (direction: 1 | -1) => {
    if (!phrase?.number || number === undefined) return;
    const { min, max } = phrase.number;
    setNumber(Math.min(max, Math.max(min, number + direction * phrase.number.step)));
  };
  const post = async () => {
    if (!phrase) return;
    const answer = await bridge.postNotice({ phraseId: phrase.id, number, duration }).catch(() => ({ ok: false, message: 'The kiosk did not answer.' }));
    onResult(answer.message);
    if (answer.ok) setChosen(undefined);
    refresh();
  };
  const clear = async () => {
    const answer = await bridge.clearNotice().catch(() => ({ ok: false, message: 'The kiosk did not answer.' }));
    onResult(answer.message);
    refresh();
  };

  return (
    <section className="staff-notice" aria-labelledby={headingId}>
      <h3 id={headingId} className="staff-panel__subtitle">
        Notice on every screen
      </h3>
      {posted ? (
        <div className="staff-panel__row staff-panel__row--spread">
          <p>
            Showing now: <strong>{posted.text[language] ?? Object.values(posted.text)[0]}</strong>, until {untilText(posted.until)}.
          </p>
          <button type="button" className="staff-button staff-button--danger" onClick={() => void clear()}>
            Clear
          </button>
        </div>
      ) : (
        <p>No notice is posted.</p>
      )}
      {phrases.length === 0 ? (
        <p className="staff-panel__note">There are no notice phrases yet. They are written in settings.yaml under noticePhrases (see the content guide).</p>
      ) : (
        <>
          <div className="staff-notice__phrases" role="group" aria-label="Phrases">
            {phrases.map((candidate) => (
              <button key={candidate.id} type="button" className="staff-button" aria-pressed={candidate.id === chosen} onClick={() => choose(candidate)}>
                {fillPhrase(candidate, candidate.id === chosen ? number : undefined)[language]}
              </button>
            ))}
          </div>
          {phrase && (
            <>
              {phrase.number && number !== undefined && (
                <div className="staff-notice__number" role="group" aria-label={`The number (${phrase.number.min} to ${phrase.number.max})`}>
                  <button type="button" className="staff-button staff-notice__step" aria-label={`${phrase.number.step} less`} disabled={number <= phrase.number.min} onClick={() => step(-1)}>
                    −
                  </button>
                  <output className="staff-notice__value" aria-live="polite">
                    {number}
                  </output>
                  <button type="button" className="staff-button staff-notice__step" aria-label={`${phrase.number.step} more`} disabled={number >= phrase.number.max} onClick={() => step(1)}>
                    +
                  </button>
                </div>
              )}
              <div className="staff-panel__row" role="group" aria-label="How long">
                {(Object.keys(durationLabels) as NoticeDuration[]).map((choice) => (
                  <button key={choice} type="button" className="staff-button" aria-pressed={duration === choice} onClick={() => setDuration(choice)}>
                    {durationLabels[choice]}
                  </button>
                ))}
              </div>
              <button type="button" className="staff-button staff-button--primary" onClick={() => void post()}>
                Post notice
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}

function untilText(iso: string): string {
  const at = new Date(iso);
  if (at.getHours() === 0 && at.getMinutes() === 0) return 'the end of today';
  return at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
}
