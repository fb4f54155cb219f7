/** Runs one directory download off the page's thread: see directory-download.ts. */
// First: the page's locale data and language names are loaded here, off its thread (see warm-intl.ts).
import './warm-intl.ts';
import { downloadDirectory, syncErrorOf, type SyncError } from './directory-download.ts';

export interface DownloadRequest {
  force: boolean;
}

/** Undefined `error`: the copy is now up to date. */
export interface DownloadReply {
  error?: SyncError;
}

const scope = self as unknown as {
  postMessage(message: DownloadReply): void;
  onmessage: ((event: MessageEvent<DownloadRequest>) => void) | null;
};

scope.onmessage = (event) => {
  downloadDirectory(event.data.force).then(
    () => scope.postMessage({}),
    (error: unknown) => scope.postMessage({ error: syncErrorOf(error) }),
  );
};
