import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { orukPage } from '../../src/domain/oruk/page.ts';

/**
 * A council's ORUK 3.0 API on 127.0.0.1 serving `records` page by page. It tells the test each time it
 * has sent a page, and can hold back every page after `holdAfter`, so a test can act at a known point
 * of an import.
 */
export async function serveOrukFeed(
  records: readonly unknown[],
  options: { onPageSent?: (page: number) => void; holdAfter?: number } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://feed').searchParams;
    const page = Number(query.get('page') ?? 1);
    if (options.holdAfter !== undefined && page > options.holdAfter) return;
    const perPage = Number(query.get('per_page') ?? 100);
    const contents = records.slice((page - 1) * perPage, page * perPage);
    const body = JSON.stringify(orukPage(contents, { page, perPage, total: records.length }));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body, () => options.onPageSent?.(page));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
