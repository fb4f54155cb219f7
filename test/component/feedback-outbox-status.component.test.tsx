import { act, cleanup, render, screen } from '@testing-library/preact';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import enCommon from '../../locales/en/common.json';
import enFeedback from '../../locales/en/feedback.json';
import type { OutboxItem } from '../../src/store/feedback-sending.ts';

const outbox = vi.hoisted(() => ({ items: [] as OutboxItem[], rerender: () => {} }));

// The outbox lives in IndexedDB, which the component environment does not have: its hook is played here.
vi.mock('../../src/app/hooks/use-outbox.ts', async () => {
  const { useEffect, useState } = await import('preact/hooks');
  return {
    useOutbox: () => {
      const [, setTick] = useState(0);
      useEffect(() => {
        outbox.rerender = () => setTick((n) => n + 1);
      }, []);
      return outbox.items;
    },
  };
});
vi.mock('../../src/store/feedback-send-triggers.ts', () => ({ startOutbox: () => undefined }));

const { OutboxStatusLive } = await import('../../src/app/features/feedback/outbox/outbox-status-live.tsx');

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { common: enCommon, feedback: enFeedback } },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});

afterEach(cleanup);

function item(n: number, state: OutboxItem['state']): OutboxItem {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    kind: 'experience',
    reference: `SP-${n}`,
    queuedAt: n,
    state,
    attempts: 0,
    nextAttemptAt: 0,
  };
}

describe('the outbox status', () => {
  it('says nothing while nothing waits', () => {
    outbox.items = [item(1, 'sent')];
    const { container } = render(<OutboxStatusLive />);
    expect(container.textContent).toBe('');
  });

  it('counts what waits, then says "All sent" once the last has gone', async () => {
    outbox.items = [item(1, 'waiting'), item(2, 'sending'), item(3, 'failed')];
    render(<OutboxStatusLive />);
    expect(screen.getByText('2 responses waiting to send')).toBeTruthy();
    outbox.items = [item(1, 'sent'), item(2, 'waiting'), item(3, 'failed')];
    await act(() => outbox.rerender());
    expect(screen.getByText('1 response waiting to send')).toBeTruthy();
    outbox.items = [item(1, 'sent'), item(2, 'sent'), item(3, 'failed')];
    await act(() => outbox.rerender());
    expect(screen.getByText('All sent. Thank you.')).toBeTruthy();
  });
});
