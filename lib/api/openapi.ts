// The OpenAPI 3.1 document of the REST API v1 (GET /api/v1/openapi.json, rendered at /api-docs). The request and
// response bodies come from the zod schemas the handlers validate with (z.toJSONSchema, JSON Schema 2020-12, which
// OpenAPI 3.1 uses as is); the rest is written here, next to the list of endpoints. Pure; unit-tested.
import { z } from "zod";
import { AccessRequestInput, AccessRequestListQuery, ApproveInput, RejectInput, RevokeInput } from "../access/schemas";
import { ProductInput } from "../products/input";
import { LifecycleStatus } from "../generated/prisma/enums";
import { DOMAIN_GRAPH_PAGE_SIZE } from "../graph/schemas";
import { NOTIFICATION_PAGE_MAX, NOTIFICATION_PAGE_SIZE } from "../notifications/schemas";
import { SearchInput } from "../search/schemas";

type Json = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;

function withoutDialect(schema: Json): Json {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

const ProductResource = ProductInput.extend({
  ref: z.string().describe("`<domain>/<name>`"),
  status: z.enum(LifecycleStatus),
  revision: z.number().int().describe("Increases with every change; the ETag is its quoted value."),
  updatedAt: z.iso.datetime(),
});

const Issue = z.object({
  pointer: z.string().describe("JSON pointer (RFC 6901) into the request document ('' for the whole document)."),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(Issue).optional().describe("422: one entry per problem."),
  changes: z.array(z.unknown()).optional().describe("409: what changed meanwhile."),
  revision: z.number().int().optional().describe("412: the current revision."),
});

const ProductChange = z.object({
  where: z.string(),
  kind: z.enum(["added", "removed", "changed"]),
  before: z.string().optional(),
  after: z.string().optional(),
  breaking: z.boolean(),
  port: z.string().optional(),
});

const SaveResult = z.object({
  ref: z.string(),
  revision: z.number().int(),
  status: z.enum(LifecycleStatus),
  created: z.boolean(),
  changes: z.array(ProductChange).describe("Empty when the document changed nothing (the PUT was a no-op)."),
  warnings: z.array(z.object({ pointer: z.string(), message: z.string() })),
});

const ValidationResult = z.object({
  valid: z.literal(true),
  kind: z.enum(["odps", "odcs", "dcs"]),
  version: z.string(),
  errors: z.array(Issue).max(0),
});

const FacetValue = z.object({
  value: z.string(),
  label: z.string(),
  count: z.number().int(),
  selected: z.boolean(),
  depth: z.number().int(),
});

const SearchPage = z.object({
  items: z.array(
    z
      .object({
        ref: z.string().optional(),
        name: z.string(),
        displayName: z.string(),
        status: z.enum(LifecycleStatus),
        matchingFields: z.array(z.string()),
      })
      .catchall(z.unknown()),
  ),
  facets: z.record(z.string(), z.union([z.number(), z.array(FacetValue)])),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  previousCursor: z.string().nullable(),
});

const Notification = z.object({
  id: z.uuid(),
  kind: z.string().describe("e.g. `access-request.created`, `grant.expiring`."),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe("A path inside Hexmesh, e.g. `/access`."),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

const NotificationPage = z.object({
  items: z.array(Notification),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable().describe("Pass as `after` for the next (older) page; null on the last page."),
});

const UnreadCount = z.object({
  unreadCount: z.number().int(),
  marked: z.number().int().optional().describe("How many were unread (mark all)."),
});

const PortRef = z.object({
  product: z.string().describe("`<domain>/<name>`"),
  productDisplayName: z.string(),
  port: z.string(),
  portDisplayName: z.string(),
  owningTeam: z.object({ name: z.string(), displayName: z.string() }),
});
const TeamRef = z.object({ name: z.string(), displayName: z.string() });
const Person = z.object({ email: z.string(), name: z.string() });
const ProvisioningStateEnum = z
  .enum(["not_required", "pending", "provisioned", "failed", "deprovisioned"])
  .describe("For PostgreSQL ports Hexmesh grants (and later revokes) the privileges in the target database.");

const AccessRequest = z.object({
  id: z.uuid(),
  status: z.enum(["pending", "approved", "rejected", "withdrawn"]),
  version: z.number().int().describe("Send it back with a decision: a request changed meanwhile answers 409."),
  outputPort: PortRef,
  consumerTeam: TeamRef,
  requester: Person,
  purpose: z.string(),
  use: z.enum(["analytics", "data_science", "operational_reporting", "other"]),
  accessLevel: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: Person.nullable().describe("Null for requests approved automatically."),
  decisionReason: z.string().nullable(),
  renewsGrantId: z.uuid().nullable(),
  grant: z.object({ id: z.uuid(), status: z.string(), provisioningState: ProvisioningStateEnum }).nullable(),
});

const Grant = z.object({
  id: z.uuid(),
  status: z.enum(["active", "expired", "revoked", "relinquished"]),
  version: z.number().int(),
  outputPort: PortRef,
  consumerTeam: TeamRef,
  accessLevel: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  accessRequestId: z.uuid(),
  revokedAt: z.iso.datetime().nullable(),
  revokedBy: Person.nullable(),
  revokeReason: z.string().nullable(),
  provisioningState: ProvisioningStateEnum,
  provisioningError: z.string().nullable(),
  provisionedAt: z.iso.datetime().nullable(),
  provisioningAttempts: z.number().int(),
  createdAt: z.iso.datetime(),
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const STANDARD_ERRORS = {
  "401": problemResponse("No or an invalid credential (revoked or expired token). Carries WWW-Authenticate: Bearer."),
  "429": {
    ...problemResponse("The token's rate limit is used up."),
    headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } },
  },
};
const yamlBody = (description: string) => ({
  required: true,
  description,
  content: {
    "application/yaml": { schema: { type: "string" } },
    "application/json": { schema: { type: "object" } },
  },
});
const etagHeader = { ETag: { schema: { type: "string" }, description: 'The revision, quoted: `"3"`.' } };
const productParams = [
  { name: "domain", in: "path", required: true, schema: { type: "string" }, description: "Domain name" },
  { name: "name", in: "path", required: true, schema: { type: "string" }, description: "Product URL name" },
];
const ifMatchParam = {
  name: "If-Match",
  in: "header",
  required: false,
  schema: { type: "string" },
  description: 'The revision you read (its ETag, e.g. `"3"`): 412 when the product changed since.',
};

function searchParameters(): Json[] {
  const schema = withoutDialect(jsonSchema(SearchInput, "input"));
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    schema: property,
    ...(["domain", "team", "archetype", "status", "tag", "kind"].includes(name)
      ? { explode: true, description: "Repeatable." }
      : {}),
  }));
}

function notificationPaths(): Record<string, Json> {
  const unreadCount = {
    description: "The unread count after the change.",
    content: { "application/json": { schema: ref("UnreadCount") } },
  };
  return {
    "/api/v1/notifications": {
      get: {
        tags: ["Notifications"],
        summary: "List your notifications",
        description: "Newest first, with the unread count; keyset pages through the `after` cursor.",
        parameters: [
          { name: "after", in: "query", required: false, schema: { type: "string" }, description: "A `nextCursor`." },
          {
            name: "limit",
            in: "query",
            required: false,
            schema: { type: "integer", minimum: 1, maximum: NOTIFICATION_PAGE_MAX, default: NOTIFICATION_PAGE_SIZE },
          },
          {
            name: "unread",
            in: "query",
            required: false,
            schema: { type: "boolean", default: false },
            description: "Only unread ones.",
          },
        ],
        responses: {
          "200": {
            description: "A page of notifications.",
            content: { "application/json": { schema: ref("NotificationPage") } },
          },
          "422": problemResponse("Invalid parameters."),
          ...STANDARD_ERRORS,
        },
      },
    },
    "/api/v1/notifications/read": {
      post: {
        tags: ["Notifications"],
        summary: "Mark all your notifications read",
        responses: { "200": unreadCount, ...STANDARD_ERRORS },
      },
    },
    "/api/v1/notifications/{id}/read": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
      post: {
        tags: ["Notifications"],
        summary: "Mark one of your notifications read",
        description: "Idempotent. Another user's notification answers 404, like a missing one.",
        responses: { "200": unreadCount, "404": problemResponse("No such notification of yours."), ...STANDARD_ERRORS },
      },
    },
  };
}

function accessPaths(): Record<string, Json> {
  const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
  const jsonBody = (schema: string) => ({
    required: true,
    content: { "application/json": { schema: ref(schema) } },
  });
  const requestResponse = (description: string) => ({
    description,
    content: { "application/json": { schema: ref("AccessRequest") } },
  });
  const decisionErrors = {
    "403": problemResponse("You see the request but may not decide it (e.g. it is your own)."),
    "404": problemResponse("No such request is visible to you."),
    "409": problemResponse("The request was decided or changed meanwhile."),
    "422": problemResponse("Invalid input, e.g. an end later than asked for or a missing reason."),
    ...STANDARD_ERRORS,
  };
  const listParameters = Object.entries(
    (withoutDialect(jsonSchema(AccessRequestListQuery, "input")).properties ?? {}) as Record<string, Json>,
  ).map(([name, schema]) => ({ name, in: "query", required: false, schema }));
  return {
    "/api/v1/access-requests": {
      get: {
        tags: ["Access"],
        summary: "List access requests you may see",
        description:
          "Newest first (at most 100). `role=inbox`: requests for ports your teams own; `role=mine`: requests you or " +
          "your teams made.",
        parameters: listParameters,
        responses: {
          "200": {
            description: "The requests.",
            content: {
              "application/json": {
                schema: { type: "object", properties: { items: { type: "array", items: ref("AccessRequest") } } },
              },
            },
          },
          "422": problemResponse("Invalid parameters."),
          ...STANDARD_ERRORS,
        },
      },
      post: {
        tags: ["Access"],
        summary: "Request access to an output port",
        description:
          "On behalf of one of your teams. Approved at once when your team owns the product or the port auto-approves. " +
          "A second open request of the same team for the same port is refused (422).",
        parameters: [
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            schema: { type: "string", maxLength: 255 },
            description: "A repeat with the same key returns the first result (with `Idempotency-Replayed: true`).",
          },
        ],
        requestBody: jsonBody("AccessRequestInput"),
        responses: {
          "201": {
            ...requestResponse("The request (approved when approved at once)."),
            headers: { Location: { schema: { type: "string" } } },
          },
          "404": problemResponse("No such output port is visible to you."),
          "422": problemResponse("Invalid input; `errors` point at the fields."),
          ...STANDARD_ERRORS,
        },
      },
    },
    "/api/v1/access-requests/{id}": {
      parameters: [idParam],
      get: {
        tags: ["Access"],
        summary: "Read one access request",
        responses: {
          "200": requestResponse("The request."),
          "404": problemResponse("No such request is visible to you."),
          ...STANDARD_ERRORS,
        },
      },
    },
    "/api/v1/access-requests/{id}/approve": {
      parameters: [idParam],
      post: {
        tags: ["Access"],
        summary: "Approve a pending request (its owning team or an admin)",
        description: "Creates the grant (provisioned in PostgreSQL for PostgreSQL ports). `endsAt` may shorten it.",
        requestBody: { ...jsonBody("ApproveInput"), required: false },
        responses: { "200": requestResponse("The approved request."), ...decisionErrors },
      },
    },
    "/api/v1/access-requests/{id}/reject": {
      parameters: [idParam],
      post: {
        tags: ["Access"],
        summary: "Reject a pending request with a reason",
        requestBody: jsonBody("RejectInput"),
        responses: { "200": requestResponse("The rejected request."), ...decisionErrors },
      },
    },
    "/api/v1/grants/{id}": {
      parameters: [idParam],
      get: {
        tags: ["Access"],
        summary: "Read one grant with its provisioning state",
        responses: {
          "200": { description: "The grant.", content: { "application/json": { schema: ref("Grant") } } },
          "404": problemResponse("No such grant is visible to you."),
          ...STANDARD_ERRORS,
        },
      },
      delete: {
        tags: ["Access"],
        summary: "Revoke a grant (its owning team or an admin)",
        description: "Needs a `reason` (JSON body or query parameter). The privileges are then revoked by a job.",
        parameters: [{ name: "reason", in: "query", required: false, schema: { type: "string" } }],
        requestBody: { ...jsonBody("RevokeInput"), required: false },
        responses: {
          "200": { description: "The revoked grant.", content: { "application/json": { schema: ref("Grant") } } },
          "403": problemResponse("You see the grant but may not revoke it (a consumer gives it up in the app)."),
          "404": problemResponse("No such grant is visible to you."),
          "409": problemResponse("The grant ended or changed meanwhile."),
          "422": problemResponse("No reason given."),
          ...STANDARD_ERRORS,
        },
      },
    },
  };
}

export function buildOpenApiDocument(serverUrl = "/"): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Hexmesh REST API",
      version: "1.0.0",
      description:
        "Register and read data products as code. Authenticate with a personal API token from /settings/tokens " +
        "(`Authorization: Bearer hxm_…`), which acts with its owner's permissions; a product you may see but not " +
        "change answers 403, one you may not see 404. Errors are RFC 9457 application/problem+json.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerToken: [] }, { session: [] }],
    tags: [
      { name: "Products", description: "Search, read and register data products." },
      { name: "Descriptors", description: "ODPS 1.0.0, ODCS 3.1.0 and DCS 1.2.1 documents." },
      { name: "Graph", description: "The mesh as a graph of products and domains." },
      { name: "Notifications", description: "The caller's own notifications (the bell in the app)." },
      { name: "Access", description: "Access requests to output ports, their decisions, and the grants they give." },
    ],
    paths: {
      "/api/v1/products": {
        get: {
          tags: ["Products"],
          summary: "Search the catalog",
          description:
            "The search and facets of the /products page: ranked by relevance with `q`, else by name; keyset " +
            "pages through `after` / `before` cursors.",
          parameters: searchParameters(),
          responses: {
            "200": {
              description: "A page of products.",
              content: { "application/json": { schema: ref("SearchPage") } },
            },
            "422": problemResponse("Invalid parameters."),
            ...STANDARD_ERRORS,
          },
        },
      },
      "/api/v1/products/{domain}/{name}": {
        parameters: productParams,
        get: {
          tags: ["Products"],
          summary: "Read a product",
          responses: {
            "200": {
              description: "The registration, status and revision.",
              headers: etagHeader,
              content: { "application/json": { schema: ref("ProductResource") } },
            },
            "404": problemResponse("No such product visible to you."),
            ...STANDARD_ERRORS,
          },
        },
        put: {
          tags: ["Products", "Descriptors"],
          summary: "Register or update a product from an ODPS document",
          description:
            "Creates the product (201, as a draft of the team owning the domain unless the document names another of " +
            "your teams) or updates it (200). Idempotent: the same document again changes nothing. The document's " +
            "`domain` and `name`, when given, must agree with the path. A `status` different from the product's is " +
            "applied when the lifecycle allows it (draft → active needs a complete product).",
          parameters: [ifMatchParam],
          requestBody: yamlBody("An ODPS 1.0.0 (or DCS 1.2.1) document, YAML or JSON by Content-Type."),
          responses: {
            "200": {
              description: "Updated (or unchanged).",
              headers: etagHeader,
              content: { "application/json": { schema: ref("SaveResult") } },
            },
            "201": {
              description: "Created.",
              headers: etagHeader,
              content: { "application/json": { schema: ref("SaveResult") } },
            },
            "400": problemResponse("An If-Match that is not a revision."),
            "403": problemResponse("You may see the product but not change it."),
            "404": problemResponse("No such product visible to you."),
            "409": problemResponse("Changed by someone else while saving."),
            "412": problemResponse("If-Match is stale."),
            "422": problemResponse(
              "An invalid document, a path mismatch or a refused status change; `errors` lists pointers.",
            ),
            ...STANDARD_ERRORS,
          },
        },
      },
      "/api/v1/products/{domain}/{name}/odps": {
        parameters: productParams,
        get: {
          tags: ["Descriptors"],
          summary: "Export a product as ODPS 1.0.0",
          responses: {
            "200": {
              description: "The ODPS document.",
              headers: etagHeader,
              content: { "application/odps+yaml": { schema: { type: "string" } } },
            },
            "404": problemResponse("No such product visible to you."),
            ...STANDARD_ERRORS,
          },
        },
      },
      "/api/v1/products/{domain}/{name}/ports/{port}/contract": {
        parameters: [
          ...productParams,
          { name: "port", in: "path", required: true, schema: { type: "string" }, description: "Output port name" },
        ],
        get: {
          tags: ["Descriptors"],
          summary: "Export an output port's contract as ODCS 3.1.0",
          responses: {
            "200": {
              description: "The ODCS document.",
              headers: etagHeader,
              content: { "application/odcs+yaml": { schema: { type: "string" } } },
            },
            "404": problemResponse("No such product or port."),
            ...STANDARD_ERRORS,
          },
        },
        put: {
          tags: ["Descriptors"],
          summary: "Set an output port's contract from an ODCS document",
          description:
            "Sets the port's schema, SLOs, server and contract version; creates the port (201) when missing.",
          parameters: [ifMatchParam],
          requestBody: yamlBody("An ODCS 3.1.0 document, YAML or JSON by Content-Type."),
          responses: {
            "200": {
              description: "Updated (or unchanged).",
              content: { "application/json": { schema: ref("SaveResult") } },
            },
            "201": {
              description: "The port was created.",
              content: { "application/json": { schema: ref("SaveResult") } },
            },
            "403": problemResponse("You may see the product but not change it."),
            "404": problemResponse("No such product visible to you."),
            "412": problemResponse("If-Match is stale."),
            "422": problemResponse("An invalid contract."),
            ...STANDARD_ERRORS,
          },
        },
      },
      "/api/v1/descriptors/validate": {
        post: {
          tags: ["Descriptors"],
          summary: "Validate an ODPS, ODCS or DCS document",
          description: "Detects the standard and validates against its official JSON Schema. Saves nothing.",
          requestBody: yamlBody("The document, YAML or JSON."),
          responses: {
            "200": { description: "Valid.", content: { "application/json": { schema: ref("ValidationResult") } } },
            "422": problemResponse("Invalid: `errors` lists each problem with its pointer (and line)."),
            ...STANDARD_ERRORS,
          },
        },
      },
      "/api/v1/graph/products": {
        get: {
          tags: ["Graph"],
          summary: "Products and their consumption edges",
          parameters: [
            {
              name: "domain",
              in: "query",
              required: false,
              schema: { type: "string" },
              description: "Only this domain.",
            },
            {
              name: "product",
              in: "query",
              required: false,
              schema: { type: "string" },
              description: "`<domain>/<name>`: that product's neighbourhood (one hop up and down).",
            },
            {
              name: "after",
              in: "query",
              required: false,
              schema: { type: "string" },
              description:
                "With `domain`: the next of its products, from the cursor `page.next` of the previous answer. " +
                `A domain's graph holds ${DOMAIN_GRAPH_PAGE_SIZE} of its products at a time, by name, ` +
                "with their direct neighbours.",
            },
            {
              name: "before",
              in: "query",
              required: false,
              schema: { type: "string" },
              description: "With `domain`: the products before the cursor `page.previous` of the previous answer.",
            },
          ],
          responses: {
            "200": {
              description:
                "Nodes and edges; with `domain`, `page` says which of its products they are: `total` (visible), " +
                "`offset` (products before this page, by name), `count`, and the cursors `next` and `previous` " +
                "(null at either end).",
              content: { "application/json": { schema: { type: "object" } } },
            },
            "404": problemResponse("No such product visible to you."),
            "422": problemResponse("Invalid parameters."),
            "401": STANDARD_ERRORS["401"],
          },
        },
      },
      "/api/v1/graph/domains": {
        get: {
          tags: ["Graph"],
          summary: "Domains and the weighted consumption edges between them",
          responses: {
            "200": {
              description: "Domains and edges.",
              content: { "application/json": { schema: { type: "object" } } },
            },
            "401": STANDARD_ERRORS["401"],
          },
        },
      },
      ...notificationPaths(),
      ...accessPaths(),
    },
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token: `hxm_` + 40 characters." },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "A browser session." },
      },
      schemas: {
        ProductRegistration: withoutDialect(jsonSchema(ProductInput, "input")),
        ProductResource: withoutDialect(jsonSchema(ProductResource, "output")),
        SaveResult: withoutDialect(jsonSchema(SaveResult, "output")),
        ValidationResult: withoutDialect(jsonSchema(ValidationResult, "output")),
        SearchPage: withoutDialect(jsonSchema(SearchPage, "output")),
        Problem: withoutDialect(jsonSchema(Problem, "output")),
        NotificationPage: withoutDialect(jsonSchema(NotificationPage, "output")),
        UnreadCount: withoutDialect(jsonSchema(UnreadCount, "output")),
        AccessRequestInput: withoutDialect(jsonSchema(AccessRequestInput, "input")),
        ApproveInput: withoutDialect(jsonSchema(ApproveInput, "input")),
        RejectInput: withoutDialect(jsonSchema(RejectInput, "input")),
        RevokeInput: withoutDialect(jsonSchema(RevokeInput, "input")),
        AccessRequest: withoutDialect(jsonSchema(AccessRequest, "output")),
        Grant: withoutDialect(jsonSchema(Grant, "output")),
      },
    },
  };
}
