import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';

/**
 * Whether news that has come should wait for the next page. News that comes while a page is open would
 * appear above what the person is reading and move it, so it waits until they go on to another page;
 * news already there when the app is first drawn is drawn with the page.
 */
export function useWaitsForNextPage(present: boolean): boolean {
  const { path } = useLocation();
  const drawn = useRef(false);
  // The page the news came on while it waits, '' once it may show anywhere.
  const cameOn = useRef<string | undefined>(undefined);
  useEffect(() => {
    drawn.current = true;
  }, []);
  if (!present) cameOn.current = undefined;
  else if (cameOn.current === undefined) cameOn.current = drawn.current ? path : '';
  else if (cameOn.current !== path) cameOn.current = '';
  return present && cameOn.current === path;
}
