import { z } from 'zod/mini';

/**
 * Staff accounts: roles, emails, password rules, the signed-in user, and the codes a form shows as
 * `errors.<code>` in the person's language. The session API's bodies are in `api/session.ts`.
 */

/** `field` captures feedback on someone's behalf; `analyst` reads measures and stories; `admin` runs the service. */
export const STAFF_ROLES = ['field', 'analyst', 'admin'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * Long passwords and passphrases, with no composition rules (NCSC password guidance); the server also
 * refuses common ones and the account's own email (`server/auth/password-policy.ts`).
 */
export const MIN_PASSWORD_LENGTH = 12;
/** Far beyond any passphrase, but bounds the work of hashing one. */
export const MAX_PASSWORD_LENGTH = 256;

export const STAFF_FIELD_ERROR_CODES = [
  'required',
  'invalid-email',
  'too-short',
  'too-long',
  'incorrect',
  'same-as-current',
  /** One of the most common passwords, or repeated or sequential characters. */
  'too-common',
  /** Holds the account's email address or the part before the @. */
  'contains-email',
  'invalid',
] as const;
export type StaffFieldErrorCode = (typeof STAFF_FIELD_ERROR_CODES)[number];

/** One field's problem in a staff form, as 400 `invalid_request` lists them in `details`. */
export const StaffFieldError = z.object({ path: z.string(), code: z.enum(STAFF_FIELD_ERROR_CODES) });
export type StaffFieldError = z.infer<typeof StaffFieldError>;

/** One spelling of an email address, so `Sam@Example.org` signs in as `sam@example.org`. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const StaffEmail = z.email({ error: 'invalid-email' }).check(z.maxLength(254, { error: 'too-long' }));

/** The signed-in member of staff, as `GET /api/v1/session` returns them. */
export const StaffUser = z.object({
  id: z.string(),
  email: z.string(),
  role: StaffRole,
  /** A one-time password is in use: nothing else is allowed until it is changed. */
  mustChangePassword: z.boolean(),
});
export type StaffUser = z.infer<typeof StaffUser>;

const CODES: ReadonlySet<string> = new Set(STAFF_FIELD_ERROR_CODES);

/** A body's problems by field, first problem per field, in codes a form can show in any language. */
export function staffFieldErrors(issues: readonly z.core.$ZodIssue[], input: unknown): StaffFieldError[] {
  const errors: StaffFieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (errors.some((e) => e.path === path)) continue;
    const given =
      input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[path] : undefined;
    const code: StaffFieldErrorCode =
      given === undefined || given === ''
        ? 'required'
        : CODES.has(issue.message)
          ? (issue.message as StaffFieldErrorCode)
          : 'invalid';
    errors.push({ path, code });
  }
  return errors;
}
