import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestServiceEarly, takeEarlyRequest } from '../../src/app/features/directory/service-request.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the request for a service sent before the page has loaded', () => {
  it('raises no unhandled error when the connection fails before the page takes it, and the page still hears of it', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const unhandled: unknown[] = [];
    const listen = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listen);
    try {
      requestServiceEarly('svc-1');
      // Node reports a rejection no one handled once the microtasks after it have run: a turn later.
      await new Promise(setImmediate);
      expect(unhandled).toEqual([]);
      await expect(takeEarlyRequest('svc-1')).rejects.toThrow('Failed to fetch');
    } finally {
      process.off('unhandledRejection', listen);
    }
  });

  it('is taken once: a later look asks the server afresh', () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('{}')));
    requestServiceEarly('svc-2');
    expect(takeEarlyRequest('svc-2')).toBeInstanceOf(Promise);
    expect(takeEarlyRequest('svc-2')).toBeUndefined();
  });
});
