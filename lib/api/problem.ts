// RFC 9457 application/problem+json answers of the REST API v1, and the mapping of the errors thrown by lib/ to
// them. Route handlers end with `return errorResponse(error)`.
import { DescriptorError, type DescriptorIssue } from "../descriptors/errors";
import { escapePointerToken } from "../descriptors/errors";
import { AppError, ConflictError, InvalidInputError, isNulInText, NUL_IN_TEXT } from "../errors";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  412: "Precondition failed",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
};

export interface ProblemIssue {
  /** JSON pointer (RFC 6901) into the request document, or into the registration for rule errors. */
  pointer: string;
  message: string;
  line?: number;
  column?: number;
}

export function problemResponse(
  status: number,
  detail: string,
  extensions: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, ...extensions },
    { status, headers: { ...headers, "content-type": PROBLEM_CONTENT_TYPE } },
  );
}

/** `outputPorts.0.fields.2.name` → `/outputPorts/0/fields/2/name` ("" for the whole document). */
export function dottedPathToPointer(path: string): string {
  if (!path) return "";
  return path
    .split(".")
    .map((token) => `/${escapePointerToken(token)}`)
    .join("");
}

export function fieldErrorsToIssues(fieldErrors: Record<string, string[] | undefined>): ProblemIssue[] {
  return Object.entries(fieldErrors).flatMap(([path, messages]) =>
    (messages ?? []).map((message) => ({ pointer: dottedPathToPointer(path), message })),
  );
}

function descriptorIssues(issues: DescriptorIssue[]): ProblemIssue[] {
  return issues.map(({ pointer, message, line, column }) => ({
    pointer,
    message,
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
  }));
}

/** A failed precondition (If-Match) on a resource now at `revision`. */
export class PreconditionFailedError extends AppError {
  constructor(
    message: string,
    readonly revision: number | null,
  ) {
    super(message, 412);
  }
}

/** What lib/ threw, as a problem response; unexpected errors are logged and answered with a generic 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof DescriptorError) {
    return problemResponse(422, error.message, { errors: descriptorIssues(error.issues) });
  }
  if (error instanceof InvalidInputError) {
    const errors = fieldErrorsToIssues(error.fieldErrors);
    return problemResponse(422, error.message, {
      errors: errors.length ? errors : [{ pointer: "", message: error.message }],
    });
  }
  if (error instanceof ConflictError) return problemResponse(409, error.message, { changes: error.changes });
  if (error instanceof PreconditionFailedError) {
    return problemResponse(
      412,
      error.message,
      error.revision === null ? {} : { revision: error.revision },
      error.revision === null ? {} : { etag: etagFor(error.revision) },
    );
  }
  if (error instanceof AppError) return problemResponse(error.status, error.message);
  if (isNulInText(error)) return problemResponse(422, NUL_IN_TEXT, { errors: [{ pointer: "", message: NUL_IN_TEXT }] });
  console.error(error);
  return problemResponse(500, "Something went wrong on our side. Please try again.");
}

export function etagFor(revision: number): string {
  return `"${revision}"`;
}

/**
 * The revision an `If-Match` header asks for: undefined without the header, "*" for any, a number, or null when
 * the header is not one of ours (`"3"`, `W/"3"` and `3` are read).
 */
export function readIfMatch(request: Request): number | "*" | null | undefined {
  const header = request.headers.get("if-match");
  if (header === null) return undefined;
  const value = header.trim();
  if (value === "*") return "*";
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  return match ? Number(match[1]) : null;
}
