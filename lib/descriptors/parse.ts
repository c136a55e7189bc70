// Reading a descriptor: YAML or JSON text -> a plain document, and which standard (and version) it follows.
// Pure; no database. YAML uses the 1.2 core schema (the `yaml` package's default), so dates stay strings.
import { parseDocument } from "yaml";
import { DescriptorError, type DescriptorIssue } from "./errors";

/** The standards Hexmesh reads. DCS is import only. */
export type DescriptorKind = "odps" | "odcs" | "dcs";

export const DESCRIPTOR_STANDARDS: Record<DescriptorKind, string> = {
  odps: "Open Data Product Standard (ODPS)",
  odcs: "Open Data Contract Standard (ODCS)",
  dcs: "Data Contract Specification (DCS)",
};

/**
 * Versions accepted on import. Each list is what the official JSON Schema we validate against accepts and what the
 * mapping understands: ODPS 1.0.0 (its schema also accepts v0.9.0, which the official examples use); ODCS 3.1.0
 * (its schema also accepts 3.0.x; the 2.x layout is different and refused); DCS 1.2.1 (its schema also accepts the
 * earlier versions of its enum, used by the official examples).
 */
export const SUPPORTED_VERSIONS: Record<DescriptorKind, readonly string[]> = {
  odps: ["v1.0.0", "v0.9.0"],
  odcs: ["v3.1.0", "v3.0.2", "v3.0.1", "v3.0.0"],
  dcs: ["1.2.1", "1.2.0", "1.1.0", "0.9.3", "0.9.2", "0.9.1", "0.9.0"],
};

/** A JSON object as parsed from a descriptor. */
export type DescriptorDocument = Record<string, unknown>;

export interface ParsedDescriptor {
  kind: DescriptorKind;
  /** As written in the document: `apiVersion` (ODPS, ODCS) or `dataContractSpecification` (DCS). */
  version: string;
  document: DescriptorDocument;
}

/** Larger documents are refused before parsing (an ODCS contract of 500 fields is about 100 kB). */
export const MAX_DESCRIPTOR_LENGTH = 5_000_000;

/**
 * Parses a descriptor and detects its standard. JSON when the content type says so, YAML otherwise (YAML 1.2 reads
 * JSON too). Throws DescriptorError (422) for unparsable text (with line and column), a document of an unknown
 * kind, or a version Hexmesh does not support. Schema validation is a separate step (validateDescriptor).
 */
export function parseDescriptor(text: string, contentType?: string | null): ParsedDescriptor {
  const document = parseText(text, contentType);
  return { ...detectKind(document), document };
}

function parseText(text: string, contentType?: string | null): DescriptorDocument {
  if (text.length > MAX_DESCRIPTOR_LENGTH) {
    fail("The descriptor is too large.", [{ pointer: "", message: `At most ${MAX_DESCRIPTOR_LENGTH} characters.` }]);
  }
  if (text.trim() === "") fail("The descriptor is empty.", [{ pointer: "", message: "The document is empty." }]);
  const value = contentType && /json/i.test(contentType) ? parseJson(text) : parseYaml(text);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    fail("The descriptor is not an object.", [
      { pointer: "", message: "The document must be a mapping (an object) at the top level." },
    ]);
  }
  if (depthOf(value) > MAX_DESCRIPTOR_DEPTH) {
    fail("The descriptor is nested too deeply.", [
      { pointer: "", message: `Objects and lists may be nested at most ${MAX_DESCRIPTOR_DEPTH} levels deep.` },
    ]);
  }
  return value as DescriptorDocument;
}

/** Deeper documents are refused (the official examples nest about 10 levels). */
export const MAX_DESCRIPTOR_DEPTH = 64;

/** The nesting depth of a JSON value, computed without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DESCRIPTOR_DEPTH) break;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function parseYaml(text: string): unknown {
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    fail("The descriptor is not valid YAML.", [syntaxIssue((error as Error).message)]);
  }
  if (doc.errors.length > 0) {
    fail(
      "The descriptor is not valid YAML.",
      doc.errors.map((error) => {
        const position = error.linePos?.[0];
        return syntaxIssue(error.message.split(" at line ")[0], position?.line, position?.col);
      }),
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    fail("The descriptor is not valid YAML.", [syntaxIssue((error as Error).message)]);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.replace(/ in JSON at position \d+.*$/s, "").replace(/, "[\s\S]*$/, "");
    const at = /at position (\d+)/.exec((error as Error).message);
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split("\n").length;
      fail("The descriptor is not valid JSON.", [syntaxIssue(message, line, before.length - before.lastIndexOf("\n"))]);
    }
    // Some of V8's messages carry no position: JSON is YAML flow syntax, whose parser (with the JSON schema) does.
    const position = parseDocument(text, { schema: "json" }).errors[0]?.linePos?.[0];
    fail("The descriptor is not valid JSON.", [syntaxIssue(message, position?.line, position?.col)]);
  }
}

function syntaxIssue(message: string, line?: number, column?: number): DescriptorIssue {
  return line === undefined
    ? { pointer: "", message }
    : { pointer: "", message: `Line ${line}, column ${column}: ${message}`, line, column };
}

function detectKind(document: DescriptorDocument): Omit<ParsedDescriptor, "document"> {
  if ("dataContractSpecification" in document) {
    return supported("dcs", document.dataContractSpecification, "/dataContractSpecification");
  }
  if (document.kind === "DataProduct") return supported("odps", document.apiVersion, "/apiVersion");
  if (document.kind === "DataContract") return supported("odcs", document.apiVersion, "/apiVersion");
  const message =
    document.kind === undefined
      ? "Unknown kind of descriptor: expected `kind: DataProduct` (ODPS), `kind: DataContract` (ODCS) or `dataContractSpecification` (DCS)."
      : `Unknown kind \`${String(document.kind)}\`: expected \`DataProduct\` (ODPS) or \`DataContract\` (ODCS).`;
  fail("Unknown kind of descriptor.", [{ pointer: document.kind === undefined ? "" : "/kind", message }]);
}

function supported(kind: DescriptorKind, version: unknown, at: string): Omit<ParsedDescriptor, "document"> {
  const versions = SUPPORTED_VERSIONS[kind];
  if (typeof version !== "string" || !versions.includes(version)) {
    const written = version === undefined ? "no version" : `version \`${String(version)}\``;
    fail(`Unsupported ${DESCRIPTOR_STANDARDS[kind]} version.`, [
      {
        pointer: at,
        message: `${DESCRIPTOR_STANDARDS[kind]} with ${written} is not supported: use one of ${versions.join(", ")}.`,
      },
    ]);
  }
  return { kind, version };
}

function fail(message: string, issues: DescriptorIssue[]): never {
  throw new DescriptorError(message, issues);
}
