import { requestPersistentStorage } from '../../../store/directory.ts';
import { listSaved, saveAll } from '../../../store/saved-list.ts';

/**
 * Saves services to My list. The first time anything is saved, the browser is asked to keep this
 * site's storage, so the list is not cleared when the device runs short of space.
 * https://web.dev/articles/persistent-storage
 */
export async function saveToMyList(ids: readonly string[]): Promise<number> {
  const added = await saveAll(ids);
  if (added > 0 && (await listSaved()).length === added) {
    void requestPersistentStorage();
  }
  return added;
}
