import { z } from 'zod/mini';

/** Text size steps: everything is sized in rem, so a class on the root scales the whole page. */
export const TEXT_SIZES = ['standard', 'large', 'larger'] as const;
/** `device` follows the device's light or dark setting; the others are the person's own choice. */
export const COLOUR_SCHEMES = ['device', 'light', 'dark', 'contrast'] as const;

const DisplaySettings = z.object({
  textSize: z.catch(z.enum(TEXT_SIZES), 'standard'),
  colours: z.catch(z.enum(COLOUR_SCHEMES), 'device'),
});
export type DisplaySettings = z.infer<typeof DisplaySettings>;
export type ColourScheme = DisplaySettings['colours'];

export const STANDARD_DISPLAY: DisplaySettings = { textSize: 'standard', colours: 'device' };

const STORAGE_KEY = 'signpost.display';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The settings remembered on this device; anything unreadable counts as the standard display. */
export function readDisplaySettings(): DisplaySettings {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (!stored) return STANDARD_DISPLAY;
    const parsed = DisplaySettings.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : STANDARD_DISPLAY;
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
