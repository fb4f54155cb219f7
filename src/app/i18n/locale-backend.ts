import type { BackendModule } from 'i18next';

type LocaleLoaders = Record<string, () => Promise<{ default: Record<string, unknown> }>>;

/** A file's review status is for translators, never for the page. */
function withoutMeta(resources: Record<string, unknown>): Record<string, unknown> {
  const { _meta: _, ...text } = resources;
  return text;
}

/**
 * Reads `locales/<language>/<namespace>.json` through the given loaders (`import.meta.glob` in the app).
 * A part not yet translated into a language has no file: it is shown in English, the fallback, quietly.
 */
export function localeBackend(
  loaders: LocaleLoaders,
  pathOf: (language: string, ns: string) => string,
): BackendModule {
  return {
    type: 'backend',
    init() {},
    read(language, namespace, callback) {
      const load = loaders[pathOf(language, namespace)];
      if (!load) return callback(null, {});
      load().then(
        (module) => callback(null, withoutMeta(module.default)),
        (error: Error) => callback(error, false),
      );
    },
  };
}
