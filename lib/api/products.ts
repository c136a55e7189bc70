import "server-only";
// Products as descriptors: the REST API (PUT/GET of ODPS documents and ODCS contracts) and the Import YAML page
// share these. Every function takes the actor explicitly (a token's owner or the session's user).
import { can, type Actor } from "../authz";
import {
  DescriptorError,
  descriptorToYaml,
  importDescriptor,
  odcsToPort,
  odpsToProduct,
  portToOdcs,
  productPathMismatches,
  productToOdps,
  type DescriptorIssue,
  type ImportedDescriptor,
  type MappingWarning,
} from "../descriptors";
import {
  descriptorToRegistration,
  portToDescriptor,
  portToRegistration,
  registrationToDescriptor,
} from "../descriptors/registration";
import { deepEqual } from "../descriptors/util";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { LifecycleStatus } from "../generated/prisma/enums";
import { diffProducts, type ProductChange } from "../products/changes";
import { errorsByPath, nextStatuses, ProductInput, publishProblems, type ProductValues } from "../products/input";
import {
  createProduct,
  transitionProduct,
  updateProduct,
  type ProductLocator,
  type ProductSaveDto,
} from "../products/mutations";
import { productRef } from "../products/schemas";
import { PreconditionFailedError } from "./problem";
import { domainOwningTeam, loadProductState, teamExists, type ProductState } from "./queries";

type ImportedProduct = Extract<ImportedDescriptor, { kind: "odps" | "dcs" }>;

/** A product as GET /api/v1/products/<domain>/<name> answers: its registration, status and revision. */
export interface ProductResourceDto extends ProductValues {
  ref: string;
  status: LifecycleStatus;
  revision: number;
  updatedAt: string;
}

export interface DescriptorSaveDto extends ProductSaveDto {
  created: boolean;
  warnings: MappingWarning[];
}

async function visibleProduct(actor: Actor, locator: ProductLocator): Promise<ProductState> {
  const state = await loadProductState(actor, locator);
  if (state.kind !== "found") {
    throw new NotFoundError(`No data product ${productRef(locator.domain, locator.name)} is visible to you.`);
  }
  return state;
}

function assertMayChange(actor: Actor, state: ProductState): void {
  if (!can(actor, "product.update", state)) {
    throw new ForbiddenError("Only members of the owning team (and platform admins) may change this product.");
  }
}

function checkIfMatch(ifMatch: number | "*" | undefined, state: ProductState | null): void {
  if (ifMatch === undefined) return;
  if (!state) throw new PreconditionFailedError("If-Match was sent, but the product does not exist.", null);
  if (ifMatch !== "*" && ifMatch !== state.revision) {
    throw new PreconditionFailedError(
      `The product is at revision ${state.revision}, not ${ifMatch}: someone changed it since you read it. GET it again and retry.`,
      state.revision,
    );
  }
}

export async function getProductResource(actor: Actor, locator: ProductLocator): Promise<ProductResourceDto> {
  const state = await visibleProduct(actor, locator);
  return {
    ref: productRef(locator.domain, locator.name),
    ...state.values,
    status: state.status,
    revision: state.revision,
    updatedAt: state.updatedAt,
  };
}

/** The product as an ODPS 1.0.0 document: the last imported one with Hexmesh's current values merged in. */
export async function getProductOdps(
  actor: Actor,
  locator: ProductLocator,
): Promise<{ yaml: string; revision: number }> {
  const state = await visibleProduct(actor, locator);
  const original = state.descriptor ?? undefined;
  const base = original ? odpsToProduct(original).value : undefined;
  const document = productToOdps(registrationToDescriptor(state.values, state.status, base), original);
  return { yaml: descriptorToYaml(document), revision: state.revision };
}

/** The contract of one output port as an ODCS 3.1.0 document. */
export async function getPortContract(
  actor: Actor,
  locator: ProductLocator,
  portName: string,
): Promise<{ yaml: string; revision: number }> {
  const state = await visibleProduct(actor, locator);
  const port = state.values.outputPorts.find((candidate) => candidate.name === portName);
  if (!port)
    throw new NotFoundError(
      `Data product ${productRef(locator.domain, locator.name)} has no output port “${portName}”.`,
    );
  const original = state.contracts.get(portName);
  const imported = original ? odcsToPort(original) : undefined;
  // Keep the contract's own spelling of the team when it names the same team.
  const team = imported?.context.owningTeam;
  const document = portToOdcs(
    portToDescriptor(port, imported?.value),
    {
      domain: state.values.domain,
      name: state.values.name,
      status: state.status,
      owningTeam:
        team && team.toLowerCase().replace(/[^a-z0-9]+/g, "-") === state.values.owningTeam
          ? team
          : state.values.owningTeam,
    },
    original,
  );
  return { yaml: descriptorToYaml(document), revision: state.revision };
}

/** What importing a product document would do: the registration it becomes and how it differs from the current one. */
export interface ProductImportPlan {
  locator: ProductLocator;
  imported: ImportedProduct;
  state: ProductState | null;
  registration: ProductValues;
  /** Changes to the registration (empty for a new product, or when nothing changes). */
  changes: ProductChange[];
  /** The status the document asks for, when it differs from the current one (a new product starts as a draft). */
  statusChange: { from: LifecycleStatus; to: LifecycleStatus } | null;
  /** Whether the stored document changes (a new import of a different text, even when the model is the same). */
  descriptorChanged: boolean;
  warnings: MappingWarning[];
}

function statusProblem(current: LifecycleStatus, wanted: LifecycleStatus, isNew: boolean): string | null {
  if (current === wanted) return null;
  if (!nextStatuses(current).includes(wanted)) {
    const allowed = nextStatuses(current);
    return (
      `${isNew ? "A new product starts as a draft, and a draft" : `A ${current} product`} cannot become ${wanted}` +
      (allowed.length ? `; it can become ${allowed.join(" or ")}.` : ".")
    );
  }
  if (wanted === "deprecated") {
    return "Deprecating needs a note for consumers and a sunset date: deprecate the product on its page in Hexmesh.";
  }
  if (wanted === "retired") {
    return "Retiring cannot be done by a document: retire the product on its page in Hexmesh.";
  }
  return null;
}

/**
 * Parses, validates and maps a product document (ODPS, or DCS) for `locator` (null: where the document says, with
 * `defaultDomain` when it names no domain), and works out what saving it would change. Saves nothing. Throws
 * DescriptorError (422, pointers into the document), InvalidInputError (422, registration paths), NotFoundError,
 * ForbiddenError.
 */
export async function planProductImport(
  actor: Actor,
  input: { text: string; contentType?: string | null; locator?: ProductLocator; defaultDomain?: string },
): Promise<ProductImportPlan> {
  const imported = importDescriptor(input.text, input.contentType, ["odps", "dcs"]) as ImportedProduct;
  const product = imported.product;
  let locator = input.locator;
  if (locator) {
    const mismatches = productPathMismatches(imported.document, product, locator);
    if (mismatches.length > 0) throw new DescriptorError("The document does not describe this product.", mismatches);
  } else {
    const domain = product.domain ?? input.defaultDomain;
    if (!domain) {
      throw new DescriptorError("The document names no domain.", [
        { pointer: "/domain", message: "Add `domain: <domain name>` to the document, or choose a domain." },
      ]);
    }
    locator = { domain, name: product.name };
  }

  const found = await loadProductState(actor, locator);
  if (found.kind === "hidden")
    throw new NotFoundError(`No data product ${productRef(locator.domain, locator.name)} is visible to you.`);
  const state = found.kind === "found" ? found : null;
  if (state) assertMayChange(actor, state);

  const documentTeam = product.owningTeam ? product.owningTeam.toLowerCase().replace(/[^a-z0-9]+/g, "-") : "";
  const [domainTeam, documentTeamExists] = await Promise.all([
    domainOwningTeam(locator.domain),
    teamExists(documentTeam),
  ]);
  const { registration, warnings } = descriptorToRegistration(product, {
    path: locator,
    current: state?.values ?? null,
    defaultOwningTeam: domainTeam ?? actor.teams[0]?.name ?? "",
    teamExists: (name) => name === documentTeam && documentTeamExists,
  });
  const parsed = ProductInput.safeParse(registration);
  if (!parsed.success)
    throw new InvalidInputError("The document maps to an invalid registration.", errorsByPath(parsed.error.issues));
  const values = parsed.data;

  const current = state?.status ?? "draft";
  const problem = statusProblem(current, product.status, !state);
  if (problem)
    throw new DescriptorError("The document's status cannot be applied.", [{ pointer: "/status", message: problem }]);
  if (product.status === "active" && current === "draft") {
    const problems = publishProblems(values);
    if (problems.length > 0) {
      throw new DescriptorError("The document asks for an active product, which is not complete.", [
        {
          pointer: "/status",
          message: `Publishing needs a complete product: ${problems.map((p) => p.message).join(" ")} Register it with status draft first, then add the contracts of its output ports.`,
        },
      ]);
    }
  }
  return {
    locator,
    imported,
    state,
    registration: values,
    changes: state ? diffProducts(state.values, values) : [],
    statusChange: product.status === current ? null : { from: current, to: product.status },
    descriptorChanged: !state?.descriptor || !deepEqual(state.descriptor, imported.document),
    warnings: [...imported.warnings, ...warnings],
  };
}

/**
 * Creates or updates a product from a product document (PUT /api/v1/products/<domain>/<name>, and "Apply" on the
 * Import YAML page). Idempotent: the same document twice saves nothing the second time. `ifMatch` is the revision
 * the caller read (412 when stale).
 */
export async function saveProductDescriptor(
  actor: Actor,
  input: {
    text: string;
    contentType?: string | null;
    locator?: ProductLocator;
    defaultDomain?: string;
    ifMatch?: number | "*";
  },
): Promise<DescriptorSaveDto> {
  const plan = await planProductImport(actor, input);
  checkIfMatch(input.ifMatch, plan.state);
  const descriptor = plan.imported.document as Prisma.InputJsonValue;
  let saved: ProductSaveDto;
  try {
    saved = plan.state
      ? await updateProduct(
          actor,
          plan.locator,
          plan.registration,
          typeof input.ifMatch === "number" ? input.ifMatch : plan.state.revision,
          plan.descriptorChanged ? { descriptor } : {},
        )
      : await createProduct(actor, plan.registration, { descriptor });
  } catch (error) {
    // The product changed between the plan and the save: the caller's revision is stale.
    if (error instanceof ConflictError && input.ifMatch !== undefined) {
      throw new PreconditionFailedError(error.message, null);
    }
    throw error;
  }
  if (plan.statusChange) {
    saved = await transitionProduct(actor, plan.locator, { to: plan.statusChange.to, revision: saved.revision });
  }
  return { ...saved, created: !plan.state, warnings: plan.warnings };
}

/**
 * Stores an ODCS contract as the contract of one output port (PUT .../ports/<port>/contract): creates the port
 * when the product has none of that name, else updates its schema, SLOs, server and version. Idempotent.
 */
export async function savePortContract(
  actor: Actor,
  input: { locator: ProductLocator; port: string; text: string; contentType?: string | null; ifMatch?: number | "*" },
): Promise<DescriptorSaveDto> {
  const imported = importDescriptor(input.text, input.contentType, ["odcs"]);
  if (imported.kind !== "odcs") throw new Error("unreachable");
  const state = await visibleProduct(actor, input.locator);
  assertMayChange(actor, state);
  checkIfMatch(input.ifMatch, state);
  const ports = state.values.outputPorts;
  const index = ports.findIndex((port) => port.name === input.port);
  const warnings: MappingWarning[] = [...imported.warnings];
  const port = portToRegistration(imported.port, index >= 0 ? ports[index] : undefined, {
    name: input.port,
    warnings,
    pointer: "/version",
  });
  const registration = {
    ...state.values,
    outputPorts: index >= 0 ? ports.map((existing, i) => (i === index ? port : existing)) : [...ports, port],
  };
  const parsed = ProductInput.safeParse(registration);
  if (!parsed.success) {
    const prefix = `outputPorts.${index >= 0 ? index : ports.length}.`;
    const issues: DescriptorIssue[] = parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join(".");
      return {
        pointer: path.startsWith(prefix) ? contractPointer(path.slice(prefix.length)) : `/${issue.path.join("/")}`,
        message: issue.message,
      };
    });
    throw new DescriptorError("The contract maps to an invalid output port.", issues);
  }
  const contractChanged = !deepEqual(state.contracts.get(input.port) ?? null, imported.document);
  let saved: ProductSaveDto;
  try {
    saved = await updateProduct(
      actor,
      input.locator,
      parsed.data,
      typeof input.ifMatch === "number" ? input.ifMatch : state.revision,
      contractChanged ? { contracts: { [input.port]: imported.document as Prisma.InputJsonValue } } : {},
    );
  } catch (error) {
    if (error instanceof ConflictError && input.ifMatch !== undefined) {
      throw new PreconditionFailedError(error.message, null);
    }
    throw error;
  }
  return { ...saved, created: index < 0, warnings };
}

/** A port's registration path (`fields.3.name`) as a pointer into an ODCS document, as near as it maps. */
function contractPointer(path: string): string {
  const [head, index, ...rest] = path.split(".");
  if (head === "fields" && index !== undefined)
    return `/schema/0/properties/${index}${rest.length ? `/${rest.join("/")}` : ""}`;
  if (head === "slos" && index !== undefined) return `/slaProperties/${index}`;
  if (head === "contractVersion") return "/version";
  return "";
}
