import { Hono, type Context } from 'hono';
import { PasswordChangeRequest, SessionResponse, SignInRequest } from '../../domain/api/session.ts';
import { staffFieldErrors, type StaffFieldError } from '../../domain/staff.ts';
import { clientAddress, trustsProxy } from '../auth/client-address.ts';
import { badOrigin, currentSession, staffSession } from '../auth/middleware.ts';
import { fromOwnOrigin } from '../auth/origin.ts';
import { verifyPassword } from '../auth/password.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import {
  clearSessionCookie,
  endOtherSessions,
  endSession,
  setSessionCookie,
  startSession,
} from '../auth/sessions.ts';
import { accountKeyFor, checkSignIn, clearFailures, takeAttempt } from '../auth/sign-in.ts';
import { findStaffUserById, setStaffPassword, toStaffUser } from '../auth/users.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { noStore, readBody, reply, type Invalid } from '../http/validate.ts';

function invalidRequest(details: StaffFieldError[]): ApiError {
  return new ApiError(400, 'invalid_request', 'Check the details and try again.', details);
}

/** A form's problems by field, in codes the sign-in and password pages show in the person's language. */
const invalidForm: Invalid = (issues, body) => invalidRequest(staffFieldErrors(issues, body));

function slowDown(c: Context, retryAfterSeconds: number): ApiError {
  c.header('Retry-After', String(retryAfterSeconds));
  return new ApiError(429, 'rate_limited', 'Too many attempts. Wait a while, then try again.');
}

/** Staff sign-in: `POST|GET|DELETE /api/v1/session` and `POST /api/v1/session/password`. */
export function sessionRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.use(staffSession(ctx), async (c, next) => {
    noStore(c);
    await next();
  });

  app.post('/', async (c) => {
    // A sign-in sent from another site's page is refused too (login CSRF), even without a cookie.
    const origin = c.req.header('origin');
    if (origin && !fromOwnOrigin(c, trustsProxy(ctx.trustProxy))) throw badOrigin();
    const attempt = await readBody(c, SignInRequest, invalidForm);
    const outcome = await checkSignIn(
      ctx.db,
      ctx.secrets,
      { ...attempt, address: clientAddress(c, ctx.trustProxy) },
      ctx.clock?.(),
    );
    if (!outcome.ok && outcome.reason === 'slow-down') throw slowDown(c, outcome.retryAfterSeconds);
    if (!outcome.ok)
      throw new ApiError(401, 'invalid_credentials', 'The email address or password is not right.');
    const previous = currentSession(c);
    if (previous) await endSession(ctx.db, previous.tokenHash);
    const sharedComputer = attempt.sharedComputer === true;
    const { token } = await startSession(ctx.db, outcome.user.id, { sharedComputer });
    setSessionCookie(c, token, { sharedComputer });
    return reply(c, SessionResponse, { user: toStaffUser(outcome.user) });
  });

  app.get('/', (c) => {
    const session = currentSession(c);
    if (!session) throw new ApiError(401, 'unauthenticated', 'You are not signed in.');
    return reply(c, SessionResponse, { user: session.user });
  });

  app.delete('/', async (c) => {
    const session = currentSession(c);
    if (session) await endSession(ctx.db, session.tokenHash);
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.post('/password', async (c) => {
    const session = currentSession(c);
    if (!session) throw new ApiError(401, 'unauthenticated', 'You are not signed in.');
    const { currentPassword, newPassword } = await readBody(c, PasswordChangeRequest, invalidForm);
    const accountKey = accountKeyFor(ctx.secrets, session.user.email);
    const lockedFor = await takeAttempt(ctx.db, accountKey);
    if (lockedFor > 0) throw slowDown(c, lockedFor);
    const user = await findStaffUserById(ctx.db, session.user.id);
    if (!user || !(await verifyPassword(currentPassword, user.password_hash))) {
      throw invalidRequest([{ path: 'currentPassword', code: 'incorrect' }]);
    }
    if (newPassword === currentPassword)
      throw invalidRequest([{ path: 'newPassword', code: 'same-as-current' }]);
    const problem = await passwordProblem(newPassword, user.email);
    if (problem) throw invalidRequest([{ path: 'newPassword', code: problem }]);
    await clearFailures(ctx.db, accountKey);
    await setStaffPassword(ctx.db, user.id, newPassword);
    await endOtherSessions(ctx.db, user.id, session.tokenHash);
    return c.body(null, 204);
  });

  return app;
}
