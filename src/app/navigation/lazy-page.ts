import type { ComponentType } from 'preact';
import { lazy } from 'preact-iso';
import { PageNotLoaded } from '../pages/page-not-loaded.tsx';

/**
 * A page whose code loads when it is first opened. If the code cannot be fetched (the connection dropped
 * before the app was saved on the device) the page says so and offers to try again, rather than leaving
 * the last page on screen under the new address with nothing happening.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route components take their own params
export function lazyPage(load: () => Promise<ComponentType<any>>) {
  return lazy(() => load().catch(() => PageNotLoaded));
}
