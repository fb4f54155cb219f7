import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { useApi } from '../../src/app/hooks/use-api.ts';

const Count = z.object({ count: z.number() });

/** An answer the test hands out when it chooses, so slow and fast answers can be ordered at will. */
interface Pending {
  url: string;
  answer: (response: Response | Error) => void;
}

let pending: Pending[] = [];

function stubFetch(): void {
  vi.stubGlobal(
    'fetch',
    (url: string) =>
      new Promise<Response>((resolve, reject) => {
        pending.push({
          url,
          answer: (response) => (response instanceof Error ? reject(response) : resolve(response)),
        });
      }),
  );
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Answers the oldest request still waiting for `url`, and lets the page redraw. */
async function answer(url: string, response: Response | Error): Promise<void> {
  const index = pending.findIndex((request) => request.url === url);
  expect(index, `a request for ${url}`).toBeGreaterThanOrEqual(0);
  const [request] = pending.splice(index, 1);
  await act(async () => {
    request!.answer(response);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** A page as the staff pages use the hook: loading, what failed, the figure, and a button to ask again. */
function Counter(props: { url: string }) {
  const { result, reload } = useApi(props.url, Count);
  return (
    <main>
      {result === undefined && <p>Loading</p>}
      {result && !result.ok && <p>Failed: {result.reason}</p>}
      {result?.ok && <p>Count: {result.data.count}</p>}
      <button type="button" onClick={() => void reload()}>
        Again
      </button>
    </main>
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  pending = [];
});

describe('useApi', () => {
  it('shows loading, then the answer checked against its schema', async () => {
    stubFetch();
    render(<Counter url="/api/v1/count" />);
    expect(screen.getByText('Loading')).toBeTruthy();
    await answer('/api/v1/count', json({ count: 3 }));
    expect(screen.getByText('Count: 3')).toBeTruthy();
  });

  it('says what went wrong: an answer that breaks the contract, no connection, signed out', async () => {
    stubFetch();
    const { rerender } = render(<Counter url="/api/v1/a" />);
    await answer('/api/v1/a', json({ count: 'three' }));
    expect(screen.getByText('Failed: server')).toBeTruthy();

    rerender(<Counter url="/api/v1/b" />);
    await answer('/api/v1/b', new TypeError('Failed to fetch'));
    expect(screen.getByText('Failed: offline')).toBeTruthy();

    rerender(<Counter url="/api/v1/c" />);
    await answer('/api/v1/c', json({ error: { code: 'unauthenticated', message: 'Sign in' } }, 401));
    expect(screen.getByText('Failed: unauthenticated')).toBeTruthy();
  });

  it('clears what it showed when the address changes, and never lets a slow answer for the old one win', async () => {
    stubFetch();
    const { rerender } = render(<Counter url="/api/v1/count?month=1" />);
    await answer('/api/v1/count?month=1', json({ count: 1 }));
    expect(screen.getByText('Count: 1')).toBeTruthy();

    rerender(<Counter url="/api/v1/count?month=2" />);
    expect(screen.getByText('Loading')).toBeTruthy();
    rerender(<Counter url="/api/v1/count?month=3" />);
    await answer('/api/v1/count?month=3', json({ count: 3 }));
    expect(screen.getByText('Count: 3')).toBeTruthy();
    // The page left month 2 before its answer came: it must not replace month 3's.
    await answer('/api/v1/count?month=2', json({ count: 2 }));
    expect(screen.getByText('Count: 3')).toBeTruthy();
    expect(screen.queryByText('Count: 2')).toBeNull();
  });

  it('asks again on reload, keeping what is shown until the new answer comes', async () => {
    stubFetch();
    render(<Counter url="/api/v1/count" />);
    await answer('/api/v1/count', json({ count: 1 }));

    fireEvent.click(screen.getByRole('button', { name: 'Again' }));
    await waitFor(() => expect(pending).toHaveLength(1));
    expect(screen.getByText('Count: 1')).toBeTruthy();
    expect(screen.queryByText('Loading')).toBeNull();
    await answer('/api/v1/count', json({ count: 2 }));
    expect(screen.getByText('Count: 2')).toBeTruthy();
  });
});
