/**
 * Signpost's four themes: the home page's doors into the directory. Apart from `service.ts`'s schemas,
 * so the home page can list them without loading zod.
 */
export const THEMES = ['staying-well', 'carers', 'housing', 'work-and-activities'] as const;
