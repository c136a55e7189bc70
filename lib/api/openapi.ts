// The OpenAPI 3.1 document of the REST API v1 (GET /api/v1/openapi.json, rendered at /api-docs). The request and
// response bodies come from the zod schemas the handlers validate with (z.toJSONSchema, JSON Schema 2020-12, which
// OpenAPI 3.1 uses as is); the rest is written here, next to the list of endpoints. Pure; unit-tested.
import { z } from "zod";
import { ProductInput } from "../products/input";
import { LifecycleStatus } from "../generated/prisma/enums";
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
          ],
          responses: {
            "200": { description: "Nodes and edges.", content: { "application/json": { schema: { type: "object" } } } },
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
      },
    },
  };
}
