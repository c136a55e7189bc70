// Descriptors: import and export of ODPS 1.0.0 (a product), ODCS 3.1.0 (the contract of one output port) and import
// of Data Contract Specification 1.2.1. Pure: no database; the API and the UI call these and store the results.
import { stringify } from "yaml";
import { dcsToProduct } from "./dcs";
import { DescriptorError, type DescriptorIssue } from "./errors";
import type { MappingWarning, OutputPortDescriptor, ProductDescriptor } from "./model";
import { odcsToPort, type ContractContext } from "./odcs";
import { odpsToProduct } from "./odps";
import { DESCRIPTOR_STANDARDS, parseDescriptor, type DescriptorDocument, type DescriptorKind } from "./parse";
import { locateIssues } from "./locate";
import { validateDescriptor } from "./validate";

export * from "./errors";
export * from "./model";
export { dcsToProduct } from "./dcs";
export { odcsToPort, portToOdcs, ODCS_API_VERSION, type ContractContext } from "./odcs";
export { odpsToProduct, productToOdps, ODPS_API_VERSION } from "./odps";
export * from "./parse";
export { locateIssues } from "./locate";
export { validateDescriptor, assertValidDescriptor, preloadDescriptorSchemas } from "./validate";
export { portContractId } from "./vocabulary";

interface ImportBase {
  version: string;
  /** The document as parsed: keep it, and pass it as `original` to the next export. */
  document: DescriptorDocument;
  warnings: MappingWarning[];
}

export type ImportedDescriptor =
  | (ImportBase & { kind: "odps" | "dcs"; product: ProductDescriptor })
  | (ImportBase & { kind: "odcs"; port: OutputPortDescriptor; context: ContractContext });

/**
 * Text -> parsed, validated against the official schema, mapped. Throws DescriptorError (422) with pointer +
 * message issues when the text is unparsable, of an unknown kind or version, of a kind not in `accept`, or invalid.
 */
export function importDescriptor(
  text: string,
  contentType?: string | null,
  accept: readonly DescriptorKind[] = ["odps", "odcs", "dcs"],
): ImportedDescriptor {
  const { kind, version, document } = parseDescriptor(text, contentType);
  if (!accept.includes(kind)) {
    throw new DescriptorError(`Expected ${accept.map((k) => DESCRIPTOR_STANDARDS[k]).join(" or ")}.`, [
      { pointer: "", message: `This is a ${DESCRIPTOR_STANDARDS[kind]} document, which is not accepted here.` },
    ]);
  }
  const issues = validateDescriptor(kind, document);
  if (issues.length > 0) {
    throw new DescriptorError(
      `The document is not a valid ${DESCRIPTOR_STANDARDS[kind]} descriptor.`,
      locateIssues(text, issues),
    );
  }
  if (kind === "odcs") {
    const { value, warnings, context } = odcsToPort(document);
    return { kind, version, document, port: value, context, warnings };
  }
  const { value, warnings } = kind === "odps" ? odpsToProduct(document) : dcsToProduct(document);
  return { kind, version, document, product: value, warnings };
}

export interface DescriptorCheck {
  valid: boolean;
  kind: DescriptorKind | null;
  version: string | null;
  issues: DescriptorIssue[];
}

/** For `POST /api/v1/descriptors/validate`: what is wrong with a text, without throwing and saving nothing. */
export function checkDescriptor(text: string, contentType?: string | null): DescriptorCheck {
  try {
    const { kind, version, document } = parseDescriptor(text, contentType);
    const issues = locateIssues(text, validateDescriptor(kind, document));
    return { valid: issues.length === 0, kind, version, issues };
  } catch (error) {
    if (error instanceof DescriptorError) return { valid: false, kind: null, version: null, issues: error.issues };
    throw error;
  }
}

/**
 * For `PUT /api/v1/products/<domain>/<name>`: the document's `domain` and `name`, when given, must agree with the
 * path (the name compared as Hexmesh reads it, slugified). [] when they agree.
 */
export function productPathMismatches(
  document: DescriptorDocument,
  product: Pick<ProductDescriptor, "domain" | "name">,
  path: { domain: string; name: string },
): DescriptorIssue[] {
  const issues: DescriptorIssue[] = [];
  if (product.domain !== null && product.domain !== path.domain) {
    issues.push({
      pointer: "/domain",
      message: `The document's domain \`${product.domain}\` does not match the domain in the URL, \`${path.domain}\`.`,
    });
  }
  if (typeof document.name === "string" && product.name !== path.name) {
    issues.push({
      pointer: "/name",
      message: `The document's name \`${document.name}\` (URL name \`${product.name}\`) does not match the name in the URL, \`${path.name}\`.`,
    });
  }
  return issues;
}

/** A document as YAML text (for application/odps+yaml and the download buttons). */
export function descriptorToYaml(document: DescriptorDocument): string {
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}
