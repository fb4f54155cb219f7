// Bundled by Vite into the page the Chromium search benchmark opens.
import { measureSearch } from './measure.ts';
import { measureRelevance } from './relevance.ts';

declare global {
  interface Window {
    measureSearch: typeof measureSearch;
    measureRelevance: typeof measureRelevance;
  }
}

window.measureSearch = measureSearch;
window.measureRelevance = measureRelevance;
