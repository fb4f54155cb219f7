import { useMemo } from 'preact/hooks';
import { qrDrawing } from './qr-path.ts';

/** A QR code of `text`, drawn as SVG so it stays sharp at any size and when printed. */
export function QrCode(props: { text: string; label: string }) {
  const { size, path } = useMemo(() => qrDrawing(props.text), [props.text]);
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
