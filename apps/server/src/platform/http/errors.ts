/** A failure with a stable code; the error handler turns it into problem+json in the caller's language. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly errors: { path: string; code: string }[] = [],
    /** Commit the request's transaction anyway (e.g. a failed login still counts toward lockout). */
    readonly commit = false,
  ) {
    super(code);
  }
}

export const badRequest = (code: string, path?: string, params: Record<string, string | number> = {}) =>
  new AppError(422, code, params, path ? [{ path, code }] : []);
export const notFound = (code = 'not_found') => new AppError(404, code);
export const forbidden = (code = 'forbidden') => new AppError(403, code);
export const conflict = (code: string, params: Record<string, string | number> = {}) => new AppError(409, code, params);
export const unauthenticated = (code = 'unauthenticated', commit = false) => new AppError(401, code, {}, [], commit);
