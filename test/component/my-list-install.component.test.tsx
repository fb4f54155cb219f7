import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import axe from 'axe-core';
import i18next from 'i18next';
import { LocationProvider, useLocation } from 'preact-iso';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import enCommon from '../../locales/en/common.json';
import enMyList from '../../locales/en/my-list.json';
import { InstallOffer } from '../../src/app/install/install-offer.tsx';
import { IosInstallHint } from '../../src/app/install/ios-install-hint.tsx';

const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { common: enCommon, 'my-list': enMyList } },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});

let standalone = false;

beforeEach(() => {
  localStorage.clear();
  standalone = false;
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({
        matches: query.includes('standalone') && standalone,
        media: query,
        addEventListener() {},
        removeEventListener() {},
      }) as unknown as MediaQueryList,
  );
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

let goTo: (path: string) => void = () => undefined;

/** The offer as the app draws it, where a person can go on to another page. */
function Offer() {
  return (
    <LocationProvider>
      <Pages />
      <InstallOffer />
    </LocationProvider>
  );
}

function Pages() {
  const { route } = useLocation();
  goTo = route;
  return null;
}

/** What Chromium does when the app can be installed: an event with a `prompt()` to open its dialog. */
async function offerInstall(outcome: 'accepted' | 'dismissed' = 'accepted') {
  const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
    prompt: vi.fn(async () => ({ outcome })),
  });
  await act(() => {
    window.dispatchEvent(event);
  });
  return event;
}

describe('the offer to add Signpost to the home screen', () => {
  it('appears only once the browser offers to install, and opens the browser’s dialog when asked', async () => {
    render(<Offer />);
    expect(screen.queryByText('Add Signpost to your home screen')).toBeNull();

    const event = await offerInstall();
    // The browser's own mini-infobar is held back: the offer is made in the page instead.
    expect(event.defaultPrevented).toBe(true);
    // Made while a page is open, it waits for the next, so nothing the person is reading moves.
    expect(screen.queryByText('Add Signpost to your home screen')).toBeNull();
    await act(() => goTo('/my-list'));
    const add = await screen.findByRole('button', { name: 'Add to home screen' });
    expect(screen.getByRole('region', { name: 'Add Signpost to your home screen' })).toBeTruthy();
    // Once shown it stays, back on the page where it came too.
    await act(() => goTo('/'));
    expect(screen.getByRole('button', { name: 'Add to home screen' })).toBe(add);

    await act(async () => {
      fireEvent.click(add);
    });
    expect(event.prompt).toHaveBeenCalledTimes(1);
    // The event can be used once only, so the offer goes.
    expect(screen.queryByRole('button', { name: 'Add to home screen' })).toBeNull();
  });

  it('remembers "Not now" on this device for 30 days', async () => {
    const now = Date.now();
    await offerInstall();
    render(<Offer />);
    fireEvent.click(await screen.findByRole('button', { name: 'Not now' }));
    expect(screen.queryByText('Add Signpost to your home screen')).toBeNull();
    cleanup();

    await offerInstall();
    render(<Offer />);
    expect(screen.queryByText('Add Signpost to your home screen')).toBeNull();
    cleanup();

    // 31 days later it may be offered again.
    localStorage.setItem('signpost.install.dismissedAt', String(now - 31 * DAY_MS));
    await offerInstall();
    render(<Offer />);
    expect(await screen.findByText('Add Signpost to your home screen')).toBeTruthy();
  });

  it('asks the browser to keep Signpost’s storage once it is installed', async () => {
    const persist = vi.fn(async () => true);
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { persist, persisted: async () => false },
    });
    await offerInstall();
    render(<Offer />);
    await screen.findByRole('button', { name: 'Add to home screen' });
    await act(() => {
      window.dispatchEvent(new Event('appinstalled'));
    });
    await vi.waitFor(() => expect(persist).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Add to home screen' })).toBeNull();
  });

  it('is not offered when Signpost already runs from the home screen', async () => {
    standalone = true;
    await offerInstall();
    render(<Offer />);
    expect(screen.queryByText('Add Signpost to your home screen')).toBeNull();
  });

  it('has no accessibility problems that axe can find', async () => {
    await offerInstall();
    const { container } = render(
      <main>
        <Offer />
      </main>,
    );
    await screen.findByRole('button', { name: 'Add to home screen' });
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('the instructions for iPhone and iPad', () => {
  it('tell Safari users how to add Signpost, and nobody else', async () => {
    const userAgent = vi.spyOn(navigator, 'userAgent', 'get');
    userAgent.mockReturnValue(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    );
    render(<IosInstallHint />);
    expect(await screen.findByText('Tap the Share button, then “Add to Home Screen”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByText('Tap the Share button, then “Add to Home Screen”.')).toBeNull();
    cleanup();

    localStorage.clear();
    userAgent.mockReturnValue(
      'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
    );
    render(<IosInstallHint />);
    expect(screen.queryByText('Tap the Share button, then “Add to Home Screen”.')).toBeNull();
  });
});
