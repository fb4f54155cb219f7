// Bundled and added to a Signpost page by the outbox benchmark: the app's own outbox, reachable from it.
import { rememberStaff } from '../../src/store/staff-session.ts';
import { enqueue, outboxSummary, sendOutbox } from '../../src/store/outbox.ts';

const benchOutbox = { enqueue, outboxSummary, sendOutbox, rememberStaff };

declare global {
  interface Window {
    benchOutbox: typeof benchOutbox;
  }
}

window.benchOutbox = benchOutbox;
