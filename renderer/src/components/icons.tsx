// Decorative icons beside button text; hidden from assistive technology so names stay exactly the text.
import type { ReactNode } from 'react';
import type { SectionIcon } from '../../../common/content-model';

const common = {
  'aria-hidden': true,
  focusable: false,
  viewBox: '0 0 24 24',
  width: '1em',
  height: '1em',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2.2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

function Icon({ children, className = 'icon' }: { children: ReactNode; className?: string }) {
  return (
    <svg {...common} className={className}>
      {children}
    </svg>
  );
}

export const BackIcon = () => <Icon><path d="M15 5l-7 7 7 7" /></Icon>;
export const ForwardIcon = () => <Icon><path d="M9 5l7 7-7 7" /></Icon>;
export const DownIcon = () => <Icon><path d="M5 9l7 7 7-7" /></Icon>;
export const HomeIcon = () => (
  <Icon>
    <path d="M3 11l9-7 9 7" />
    <path d="M5 10v10h5v-6h4v6h5V10" />
  </Icon>
);
export const PauseIcon = () => <Icon><path d="M9 5v14M15 5v14" /></Icon>;
export const PlayIcon = () => <Icon><path d="M8 5l11 7-11 7z" /></Icon>;
export const CloseIcon = () => <Icon><path d="M6 6l12 12M18 6L6 18" /></Icon>;
export const GlobeIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3z" />
  </Icon>
);
export const TextSizeIcon = () => (
  <Icon>
    <path d="M3 19l5-13 5 13M4.8 14.5h6.4" />
    <path d="M14 19l3.5-8 3.5 8M15.2 16.3h4.6" />
  </Icon>
);
export const SpeakerIcon = () => (
  <Icon>
    <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" />
    <path d="M15.5 9a4 4 0 010 6M18 6.5a7.5 7.5 0 010 11" />
  </Icon>
);
export const StopIcon = () => <Icon><rect x="6.5" y="6.5" width="11" height="11" rx="1.5" /></Icon>;
export const HelpIcon = () => (
  <Icon>
    <path d="M12 20.5s-7.5-4.6-7.5-10.2A4.3 4.3 0 0112 7.6a4.3 4.3 0 017.5 2.7c0 5.6-7.5 10.2-7.5 10.2z" />
  </Icon>
);
export const PhoneIcon = () => (
  <Icon>
    <path d="M6.5 3.5h3l1.5 4.5-2 1.5a11 11 0 005.5 5.5l1.5-2 4.5 1.5v3a2 2 0 01-2 2A16 16 0 014.5 5.5a2 2 0 012-2z" />
  </Icon>
);

const sectionIconPaths: Record<SectionIcon, ReactNode> = {
  info: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v6M12 7.5v.5" />
    </>
  ),
  chart: <path d="M4 20h16M7 16v-5M12 16V7M17 16v-8" />,
  brain: (
    <>
      <path d="M12 5.5a3 3 0 00-5.6-1 3 3 0 00-2.4 4.3 3.3 3.3 0 00.5 5.7A3.2 3.2 0 008 19.5a3 3 0 004 .5z" />
      <path d="M12 5.5a3 3 0 015.6-1 3 3 0 012.4 4.3 3.3 3.3 0 01-.5 5.7 3.2 3.2 0 01-3.5 5 3 3 0 01-4 .5z" />
      <path d="M12 5.5V20" />
    </>
  ),
  calendar: (
    <>
      <rect x="3.5" y="5" width="17" height="15" rx="2" />
      <path d="M3.5 10h17M8 3v4M16 3v4" />
    </>
  ),
  shield: (
    <>
      <path d="M12 3l7.5 3v5.5c0 4.5-3.2 8-7.5 9.5-4.3-1.5-7.5-5-7.5-9.5V6z" />
      <path d="M9 12l2 2 4-4" />
    </>
  ),
  question: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.6 2.6 0 115 1c-.7 1.2-2.5 1.5-2.5 3M12 17v.5" />
    </>
  ),
  help: <path d="M12 20.5s-7.5-4.6-7.5-10.2A4.3 4.3 0 0112 7.6a4.3 4.3 0 017.5 2.7c0 5.6-7.5 10.2-7.5 10.2z" />,
  book: (
    <>
      <path d="M12 6.5C10 5 7 4.5 3.5 5v13.5C7 18 10 18.5 12 20c2-1.5 5-2 8.5-1.5V5C17 4.5 14 5 12 6.5z" />
      <path d="M12 6.5V20" />
    </>
  ),
  heart: <path d="M12 20s-8-4.8-8-10.5A4.5 4.5 0 0112 6.8a4.5 4.5 0 018 2.7C20 15.2 12 20 12 20z" />,
  person: (
    <>
      <circle cx="12" cy="8" r="3.8" />
      <path d="M4.5 20.5c.8-4 3.8-6.3 7.5-6.3s6.7 2.3 7.5 6.3" />
    </>
  ),
};

export function SectionIconGraphic({ icon }: { icon: SectionIcon }) {
  return <Icon className="icon section-icon">{sectionIconPaths[icon] ?? sectionIconPaths.info}</Icon>;
}
