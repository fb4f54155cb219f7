import { z } from 'zod/mini';
import { Service } from '../service.ts';
import { queryTime } from './query.ts';

/** `GET /api/v1/directory`: with `since`, only what changed after that time. */
export const DirectoryQuery = z.object({
  since: z.optional(queryTime),
});

/** The whole directory in Signpost's compact form, or with `since` what changed and the ids removed. */
export const DirectoryResponse = z.object({
  generatedAt: z.iso.datetime(),
  /** True for the whole directory, false for the changes since a time. */
  full: z.boolean(),
  services: z.array(Service),
  removed: z.array(z.string()),
});
export type DirectoryResponse = z.infer<typeof DirectoryResponse>;

/**
 * The same answer as the app reads it: the envelope checked here, and each service on its own, so one
 * service the app cannot read is left out rather than losing the whole download.
 */
export const DirectoryEnvelope = z.extend(DirectoryResponse, { services: z.array(z.unknown()) });

/** `GET /api/v1/directory/services/{id}`: one active service, in the same compact form as the directory. */
export const DirectoryServiceResponse = Service;
