import "server-only";
import { z } from "zod";
import { AppError, ConflictError, InvalidInputError, isNulInText, NUL_IN_TEXT } from "./errors";

/** What every server action returns, for useActionState. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      message: string;
      fieldErrors: Record<string, string[] | undefined>;
      /** On a conflict: what someone else changed meanwhile. */
      changes?: unknown[];
    };

/** Turns a zod failure into the field errors a form shows next to each field. */
export function invalid(error: z.ZodError, message = "Check the highlighted fields."): ActionResult<never> {
  return { ok: false, message, fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
}

/**
 * Maps what a mutation threw to an action result: expected errors carry their message, anything else is logged
 * and answered with a generic message. Navigation signals (redirect, notFound) are re-thrown.
 */
export function failure(error: unknown): ActionResult<never> {
  if (error instanceof InvalidInputError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof ConflictError) {
    return { ok: false, message: error.message, fieldErrors: {}, changes: error.changes };
  }
  if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: {} };
  if (isNulInText(error)) return { ok: false, message: NUL_IN_TEXT, fieldErrors: {} };
  if (isNavigationSignal(error)) throw error;
  console.error(error);
  return { ok: false, message: "Something went wrong on our side. Please try again.", fieldErrors: {} };
}

function isNavigationSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}
