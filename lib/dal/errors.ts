/** Errors the DAL raises on purpose; actions turn them into values users can act on. */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "VALIDATION" | "RATE_LIMITED" | "SEALED";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** For CONFLICT: what the other writer saved. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** A Prisma error with this code, without importing Prisma here. */
function hasPrismaCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

/** Prisma's unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return hasPrismaCode(error, "P2002");
}

/** Prisma's "record to update not found" (P2025): an update whose `where` matched no row. */
export function isRecordNotFound(error: unknown): boolean {
  return hasPrismaCode(error, "P2025");
}
