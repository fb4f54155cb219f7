import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the module: what the first page waits for is kept once per page load. */
async function firstPage(): Promise<typeof import('../../src/app/first-page.ts')> {
  vi.resetModules();
  return import('../../src/app/first-page.ts');
}

/** Whether a promise has settled by now, without waiting for it. */
function settledFlag(promise: Promise<unknown>): { readonly done: boolean } {
  const flag = { done: false };
  void promise.then(() => (flag.done = true));
  return flag;
}

describe('the time after the first page has loaded, when the app saves itself for offline use', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Idle callbacks are the browser's to schedule: here the plain second of quiet stands in for them.
    vi.stubGlobal('requestIdleCallback', undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits for what the page counted as its own loading, then for a quiet second', async () => {
    const { firstPageSettled, settleFirstPageAfter } = await firstPage();
    let saveDirectory = () => {};
    settleFirstPageAfter(new Promise<void>((resolve) => (saveDirectory = resolve)));
    const settled = settledFlag(firstPageSettled());

    await vi.advanceTimersByTimeAsync(5000);
    expect(settled.done).toBe(false);

    saveDirectory();
    await vi.advanceTimersByTimeAsync(999);
    expect(settled.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled.done).toBe(true);
  });

  it('counts loading that fails as finished', async () => {
    const { firstPageSettled, settleFirstPageAfter } = await firstPage();
    settleFirstPageAfter(Promise.reject(new Error('offline')));
    const settled = settledFlag(firstPageSettled());
    await vi.advanceTimersByTimeAsync(1000);
    expect(settled.done).toBe(true);
  });

  it('waits ten seconds at most for loading that never ends', async () => {
    const { firstPageSettled, settleFirstPageAfter } = await firstPage();
    settleFirstPageAfter(new Promise(() => {}));
    const settled = settledFlag(firstPageSettled());
    await vi.advanceTimersByTimeAsync(9999);
    expect(settled.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled.done).toBe(true);
  });

  it('starts the quiet second again after a long task', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    // Idle moments a frame apart, except one that a 200 ms task holds back, 300 ms in.
    let heldBack = false;
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
      const late = !heldBack && performance.now() >= 300;
      if (late) heldBack = true;
      return setTimeout(callback, late ? 200 : 16);
    });
    const { firstPageSettled } = await firstPage();
    const settled = settledFlag(firstPageSettled());
    await vi.advanceTimersByTimeAsync(1400);
    expect(settled.done).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(settled.done).toBe(true);
  });
});
