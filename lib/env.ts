// The only reader of process.env. Validated on first use (at server start-up, see instrumentation.ts), so that a
// wrong setting stops the app with a message naming it.
import { z } from "zod";
import { parseNetworks } from "./webhooks/address-guard";

const optionalText = z.string().trim().min(1).optional();
const PROVISIONING_TARGETS_SHAPE =
  'must be a JSON object like {"db.example.com:5432/warehouse": "postgresql://admin:secret@db.example.com:5432/warehouse"}';

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "is required (scripts/with-db.ts sets it for the embedded database)" })
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string"),
    AUTH_SECRET: z
      .string({ error: "is required: a random string of at least 32 characters (openssl rand -base64 32)" })
      .min(32, "must be at least 32 characters long"),
    AUTH_URL: z.url({ error: "must be the public URL of the portal, e.g. https://hexmesh.example.com" }).optional(),
    AUTH_TRUST_HOST: z.enum(["true", "false", "1", "0"]).optional(),
    /** Behind a reverse proxy that sets X-Forwarded-For: trust it for the client's address (sign-in throttling). */
    TRUST_PROXY: z
      .enum(["true", "false", "1", "0"], { error: "must be true or false" })
      .default("false")
      .transform((value) => value === "true" || value === "1"),
    /** Generic OpenID Connect single sign-on; all three of issuer, client id and secret, or none. */
    OIDC_ISSUER: z.url({ error: "must be the issuer URL of the OpenID provider" }).optional(),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_DISPLAY_NAME: z.string().trim().min(1).default("Single sign-on"),
    /** Sign-in throttling: failed attempts allowed per account and address within the window. */
    SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
    SIGNIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
    /** REST API: requests allowed per personal API token per minute (then 429 with Retry-After). */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
    /**
     * Where access grants on PostgreSQL output ports are provisioned: a JSON object mapping a port server's
     * `host:port/database` to an admin connection URL of that database (a role that may create roles and grant).
     * Unset: the demo warehouse (database hexmesh_warehouse) on DATABASE_URL's server, with its credentials.
     */
    PROVISIONING_TARGETS: z
      .string()
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.issues.push({ code: "custom", input: text, message: PROVISIONING_TARGETS_SHAPE });
          return z.NEVER;
        }
      })
      .pipe(
        z.record(
          z.string().regex(/^(\[[^\]]+\]|[^:/\s]+):\d+\/[^/\s]+$/, { error: PROVISIONING_TARGETS_SHAPE }),
          z.string().regex(/^postgres(ql)?:\/\//, { error: "must be a postgresql:// connection string" }),
          { error: PROVISIONING_TARGETS_SHAPE },
        ),
      )
      .optional(),
    /** Background jobs (grant provisioning, expiry, reminders, webhooks) run in every server process unless false. */
    JOB_WORKER: z
      .enum(["true", "false", "1", "0"], { error: "must be true or false" })
      .default("true")
      .transform((value) => value === "true" || value === "1"),
    /**
     * Networks webhooks may reach besides public addresses, as CIDRs separated by commas (`10.20.0.0/16`): receivers
     * inside the company network. Private, loopback and link-local addresses are refused otherwise.
     */
    WEBHOOK_ALLOWED_NETWORKS: z
      .string()
      .default("")
      .transform((text, ctx) => {
        try {
          return parseNetworks(text);
        } catch {
          ctx.issues.push({
            code: "custom",
            input: text,
            message: "must be CIDRs separated by commas, e.g. 10.20.0.0/16, 192.168.1.10/32",
          });
          return z.NEVER;
        }
      }),
    /** Jobs one server process runs at the same time. */
    JOB_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!env[key])
          ctx.addIssue({ code: "custom", path: [key], message: "is required when single sign-on is configured" });
      }
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class ConfigurationError extends Error {
  name = "ConfigurationError";
}

/** Turns zod's issues into one line per setting: `AUTH_SECRET must be at least 32 characters long`. */
export function describeEnvIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("\n");
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigurationError(`Invalid configuration:\n${describeEnvIssues(result.error)}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function oidcConfigured(): boolean {
  return Boolean(env().OIDC_ISSUER);
}

/** True while `next build` runs (it loads server modules to prerender pages): no database, no background jobs. */
export function duringNextBuild(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
