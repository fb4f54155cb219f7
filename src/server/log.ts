import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * What an error may say in the log: its kind, its code (a PostgreSQL SQLSTATE such as 23505, or a
 * Node code such as ECONNREFUSED), the constraint and table it concerns, and where in the code it
 * happened. Never its message or detail: PostgreSQL quotes the values it was given there ("Failing row
 * contains …", "Key (email)=(…)", "invalid input syntax for type integer: …"), and clients quote their
 * statement and parameters, so a person's words or email would reach the log.
 */
export interface LoggedError {
  type: string;
  code?: string;
  constraint?: string;
  table?: string;
  stack?: string[];
  cause?: LoggedError;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function loggedError(error: unknown, depth = 0): LoggedError {
  if (error === null || typeof error !== 'object') return { type: typeof error };
  const e = error as Record<string, unknown>;
  const cause = depth < 3 && e.cause !== undefined ? loggedError(e.cause, depth + 1) : undefined;
  const stack = text(e.stack)
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim())
    .slice(0, 12);
  return {
    type: text(e.name) ?? text(e.constructor?.name) ?? 'Error',
    // An error that wraps another (the database being unavailable) is known by its cause's code.
    code: text(e.code) ?? cause?.code,
    constraint: text(e.constraint) ?? text(e.constraint_name),
    table: text(e.table) ?? text(e.table_name),
    ...(stack && stack.length > 0 ? { stack } : {}),
    ...(cause ? { cause } : {}),
  };
}

/**
 * Fields removed from anything logged, should one ever be passed in: bodies, parameters, addresses,
 * emails, passwords, cookies. Errors go through `loggedError` first, which keeps none of them.
 */
const REDACT = [
  'body',
  'params',
  'parameters',
  'query',
  'detail',
  'email',
  'password',
  'words',
  'ip',
  'address',
  'headers.cookie',
  'headers.authorization',
  'headers["x-forwarded-for"]',
].flatMap((path) => [path, `*.${path}`]);

/** The server's one logger: JSON lines on stdout (or `destination`), at `level` and above. */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: loggedError },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
