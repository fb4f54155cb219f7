import { encode } from 'uqr';

/** Error correction M survives a scuffed print-out; the four-module quiet zone is what scanners expect. */
export const QR_OPTIONS = { ecc: 'M', border: 4 } as const;

/** The dark modules as one path: a rectangle for each run of dark modules in a row, one unit per module. */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
  let path = '';
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      path += `M${start} ${y}h${x - start}v1h-${x - start}z`;
    }
  });
  return path;
}

/** A QR code of `text` as the size of its square (in modules, quiet zone included) and its dark path. */
export function qrDrawing(text: string): { size: number; path: string } {
  const qr = encode(text, QR_OPTIONS);
  return { size: qr.size, path: qrPath(qr.data) };
}
