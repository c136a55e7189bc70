import { z } from "zod";

// Expected failures, carried from the data layer to pages (notFound), actions ({ ok: false }) and route handlers
// (problem+json). Anything else is unexpected: logged, answered with a generic message.

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The resource does not exist for this actor (it may exist, but they may not know). */
export class NotFoundError extends AppError {
  constructor(message = "Not found.") {
    super(message, 404);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You may not do this.") {
    super(message, 403);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Sign in first.") {
    super(message, 401);
  }
}

/** Someone else changed the resource since it was read (optimistic locking). */
export class ConflictError extends AppError {
  constructor(
    message: string,
    /** What changed meanwhile, for the one who has to merge (e.g. lib/products/changes.ts ProductChange[]). */
    readonly changes: unknown[] = [],
  ) {
    super(message, 409);
  }
}

/** Input that passed the schema but breaks a rule of the domain. */
export class InvalidInputError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message, 422);
  }
}

/** Whether a database write failed on a unique constraint (Prisma's P2002): a name taken meanwhile. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** What a request carrying the NUL character in its text is told (see isNulInText). */
export const NUL_IN_TEXT = "Text cannot contain the NUL character (\\0): remove it and try again.";

/**
 * Whether the database refused text holding the NUL character (PostgreSQL's 22021), which its text cannot store:
 * bad input, answered 422 like any other, not a failure of ours.
 */
export function isNulInText(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta
    ?.driverAdapterError?.cause;
  return cause?.originalCode === "22021";
}

/** Parses input with the schema its form uses; a failure becomes field errors (422). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidInputError(
      "Check the highlighted fields.",
      z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    );
  }
  return parsed.data;
}
