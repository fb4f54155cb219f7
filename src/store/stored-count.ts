/**
 * How many records some stores of a database hold, read with IndexedDB itself: no idb, no upgrade code,
 * no schemas. The app's shell asks this on every page to learn whether the code that works on a store
 * (the outbox, the follow-up questions) is needed at all, so a first visit never loads it.
 */

/**
 * The number of records in those of `stores` the database has; 0 when the database does not exist yet,
 * which this leaves uncreated (its first upgrade is abandoned, so the store's own code still makes it
 * from scratch later). `undefined` when the device would not say: the caller should then load the store.
 */
export function storedCount(database: string, stores: readonly string[]): Promise<number | undefined> {
  return new Promise((resolve) => {
    let creating = false;
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(database);
    } catch {
      return resolve(undefined);
    }
    request.onupgradeneeded = () => {
      creating = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      // An abandoned creation is an error too; keep it from reaching the page's error handlers.
      event.preventDefault();
      resolve(creating ? 0 : undefined);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Never stand in the way of the app upgrading this database in another tab.
      db.onversionchange = () => db.close();
      const present = stores.filter((store) => db.objectStoreNames.contains(store));
      if (present.length === 0) {
        db.close();
        return resolve(0);
      }
      let total = 0;
      try {
        const tx = db.transaction(present, 'readonly');
        for (const store of present) {
          const counted = tx.objectStore(store).count();
          counted.onsuccess = () => (total += counted.result);
        }
        tx.oncomplete = () => {
          db.close();
          resolve(total);
        };
        tx.onabort = () => {
          db.close();
          resolve(undefined);
        };
      } catch {
        db.close();
        resolve(undefined);
      }
    };
  });
}
