/**
 * What of an error may reach the log. Database errors carry the statement's parameters (PGlite puts
 * them on `params`), a `detail` such as "Failing row contains (MRN, name, birth date, ...)", and
 * messages that quote the offending value; any of these would put patient data or free text in the
 * log (security baseline: no patient data in logs). So a database error is reduced to its SQLSTATE
 * and the names of the objects involved, and every error to its type and code location.
 */
export interface LoggableError {
  type: string;
  /** SQLSTATE for database errors, Node/Fastify error code otherwise. */
  code?: string;
  /** Fixed text for database errors; for others the message our own code wrote (never user input). */
  message: string;
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
  /** Stack frames only (the first line repeats the message); empty when unknown. */
  stack: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** Identifiers of schema objects and codes: nothing else passes. */
const IDENTIFIER = /^[A-Za-z0-9_.$-]{1,80}$/;

function identifier(value: unknown): string | undefined {
  return typeof value === 'string' && IDENTIFIER.test(value) ? value : undefined;
}

/** True for errors raised by PostgreSQL or PGlite (they carry a SQLSTATE and a severity). */
export function isDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; severity?: unknown };
  return typeof e.code === 'string' && SQLSTATE.test(e.code) && typeof e.severity === 'string';
}

function frames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const lines = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return lines.length ? lines.join('\n') : undefined;
}

/** The parts of `error` that are safe to log; used as the logger's `err` serializer. */
export function loggableError(error: unknown): LoggableError {
  if (typeof error !== 'object' || error === null)
    return { type: typeof error, message: 'Non-error thrown', stack: '' };
  const e = error as Record<string, unknown>;
  const type = identifier(e['name']) ?? identifier(error.constructor?.name) ?? 'Error';
  const stack = frames(e['stack']) ?? '';
  if (isDatabaseError(error)) {
    const code = String(e['code']);
    const out: LoggableError = {
      type: 'DatabaseError',
      code,
      message: `Database error ${code}`,
      stack,
    };
    for (const key of ['table', 'column', 'constraint', 'routine'] as const) {
      const value = identifier(e[key]);
      if (value) out[key] = value;
    }
    return out;
  }
  const out: LoggableError = {
    type,
    message: typeof e['message'] === 'string' ? e['message'].slice(0, 300) : '',
    stack,
  };
  const code = identifier(e['code']);
  if (code) out.code = code;
  return out;
}
