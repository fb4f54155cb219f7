import { z } from 'zod/mini';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, StaffUser } from '../staff.ts';

/**
 * Staff sign-in at `/api/v1/session`: `POST` signs in, `GET` says who is signed in, `DELETE` signs out
 * (204), and `POST /password` replaces the password (204). A form's problems come back as 400
 * `invalid_request` with `details` of `StaffFieldError`s, so each field can say what is wrong.
 */

const Password = z
  .string({ error: 'required' })
  .check(z.minLength(1, { error: 'required' }), z.maxLength(MAX_PASSWORD_LENGTH, { error: 'too-long' }));

/** `POST /api/v1/session`. The email is checked for shape only, so a typo reads as a wrong sign-in. */
export const SignInRequest = z.object({
  email: z.string({ error: 'required' }).check(z.minLength(1, { error: 'required' }), z.maxLength(254)),
  password: Password,
  /** "This is a shared computer": the session ends when the browser closes and after 30 idle minutes. */
  sharedComputer: z.optional(z.boolean()),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/** `POST /api/v1/session/password`. */
export const PasswordChangeRequest = z.object({
  currentPassword: Password,
  newPassword: z
    .string({ error: 'required' })
    .check(
      z.minLength(1, { error: 'required' }),
      z.minLength(MIN_PASSWORD_LENGTH, { error: 'too-short' }),
      z.maxLength(MAX_PASSWORD_LENGTH, { error: 'too-long' }),
    ),
});
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;

/** `POST` and `GET /api/v1/session`: the signed-in member of staff. */
export const SessionResponse = z.object({ user: StaffUser });
export type SessionResponse = z.infer<typeof SessionResponse>;
