import type { AuthContext } from '../auth/middleware.ts';
import type { TrustedProxies } from '../config.ts';
import type { SyncSettings } from '../directory/sync.ts';
import type { Secrets } from '../secrets.ts';

/** What every router is made with: the database, the version, which proxies to believe, the secrets. */
export interface AppContext extends AuthContext {
  version: string;
  trustProxy: TrustedProxies;
  /** The keys for keyed hashes (`server/secrets.ts`). */
  secrets: Secrets;
  /** The scheduled feed sync's settings, for `/api/health`; none when no feed is set. */
  feedSync: SyncSettings | undefined;
  /** The server's clock; tests set it to stand on a given day. Time is the server's, never the sender's. */
  clock?: () => Date;
  /** Days after a month ends before it may be published (docs/measures.md, "Publication"). */
  graceDays?: number;
}
