// What goes wrong with a descriptor, in a shape that becomes the 422 application/problem+json body of the API and
// the error list of the import form: one entry per problem, located by a JSON pointer (RFC 6901).
import { AppError } from "../errors";

export interface DescriptorIssue {
  /** JSON pointer (RFC 6901) to the offending value; "" is the whole document. */
  pointer: string;
  message: string;
  /** 1-based position in the text, when known (syntax errors). */
  line?: number;
  column?: number;
}

/** A descriptor that cannot be imported: unparsable, of an unknown kind or version, or invalid against its schema. */
export class DescriptorError extends AppError {
  constructor(
    message: string,
    readonly issues: DescriptorIssue[],
  ) {
    super(message, 422);
  }
}

/** Escapes one reference token of a JSON pointer (RFC 6901 section 3). */
export function escapePointerToken(token: string | number): string {
  return String(token).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Builds a JSON pointer from its tokens: `pointer(["servers", 0, "type"])` is `/servers/0/type`. */
export function pointer(tokens: (string | number)[]): string {
  return tokens.map((token) => `/${escapePointerToken(token)}`).join("");
}
