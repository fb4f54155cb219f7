import { readFile } from 'node:fs/promises';
import { extractServices } from '../../domain/oruk/feed.ts';

export interface FeedPage {
  records: unknown[];
  pageNumber: number;
  totalPages: number;
}

export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

export interface FeedOptions {
  /** Ask an ORUK API only for services changed since this ISO timestamp. */
  modifiedAfter?: string;
  perPage?: number;
  /** How long to wait for one page before giving up, in milliseconds. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

function parse(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof RangeError)
      throw new FeedError(`${where} is nested too deeply to be a service feed`);
    throw new FeedError(`${where} is not JSON: check that it is an ORUK 3.0 or HSDS 3.0 feed`);
  }
}

function pageOf(json: unknown, where: string, fallbackPage: number): FeedPage {
  let extract: ReturnType<typeof extractServices>;
  try {
    extract = extractServices(json);
  } catch {
    // A payload nested thousands deep exhausts the stack: it is not a feed, whatever else it is.
    throw new FeedError(`${where} is nested too deeply to be a service feed`);
  }
  if (!extract.ok) throw new FeedError(`${where}: ${extract.error}`);
  return {
    records: extract.records,
    pageNumber: extract.paging.pageNumber ?? fallbackPage,
    totalPages: extract.paging.totalPages ?? 1,
  };
}

/** The ORUK `/services` list address for one page, whether given the API's root or its `/services`. */
export function servicesPageUrl(base: string, page: number, options: FeedOptions): URL {
  const url = new URL(base);
  if (!/\/services\/?$/.test(url.pathname)) url.pathname = url.pathname.replace(/\/?$/, '/services');
  url.searchParams.set('page', String(page));
  url.searchParams.set('per_page', String(options.perPage ?? 100));
  if (options.modifiedAfter) url.searchParams.set('modified_after', options.modifiedAfter);
  return url;
}

async function fetchPage(url: URL, options: FeedOptions): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const request = () =>
    (options.fetch ?? fetch)(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  let response: Response;
  try {
    response = await request().catch((error: Error) => {
      // A kept-alive connection the feed closed as it was reused fails at once: ask once more, afresh.
      if (error.name === 'TimeoutError' || error.name === 'AbortError') throw error;
      return request();
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new FeedError(
        `${url} did not answer within ${timeoutMs / 1000} s: try again later or check the address`,
      );
    }
    throw new FeedError(`${url} could not be reached (${(error as Error).message}): check the address`);
  }
  if (!response.ok) throw new FeedError(`${url} answered ${response.status} ${response.statusText}`);
  return parse(await response.text(), String(url));
}

/** Reads a feed page by page: one file, or an ORUK API followed through `total_pages`. */
export async function* readFeed(source: string, options: FeedOptions = {}): AsyncGenerator<FeedPage> {
  if (!/^https?:\/\//i.test(source)) {
    let text: string;
    try {
      text = await readFile(source, 'utf8');
    } catch (error) {
      throw new FeedError(
        `${source} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    yield pageOf(parse(text, source), source, 1);
    return;
  }
  const first = await fetchPage(servicesPageUrl(source, 1, options), options);
  const firstPage = pageOf(first, source, 1);
  yield firstPage;
  for (let page = 2; page <= firstPage.totalPages; page++) {
    const url = servicesPageUrl(source, page, options);
    yield pageOf(await fetchPage(url, options), String(url), page);
  }
}
