// Validation against the official JSON Schemas of the standards (copied unchanged into ./schemas). Ajv compiles each
// schema once, on first use. ODPS and ODCS are JSON Schema draft 2019-09, DCS is draft-07.
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { fullFormats } from "ajv-formats/dist/formats";
import dcsSchema from "./schemas/datacontract-specification-1.2.1.schema.json";
import odcsSchema from "./schemas/odcs-json-schema-v3.1.0.json";
import odpsSchema from "./schemas/odps-json-schema-v1.0.0.json";
import { DescriptorError, escapePointerToken, type DescriptorIssue } from "./errors";
import { DESCRIPTOR_STANDARDS, type DescriptorKind } from "./parse";

/** At most this many issues are reported for one document. */
export const MAX_ISSUES = 100;

const isUri = fullFormats.uri as (value: string) => boolean;
const uriTemplate = fullFormats["uri-template"] as RegExp;

/**
 * `format: uri` accepts an RFC 3986 URI or an RFC 6570 URI template with a scheme: the standards' own examples use
 * templates such as `s3://bucket/{model}/*.json` in `location` (the ODCS schema even gives it as the example of
 * S3 locations), which strict RFC 3986 refuses. Other formats (date, date-time, email...) are checked as usual.
 */
function uriOrTemplate(value: string): boolean {
  return isUri(value) || (/^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(value) && uriTemplate.test(value));
}

function configure<T extends Ajv>(ajv: T): T {
  addFormats(ajv);
  ajv.addFormat("uri", uriOrTemplate);
  return ajv;
}

let draft2019: Ajv2019 | undefined;
let draft07: Ajv | undefined;
const validators: Partial<Record<DescriptorKind, ValidateFunction>> = {};

// The official schemas do not pass Ajv's strict mode (e.g. `required` naming properties defined in `allOf`).
function ajv2019(): Ajv2019 {
  if (!draft2019) {
    draft2019 = configure(new Ajv2019({ allErrors: true, strict: false }));
    draft2019.addSchema(odcsSchema, "odcs");
    draft2019.addSchema(odpsSchema, "odps");
  }
  return draft2019;
}

/** The validator of one standard, compiled on first use (ODCS 3.1.0 takes about a second). */
function validatorFor(kind: DescriptorKind): ValidateFunction {
  let validate = validators[kind];
  if (!validate) {
    if (kind === "dcs") {
      draft07 ??= configure(new Ajv({ allErrors: true, strict: false }));
      validate = draft07.compile(dcsSchema);
    } else {
      validate = ajv2019().getSchema(kind)!;
    }
    validators[kind] = validate;
  }
  return validate;
}

/** Compiles the schemas ahead of the first request (e.g. from instrumentation), so that it is not slow. */
export function preloadDescriptorSchemas(): void {
  for (const kind of ["odps", "odcs", "dcs"] as const) validatorFor(kind);
}

/** Validates a parsed document against the official schema of its standard; [] when valid. */
export function validateDescriptor(kind: DescriptorKind, document: unknown): DescriptorIssue[] {
  const validate = validatorFor(kind);
  if (validate(document)) return [];
  return toIssues(validate.errors ?? []);
}

/** Throws DescriptorError (422) with every issue when the document is invalid against its schema. */
export function assertValidDescriptor(kind: DescriptorKind, document: unknown): void {
  const issues = validateDescriptor(kind, document);
  if (issues.length > 0) {
    throw new DescriptorError(`The document is not a valid ${DESCRIPTOR_STANDARDS[kind]} descriptor.`, issues);
  }
}

/** True when `server` is a valid ODCS 3.1.0 server entry (used by the exporter to pick a typed or custom server). */
export function isValidOdcsServer(server: unknown): boolean {
  return Boolean(ajv2019().getSchema("odcs#/$defs/Server")!(server));
}

/** Ajv errors -> pointer + message, without the noise of `if` wrappers, one entry per distinct problem. */
function toIssues(errors: ErrorObject[]): DescriptorIssue[] {
  const issues: DescriptorIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === "if") continue;
    const issue = toIssue(error);
    const key = `${issue.pointer}\n${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
    if (issues.length >= MAX_ISSUES) break;
  }
  return issues;
}

function toIssue(error: ErrorObject): DescriptorIssue {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
    case "unevaluatedProperties": {
      const property = String(params.additionalProperty ?? params.unevaluatedProperty);
      return {
        pointer: `${at}/${escapePointerToken(property)}`,
        message: `Unknown property \`${property}\`: not allowed here by the schema (put extra data in customProperties).`,
      };
    }
    case "required":
      return { pointer: at, message: `Missing required property \`${String(params.missingProperty)}\`.` };
    case "enum":
      return {
        pointer: at,
        message: `Must be one of: ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ")}.`,
      };
    case "const":
      return { pointer: at, message: `Must be ${JSON.stringify(params.allowedValue)}.` };
    case "type":
      return { pointer: at, message: `Must be of type ${String(params.type)}.` };
    case "format":
      return { pointer: at, message: `Must be a valid ${String(params.format)}.` };
    default:
      return { pointer: at, message: `${capitalize(error.message ?? "Invalid value")}.` };
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
