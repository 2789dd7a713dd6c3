// The staff preview: every slide and topic with where it stands at a chosen moment (live,
// scheduled, expired, off hours, review overdue, problems beside the item), any of them drawn as
// patients will see it, in any language and either orientation, what the loop plays then, and
// the week ahead. It only reads the content: nothing here changes the kiosk.
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { ContentPack, Notice, Slide } from '../../../common/content-model';
import type { ContentSnapshot, KioskBridge } from '../../../common/kiosk-bridge';
import { groupProblems, sectionItemStatus, slideItemStatus, type GroupedProblems, type ItemStatus } from '../../../common/preview-status';
import { slideSeconds } from '../../../common/reading-time';
import { liveSlides, slideStatus } from '../../../common/schedule';
import { spanLabel, weekSchedule } from '../../../common/week-schedule';
import { languageName, pick } from '../components/language';
import { ProblemDetails } from '../components/problem-details';
import { describeReview, describeSchedule, formatSeconds, statusLabels } from './describe-item';
import { fromLocalInputValue, sameItem, toLocalInputValue, type PreviewItem } from './preview-params';
import { ScreenFrame, type Orientation } from './screen-frame';
import { useSnapshot } from './use-snapshot';

export function PreviewPage({ bridge }: { bridge: KioskBridge }) {
  const { snapshot, failed } = useSnapshot(bridge);
  if (!snapshot) {
    return (
      <main className="preview">
        <h1>Staff preview</h1>
        <p role="status">{failed ? 'The kiosk has no good content to show yet. Run the content check to see why; this page tries again by itself.' : 'Loading the content…'}</p>
      </main>
    );
  }
  return <Preview snapshot={snapshot} />;
}

const formatMoment = (date: Date) => date.toLocaleString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const formatDay = (isoDate: string) => {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
};

function startOfMinute(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes());
}

function Preview({ snapshot }: { snapshot: ContentSnapshot }) {
  const { pack } = snapshot;
  const { settings } = pack;
  const [at, setAt] = useState(() => startOfMinute(new Date()));
  const [chosenLanguage, setLanguage] = useState<string>();
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [chosenItem, setItem] = useState<PreviewItem>();

  const language = chosenLanguage && settings.languages.includes(chosenLanguage) ? chosenLanguage : settings.defaultLanguage;
  const texts = { language, defaultLanguage: settings.defaultLanguage };
  const grouped = useMemo(() => groupProblems(snapshot.problems, pack), [snapshot.problems, pack]);
  const live = liveSlides(pack, at);
  const item = chosenItem && exists(pack, chosenItem) ? chosenItem : defaultItem(pack, live);
  const titleOf = (slide: Slide) => pick(slide.text, texts).title;
  // The seconds the screen gives the slide in the chosen language (common/reading-time.ts).
  const secondsOf = (slide: Slide) => slideSeconds(slide.durationSeconds, pick(slide.text, texts));
  const itemTitle = item === 'menu' ? 'The topics menu' : item.kind === 'slide' ? titleOf(pack.slides.find((slide) => slide.id === item.id)!) : pick(pack.sections.find((section) => section.id === item.id)!.text, texts).title;

  const controlsId = useId();
  return (
    <div className="preview">
      <header className="preview__header">
        <h1>Staff preview</h1>
        <p className="preview__note">
          Read-only: this page changes nothing on the kiosk. Content revision {snapshot.revision}, loaded {new Date(snapshot.loadedAt).toLocaleString()}; it
          follows every saved change.
        </p>
        <div className="preview__controls" role="group" aria-labelledby={controlsId}>
          <h2 id={controlsId} className="visually-hidden">
            Preview settings
          </h2>
          <label className="preview__control">
            <span>Date and time</span>
            <input
              type="datetime-local"
              value={toLocalInputValue(at)}
              onChange={(event) => {
                const next = fromLocalInputValue(event.target.value);
                if (next) setAt(next);
              }}
            />
          </label>
          <button type="button" className="preview__button" onClick={() => setAt(startOfMinute(new Date()))}>
            Now
          </button>
          <label className="preview__control">
            <span>Language</span>
            <select value={language} onChange={(event) => setLanguage(event.target.value)}>
              {settings.languages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="preview__control preview__orientation">
            <legend>Orientation</legend>
            {(['landscape', 'portrait'] as const).map((choice) => (
              <label key={choice}>
                <input type="radio" name="orientation" value={choice} checked={orientation === choice} onChange={() => setOrientation(choice)} />
                {choice === 'landscape' ? 'Landscape (1920 × 1080)' : 'Portrait (1080 × 1920)'}
              </label>
            ))}
          </fieldset>
        </div>
      </header>

      {/* Its own main landmark: the page must not rely on the one inside the frame, which axe and screen readers may not reach yet. */}
      <main className="preview__body">
        <div className="preview__lists">
          <ItemList heading="Slides" note={`In playing order. Status on ${formatMoment(at)}.`}>
            {pack.slides.map((slide) => (
              <ItemRow
                key={slide.id}
                title={titleOf(slide)}
                detail={`${describeSchedule(slide) ?? 'Plays at all times'}. ${describeReview(slide)}`}
                status={slideItemStatus(slide, at, grouped)}
                selected={sameItem(item, { kind: 'slide', id: slide.id })}
                onSelect={() => setItem({ kind: 'slide', id: slide.id })}
              />
            ))}
          </ItemList>
          <ItemList heading="Topics" note="In menu order.">
            <ItemRow title="The topics menu" detail="The tiles patients tap" selected={item === 'menu'} onSelect={() => setItem('menu')} />
            {pack.sections.map((section) => (
              <ItemRow
                key={section.id}
                title={pick(section.text, texts).title}
                detail={describeReview(section)}
                status={sectionItemStatus(section, at, grouped)}
                selected={sameItem(item, { kind: 'section', id: section.id })}
                onSelect={() => setItem({ kind: 'section', id: section.id })}
              />
            ))}
          </ItemList>
          {pack.notices.length > 0 && (
            <ItemList heading="Notices" note={`A banner over every screen; an urgent one also plays in the loop. Status on ${formatMoment(at)}.`}>
              {pack.notices.map((notice) => (
                <NoticeRow key={notice.id} notice={notice} title={pick(notice.text, texts).title} at={at} />
              ))}
            </ItemList>
          )}
          <OtherProblems grouped={grouped} />
        </div>
        <div>
          <ScreenFrame item={item} title={itemTitle} language={language} languageLabel={languageName(language)} at={at} momentLabel={formatMoment(at)} orientation={orientation} />
          <LoopAt at={at} slides={live} titleOf={titleOf} secondsOf={secondsOf} selected={item} onSelect={(id) => setItem({ kind: 'slide', id })} />
        </div>
      </main>

      <WeekView pack={pack} at={at} titleOf={titleOf} />
    </div>
  );
}

function exists(pack: ContentPack, item: PreviewItem): boolean {
  if (item === 'menu') return true;
  return item.kind === 'slide' ? pack.slides.some((slide) => slide.id === item.id) : pack.sections.some((section) => section.id === item.id);
}

function defaultItem(pack: ContentPack, live: Slide[]): PreviewItem {
  const first = live[0] ?? pack.slides[0];
  return first ? { kind: 'slide', id: first.id } : 'menu';
}

function ItemList({ heading, note, children }: { heading: string; note: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="preview-list" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <p className="preview__note">{note}</p>
      <ul>{children}</ul>
    </section>
  );
}

function NoticeRow({ notice, title, at }: { notice: Notice; title: string; at: Date }) {
  const status = slideStatus(notice, at);
  return (
    <li className="preview-item" data-notice={notice.id}>
      <div className="preview-item__line">
        <span className="preview-item__name">{title}</span>
        <span className="preview-item__badges">
          <span className={`badge badge--${status}`}>{statusLabels[status]}</span>
          {notice.level === 'urgent' && <span className="badge badge--warning">Urgent: plays in the loop too</span>}
        </span>
      </div>
      <p className="preview-item__detail">
        {notice.file}. {describeSchedule(notice) ?? 'Shows at all times'}.
      </p>
    </li>
  );
}

function ItemRow({ title, detail, status, selected, onSelect }: { title: string; detail?: string | undefined; status?: ItemStatus; selected: boolean; onSelect: () => void }) {
  const problems = status?.problems ?? [];
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return (
    <li className={selected ? 'preview-item preview-item--selected' : 'preview-item'}>
      <div className="preview-item__line">
        <button type="button" className="preview-item__name" aria-current={selected ? 'true' : undefined} onClick={onSelect}>
          {title}
        </button>
        <span className="preview-item__badges">
          {status?.schedule && <span className={`badge badge--${status.schedule}`}>{statusLabels[status.schedule]}</span>}
          {status && !status.schedule && <span className="badge badge--live">In the menu</span>}
          {status && !status.reviewed && <span className="badge badge--warning">Not yet reviewed</span>}
          {status?.reviewOverdue && <span className="badge badge--warning">Review overdue</span>}
          {problems.length > 0 && (
            <span className={errors > 0 ? 'badge badge--error' : 'badge badge--warning'}>{problems.length === 1 ? '1 problem' : `${problems.length} problems`}</span>
          )}
        </span>
      </div>
      {detail && <p className="preview-item__detail">{detail}</p>}
      {problems.length > 0 && (
        <ul className="preview-item__problems">
          {problems.map((problem, index) => (
            <li key={index}>
              <ProblemDetails problem={problem} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function OtherProblems({ grouped }: { grouped: GroupedProblems }) {
  const id = useId();
  if (grouped.byFile.size === 0) return null;
  return (
    <section className="preview-list" aria-labelledby={id}>
      <h2 id={id}>Other problems</h2>
      <p className="preview__note">The settings, and slides or topics left out until their errors are fixed.</p>
      <ul>
        {[...grouped.byFile].map(([file, problems]) => (
          <li key={file} className="preview-item">
            <p className="preview-item__file">{file}</p>
            <ul className="preview-item__problems">
              {problems.map((problem, index) => (
                <li key={index}>
              <ProblemDetails problem={problem} />
            </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LoopAt({ at, slides, titleOf, secondsOf, selected, onSelect }: { at: Date; slides: Slide[]; titleOf: (slide: Slide) => string; secondsOf: (slide: Slide) => number; selected: PreviewItem; onSelect: (id: string) => void }) {
  const id = useId();
  const round = slides.reduce((total, slide) => total + secondsOf(slide), 0);
  return (
    <section className="preview-section" aria-labelledby={id}>
      <h2 id={id}>The loop on {formatMoment(at)}</h2>
      {slides.length === 0 ? (
        <p>No slide plays at this moment: the screen shows the clinic&apos;s name.</p>
      ) : (
        <>
          <p className="preview__note">
            {slides.length === 1 ? '1 slide' : `${slides.length} slides`}; one round takes {formatSeconds(round)}.
          </p>
          <ol className="preview-loop">
            {slides.map((slide) => (
              <li key={slide.id}>
                <button type="button" className="preview-item__name" aria-current={sameItem(selected, { kind: 'slide', id: slide.id }) ? 'true' : undefined} onClick={() => onSelect(slide.id)}>
                  {titleOf(slide)}
                </button>{' '}
                <span className="preview__note">
                  {secondsOf(slide)} s{secondsOf(slide) > slide.durationSeconds && ` (its duration is ${slide.durationSeconds} s; longer to fit its words)`}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function WeekView({ pack, at, titleOf }: { pack: ContentPack; at: Date; titleOf: (slide: Slide) => string }) {
  const id = useId();
  const days = useMemo(() => weekSchedule(pack.slides, at), [pack.slides, at]);
  const byId = new Map(pack.slides.map((slide) => [slide.id, slide]));
  return (
    <section className="preview-section" aria-labelledby={id}>
      <h2 id={id}>This week</h2>
      <p className="preview__note">What the loop plays for seven days from {formatDay(days[0]!.date)}; a new row starts where a slide starts or stops.</p>
      <div className="preview-week">
        {days.map((day) => (
          <table key={day.date} className="preview-day">
            <caption>{formatDay(day.date)}</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Slides, in playing order</th>
              </tr>
            </thead>
            <tbody>
              {day.spans.map((span) => {
                const now = span.start <= at && at < span.end;
                return (
                  <tr key={span.start.getTime()} className={now ? 'preview-day__now' : undefined} aria-current={now ? 'time' : undefined}>
                    <th scope="row">{spanLabel(span)}</th>
                    <td>{span.slideIds.length === 0 ? 'No slides: the clinic’s name' : span.slideIds.map((slideId) => titleOf(byId.get(slideId)!)).join(' · ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}
