declare const __APP_VERSION__: string;

/** The version this page was built as; `version.json` on the server names the one deployed now. */
export const APP_VERSION: string = __APP_VERSION__;

/**
 * Asks the server which version is deployed. The service worker's own update check is unreliable on
 * some platforms (iOS keeps an installed app's worker for long), so the page checks too.
 */
export async function fetchDeployedVersion(): Promise<string | undefined> {
  try {
    const response = await fetch('/version.json', { cache: 'no-store' });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { version?: unknown };
    return typeof body.version === 'string' ? body.version : undefined;
  } catch {
    return undefined;
  }
}
