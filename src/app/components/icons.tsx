/** Simple line pictograms, drawn inline so they cost no request and follow the text colour. */
const PATHS: Record<string, string> = {
  'staying-well':
    'M12 21s-7-4.4-9.3-9A5.4 5.4 0 0 1 12 6.2 5.4 5.4 0 0 1 21.3 12C19 16.6 12 21 12 21z M8 12h2l1-2 2 4 1-2h2',
  carers:
    'M7 7a3 3 0 1 0 0-.01M17 8a2.5 2.5 0 1 0 0-.01M2 21v-3a5 5 0 0 1 10 0v3M13 21v-2.5a4 4 0 0 1 8 0V21',
  housing: 'M3 11 12 3l9 8M5 9.5V21h14V9.5M10 21v-6h4v6',
  'work-and-activities': 'M4 8h16v12H4zM9 8V5h6v3M4 13h16M11 13v2h2v-2',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5 21 21',
  list: 'M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01',
  feedback: 'M4 5h16v11H9l-5 4z M8 9h8M8 12h5',
  language:
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z',
  help: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17h.01',
  offline:
    'M3 3l18 18M8.5 16.5a5 5 0 0 1 7 0M5 13a10 10 0 0 1 5-2.7M19 13a10 10 0 0 0-2.4-1.7M2 9.5a15 15 0 0 1 4.3-2.6M22 9.5A15 15 0 0 0 11 5.1M12 20h.01',
  save: 'M6 3h12v18l-6-4.5L6 21z',
  saved: 'M6 3h12v18l-6-4.5L6 21zM9 9.5l2 2 4-4',
  share:
    'M15 5a3 3 0 1 0 6 0 3 3 0 1 0-6 0M3 12a3 3 0 1 0 6 0 3 3 0 1 0-6 0M15 19a3 3 0 1 0 6 0 3 3 0 1 0-6 0M8.6 10.5l6.8-4M8.6 13.5l6.8 4',
  print: 'M7 9V3h10v6M7 18H4v-8h16v8h-3M7 14h10v7H7z',
  install: 'M12 3v12M7 10l5 5 5-5M5 21h14',
  pin: 'M12 21s-6-5.6-6-11a6 6 0 0 1 12 0c0 5.4-6 11-6 11zM12 7.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  phone: 'M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z',
  online: 'M3 4h18v12H3zM8 20h8M12 16v4',
  'in-person': 'M12 4a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM5 21v-1a7 7 0 0 1 14 0v1',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 2',
  email: 'M3 5h18v14H3zM3 6l9 7 9-7',
  directions: 'M12 2 22 12 12 22 2 12zM8 15v-3a1 1 0 0 1 1-1h6M13 8l3 3-3 3',
  filter: 'M3 5h18M6 12h12M10 19h4',
  warning: 'M12 3 2 21h20zM12 10v5M12 18h.01',
  listen: 'M4 9h4l5-4v14l-5-4H4zM16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12',
  stop: 'M6 6h12v12H6z',
  display: 'M3 19 8 6l5 13M4.8 14.5h6.4M14 19l3.5-9 3.5 9M15.2 16h4.6',
};

export type IconName = keyof typeof PATHS;

export function Icon(props: { name: IconName; size?: number; class?: string }) {
  const size = props.size ?? 24;
  return (
    <svg
      class={props.class ?? 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[props.name]} />
    </svg>
  );
}
