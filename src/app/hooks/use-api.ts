import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { z } from 'zod/mini';
import { getJson, type ApiResult } from '../api.ts';

export interface ApiState<T> {
  /** Undefined while the first answer for this address is awaited; then what the API said. */
  result: ApiResult<T> | undefined;
  /** Asks again, keeping what is shown until the new answer comes (after a change the page made). */
  reload: () => Promise<void>;
}

/**
 * What the API says at `url`, checked against `schema`: asked when the page opens and again whenever
 * `url` changes, when what was shown is cleared. Only the newest request's answer is kept, so a slow
 * answer for an address the page has left never replaces the one it is on. With no `url` nothing is
 * asked (a page that needs a choice first).
 */
export function useApi<S extends z.ZodMiniType>(url: string | undefined, schema: S): ApiState<z.output<S>> {
  const [result, setResult] = useState<ApiResult<z.output<S>>>();
  const newest = useRef(0);
  const ask = useCallback(async () => {
    const request = ++newest.current;
    if (url === undefined) return;
    const answer = await getJson(url, schema);
    if (request === newest.current) setResult(answer);
  }, [url, schema]);
  useEffect(() => {
    const requests = newest;
    setResult(undefined);
    void ask();
    // Leaving the address (or the page) makes any answer still on its way stale.
    return () => void requests.current++;
  }, [ask]);
  return { result, reload: ask };
}
