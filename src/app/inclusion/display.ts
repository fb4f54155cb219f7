/** Text size steps: everything is sized in rem, so a class on the root scales the whole page. */
export const TEXT_SIZES = ['standard', 'large', 'larger'] as const;
/** `device` follows the device's light or dark setting; the others are the person's own choice. */
export const COLOUR_SCHEMES = ['device', 'light', 'dark', 'contrast'] as const;

export type ColourScheme = (typeof COLOUR_SCHEMES)[number];
export interface DisplaySettings {
  textSize: (typeof TEXT_SIZES)[number];
  colours: ColourScheme;
}

export const STANDARD_DISPLAY: DisplaySettings = { textSize: 'standard', colours: 'device' };

function oneOf<T extends string>(choices: readonly T[], value: unknown, otherwise: T): T {
  return choices.includes(value as T) ? (value as T) : otherwise;
}

/**
 * What was stored, checked field by field (an unknown value falls back to the standard one). Checked by
 * hand, not with zod: every page reads this before its first paint, and zod would double the shell.
 */
function checked(stored: unknown): DisplaySettings {
  if (typeof stored !== 'object' || stored === null) return STANDARD_DISPLAY;
  const { textSize, colours } = stored as Record<string, unknown>;
  return {
    textSize: oneOf(TEXT_SIZES, textSize, STANDARD_DISPLAY.textSize),
    colours: oneOf(COLOUR_SCHEMES, colours, STANDARD_DISPLAY.colours),
  };
}

const STORAGE_KEY = 'signpost.display';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The settings remembered on this device; anything unreadable counts as the standard display. */
export function readDisplaySettings(): DisplaySettings {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (!stored) return STANDARD_DISPLAY;
    return checked(JSON.parse(stored));
  } catch {
    return STANDARD_DISPLAY;
  }
}

export function saveDisplaySettings(settings: DisplaySettings): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Private browsing may refuse storage; the choice still holds for this visit.
  }
}

function theme(colours: ColourScheme, deviceIsDark: boolean): 'light' | 'dark' | 'contrast' {
  if (colours === 'device') return deviceIsDark ? 'dark' : 'light';
  return colours;
}

/** Puts the settings on `<html>` as classes that main.css reads (`text-large`, `theme-dark`, ...). */
export function applyDisplaySettings(settings: DisplaySettings, root = document.documentElement): void {
  const deviceIsDark = typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
  for (const size of TEXT_SIZES) root.classList.toggle(`text-${size}`, settings.textSize === size);
  const chosen = theme(settings.colours, deviceIsDark);
  for (const name of ['light', 'dark', 'contrast']) root.classList.toggle(`theme-${name}`, chosen === name);
}

let following = false;

/** Applies the remembered settings before the first paint, and follows the device if it turns dark later. */
export function applyRememberedDisplay(): void {
  applyDisplaySettings(readDisplaySettings());
  if (following || typeof matchMedia !== 'function') return;
  following = true;
  matchMedia(DARK_QUERY).addEventListener('change', () => applyDisplaySettings(readDisplaySettings()));
}
