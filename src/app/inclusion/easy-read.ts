/**
 * Easy Read text, as written in `locales/en-easy/`: one idea a line, each line starting with the name of
 * the picture that goes beside it, `[phone] You can call us.` Other languages have no markers.
 */
export interface EasyLine {
  pictogram?: string;
  text: string;
}

const MARKER = /^\s*\[([a-z0-9-]+)\]\s*/;

export function parseEasyLines(text: string): EasyLine[] {
  return text
    .split('\n')
    .map((line) => {
      const marker = MARKER.exec(line);
      const words = line.slice(marker?.[0].length ?? 0).trim();
      return marker ? { pictogram: marker[1] as string, text: words } : { text: words };
    })
    .filter((line) => line.text !== '');
}

/** The words alone, for places that cannot show pictures (a title, an attribute, speech). */
export function plainEasyText(text: string): string {
  return parseEasyLines(text)
    .map((line) => line.text)
    .join(' ');
}
