// Bundled by Vite into the page the Chromium search benchmark opens.
import { measureSearch } from './measure.ts';

declare global {
  interface Window {
    measureSearch: typeof measureSearch;
  }
}

window.measureSearch = measureSearch;
