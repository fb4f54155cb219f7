import { render } from 'preact';
import { App } from './app.tsx';
import { setupI18n } from './i18n/index.ts';

await setupI18n();
render(<App />, document.getElementById('app') as HTMLElement);
