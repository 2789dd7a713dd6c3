// Decorative icons beside button text; hidden from assistive technology so names stay exactly the text.
const common = {
  'aria-hidden': true,
  focusable: false,
  viewBox: '0 0 24 24',
  width: '1em',
  height: '1em',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  className: 'icon',
} as const;

export function BackIcon() {
  return (
    <svg {...common}>
      <path d="M15 5l-7 7 7 7" />
    </svg>
  );
}

export function HomeIcon() {
  return (
    <svg {...common}>
      <path d="M3 11l9-7 9 7" />
      <path d="M5 10v10h5v-6h4v6h5V10" />
    </svg>
  );
}

export function ForwardIcon() {
  return (
    <svg {...common}>
      <path d="M9 5l7 7-7 7" />
    </svg>
  );
}
