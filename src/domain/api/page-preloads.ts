import { z } from 'zod/mini';

/**
 * `page-preloads.json`, written by the build and read by the server: for each page address (`*` at the end
 * matches any rest), the files under the client's root that its first draw needs beyond the app's shell.
 */
export const PagePreloads = z.record(
  z.string(),
  z.object({
    scripts: z.array(z.string()),
    styles: z.array(z.string()),
    /** For each language, the files of the page's words in it. */
    words: z.record(z.string(), z.array(z.string())),
  }),
);
export type PagePreloads = z.infer<typeof PagePreloads>;
