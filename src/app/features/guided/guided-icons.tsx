import { GUIDED_ICONS } from './guided-icon-paths.ts';

/** An answer's pictogram, drawn inline so it costs no request and works offline. */
export function GuidedIcon(props: { name: string; size?: number }) {
  const path = GUIDED_ICONS[props.name];
  if (!path) return null;
  const size = props.size ?? 32;
  return (
    <svg
      class="guided-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={path} />
    </svg>
  );
}
