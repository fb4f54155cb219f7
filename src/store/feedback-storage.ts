/** The device has no room left for what a person is trying to keep: tell them, and drop nothing already kept. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('This device has no storage space left for Signpost.', { cause });
    this.name = 'StorageFullError';
  }
}

/**
 * Whether an IndexedDB failure was the storage quota. A failed write aborts its transaction, so the
 * quota error can arrive as the transaction's AbortError with the real cause on `transaction.error`.
 */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException) && !(error instanceof Error)) return false;
  if (error.name === 'QuotaExceededError') return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isQuotaError(cause);
}

/** Runs a write and turns a quota failure into `StorageFullError`, leaving other failures as they are. */
export async function writeOrExplain<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}
