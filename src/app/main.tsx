import { render } from 'preact';
import { App } from './app.tsx';
import { firstPageReady } from './first-page.ts';
import { setupI18n } from './i18n/index.ts';
import { trackHistoryEntries } from './navigation/history-entries.ts';
import { keepPlaces } from './navigation/scroll-keeper.ts';

trackHistoryEntries();
keepPlaces();
await setupI18n();
await firstPageReady();
render(<App />, document.getElementById('app') as HTMLElement);
