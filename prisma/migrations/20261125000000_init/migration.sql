-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "global_role" AS ENUM ('admin', 'governance', 'member');

-- CreateEnum
CREATE TYPE "team_role" AS ENUM ('owner', 'member');

-- CreateEnum
CREATE TYPE "archetype" AS ENUM ('source-aligned', 'aggregate', 'consumer-aligned');

-- CreateEnum
CREATE TYPE "lifecycle_status" AS ENUM ('proposed', 'draft', 'active', 'deprecated', 'retired');

-- CreateEnum
CREATE TYPE "output_port_kind" AS ENUM ('table', 'files', 'events', 'api', 'graph');

-- CreateEnum
CREATE TYPE "classification" AS ENUM ('public', 'internal', 'confidential', 'restricted');

-- CreateEnum
CREATE TYPE "slo_kind" AS ENUM ('freshness', 'completeness', 'volume', 'availability', 'custom');

-- CreateEnum
CREATE TYPE "access_use" AS ENUM ('analytics', 'data-science', 'operational-reporting', 'other');

-- CreateEnum
CREATE TYPE "access_request_status" AS ENUM ('pending', 'approved', 'rejected', 'withdrawn');

-- CreateEnum
CREATE TYPE "grant_status" AS ENUM ('active', 'expired', 'revoked', 'relinquished');

-- CreateEnum
CREATE TYPE "provisioning_state" AS ENUM ('not-required', 'pending', 'provisioned', 'failed', 'deprovisioned');

-- CreateEnum
CREATE TYPE "policy_severity" AS ENUM ('info', 'warning', 'blocking');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" "global_role" NOT NULL DEFAULT 'member',
    "disabled_at" TIMESTAMPTZ(3),
    "last_sign_in_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sso_accounts" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sso_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teams" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_memberships" (
    "team_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "team_role" NOT NULL DEFAULT 'member',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_memberships_pkey" PRIMARY KEY ("team_id","user_id")
);

-- CreateTable
CREATE TABLE "domains" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "parent_id" UUID,
    "owning_team_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "domains_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_systems" (
    "id" UUID NOT NULL,
    "domain_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT 'service',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "source_systems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_products" (
    "id" UUID NOT NULL,
    "domain_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "owning_team_id" UUID NOT NULL,
    "archetype" "archetype" NOT NULL,
    "status" "lifecycle_status" NOT NULL DEFAULT 'draft',
    "description" TEXT NOT NULL DEFAULT '',
    "purpose" TEXT NOT NULL DEFAULT '',
    "limitations" TEXT NOT NULL DEFAULT '',
    "usage" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" TEXT NOT NULL DEFAULT '0.1.0',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "deprecation_note" TEXT,
    "sunset_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "data_products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "output_ports" (
    "id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "output_port_kind" NOT NULL,
    "format" TEXT NOT NULL,
    "server" JSONB NOT NULL DEFAULT '{}',
    "contract_version" TEXT NOT NULL DEFAULT '1.0.0',
    "position" INTEGER NOT NULL DEFAULT 0,
    "max_grant_days" INTEGER,
    "auto_approve" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "output_ports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schema_fields" (
    "id" UUID NOT NULL,
    "output_port_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "required" BOOLEAN NOT NULL DEFAULT false,
    "primary_key" BOOLEAN NOT NULL DEFAULT false,
    "classification" "classification" NOT NULL DEFAULT 'internal',
    "pii" BOOLEAN NOT NULL DEFAULT false,
    "polyseme_id" UUID,

    CONSTRAINT "schema_fields_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "input_ports" (
    "id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "source_output_port_id" UUID,
    "source_system_id" UUID,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "input_ports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slos" (
    "id" UUID NOT NULL,
    "output_port_id" UUID NOT NULL,
    "kind" "slo_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "objective" TEXT NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "target" DOUBLE PRECISION NOT NULL DEFAULT 99,
    "window_days" INTEGER NOT NULL DEFAULT 30,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_requests" (
    "id" UUID NOT NULL,
    "output_port_id" UUID NOT NULL,
    "requester_id" UUID NOT NULL,
    "consumer_team_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "use" "access_use" NOT NULL,
    "access_level" TEXT NOT NULL DEFAULT 'read',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "access_request_status" NOT NULL DEFAULT 'pending',
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_reason" TEXT,
    "idempotency_key" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "access_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "grants" (
    "id" UUID NOT NULL,
    "access_request_id" UUID NOT NULL,
    "output_port_id" UUID NOT NULL,
    "consumer_team_id" UUID NOT NULL,
    "access_level" TEXT NOT NULL DEFAULT 'read',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "grant_status" NOT NULL DEFAULT 'active',
    "revoked_by_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),
    "revoke_reason" TEXT,
    "provisioning_state" "provisioning_state" NOT NULL DEFAULT 'not-required',
    "provisioning_error" TEXT,
    "provisioned_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "polysemes" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "owner_team_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "polysemes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "global_policies" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL DEFAULT 'product',
    "expression" TEXT NOT NULL,
    "severity" "policy_severity" NOT NULL DEFAULT 'warning',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "author_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "global_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "entity_ref" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "sso_accounts_user_id_idx" ON "sso_accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "sso_accounts_provider_subject_key" ON "sso_accounts"("provider", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "teams_name_key" ON "teams"("name");

-- CreateIndex
CREATE INDEX "team_memberships_user_id_idx" ON "team_memberships"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "domains_name_key" ON "domains"("name");

-- CreateIndex
CREATE INDEX "domains_parent_id_idx" ON "domains"("parent_id");

-- CreateIndex
CREATE INDEX "domains_owning_team_id_idx" ON "domains"("owning_team_id");

-- CreateIndex
CREATE UNIQUE INDEX "source_systems_domain_id_name_key" ON "source_systems"("domain_id", "name");

-- CreateIndex
CREATE INDEX "data_products_owning_team_id_idx" ON "data_products"("owning_team_id");

-- CreateIndex
CREATE INDEX "data_products_status_updated_at_idx" ON "data_products"("status", "updated_at");

-- CreateIndex
CREATE INDEX "data_products_tags_idx" ON "data_products" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "data_products_name_trgm_idx" ON "data_products" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "data_products_display_name_trgm_idx" ON "data_products" USING GIN ("display_name" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "data_products_domain_id_name_key" ON "data_products"("domain_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "output_ports_product_id_name_key" ON "output_ports"("product_id", "name");

-- CreateIndex
CREATE INDEX "schema_fields_polyseme_id_idx" ON "schema_fields"("polyseme_id");

-- CreateIndex
CREATE INDEX "schema_fields_name_trgm_idx" ON "schema_fields" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "schema_fields_output_port_id_name_key" ON "schema_fields"("output_port_id", "name");

-- CreateIndex
CREATE INDEX "input_ports_source_output_port_id_idx" ON "input_ports"("source_output_port_id");

-- CreateIndex
CREATE INDEX "input_ports_source_system_id_idx" ON "input_ports"("source_system_id");

-- CreateIndex
CREATE UNIQUE INDEX "input_ports_product_id_source_output_port_id_key" ON "input_ports"("product_id", "source_output_port_id");

-- CreateIndex
CREATE UNIQUE INDEX "input_ports_product_id_source_system_id_key" ON "input_ports"("product_id", "source_system_id");

-- CreateIndex
CREATE UNIQUE INDEX "slos_output_port_id_name_key" ON "slos"("output_port_id", "name");

-- CreateIndex
CREATE INDEX "access_requests_output_port_id_status_idx" ON "access_requests"("output_port_id", "status");

-- CreateIndex
CREATE INDEX "access_requests_consumer_team_id_status_idx" ON "access_requests"("consumer_team_id", "status");

-- CreateIndex
CREATE INDEX "access_requests_status_created_at_idx" ON "access_requests"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "access_requests_requester_id_idempotency_key_key" ON "access_requests"("requester_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "grants_access_request_id_key" ON "grants"("access_request_id");

-- CreateIndex
CREATE INDEX "grants_output_port_id_status_idx" ON "grants"("output_port_id", "status");

-- CreateIndex
CREATE INDEX "grants_consumer_team_id_status_idx" ON "grants"("consumer_team_id", "status");

-- CreateIndex
CREATE INDEX "grants_status_ends_at_idx" ON "grants"("status", "ends_at");

-- CreateIndex
CREATE UNIQUE INDEX "polysemes_name_key" ON "polysemes"("name");

-- CreateIndex
CREATE UNIQUE INDEX "global_policies_name_key" ON "global_policies"("name");

-- CreateIndex
CREATE INDEX "audit_events_entity_ref_at_idx" ON "audit_events"("entity_ref", "at");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_at_idx" ON "audit_events"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_created_at_idx" ON "notifications"("user_id", "read_at", "created_at");

-- AddForeignKey
ALTER TABLE "sso_accounts" ADD CONSTRAINT "sso_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "domains" ADD CONSTRAINT "domains_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "domains"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "domains" ADD CONSTRAINT "domains_owning_team_id_fkey" FOREIGN KEY ("owning_team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_systems" ADD CONSTRAINT "source_systems_domain_id_fkey" FOREIGN KEY ("domain_id") REFERENCES "domains"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_products" ADD CONSTRAINT "data_products_domain_id_fkey" FOREIGN KEY ("domain_id") REFERENCES "domains"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_products" ADD CONSTRAINT "data_products_owning_team_id_fkey" FOREIGN KEY ("owning_team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "output_ports" ADD CONSTRAINT "output_ports_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "data_products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schema_fields" ADD CONSTRAINT "schema_fields_output_port_id_fkey" FOREIGN KEY ("output_port_id") REFERENCES "output_ports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schema_fields" ADD CONSTRAINT "schema_fields_polyseme_id_fkey" FOREIGN KEY ("polyseme_id") REFERENCES "polysemes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "input_ports" ADD CONSTRAINT "input_ports_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "data_products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "input_ports" ADD CONSTRAINT "input_ports_source_output_port_id_fkey" FOREIGN KEY ("source_output_port_id") REFERENCES "output_ports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "input_ports" ADD CONSTRAINT "input_ports_source_system_id_fkey" FOREIGN KEY ("source_system_id") REFERENCES "source_systems"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slos" ADD CONSTRAINT "slos_output_port_id_fkey" FOREIGN KEY ("output_port_id") REFERENCES "output_ports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_output_port_id_fkey" FOREIGN KEY ("output_port_id") REFERENCES "output_ports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_consumer_team_id_fkey" FOREIGN KEY ("consumer_team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grants" ADD CONSTRAINT "grants_access_request_id_fkey" FOREIGN KEY ("access_request_id") REFERENCES "access_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grants" ADD CONSTRAINT "grants_output_port_id_fkey" FOREIGN KEY ("output_port_id") REFERENCES "output_ports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grants" ADD CONSTRAINT "grants_consumer_team_id_fkey" FOREIGN KEY ("consumer_team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grants" ADD CONSTRAINT "grants_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "polysemes" ADD CONSTRAINT "polysemes_owner_team_id_fkey" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "global_policies" ADD CONSTRAINT "global_policies_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules the Prisma schema cannot express.

-- An input port consumes exactly one thing: another product's output port or a source system.
ALTER TABLE "input_ports" ADD CONSTRAINT "input_ports_one_source_check"
  CHECK (num_nonnulls("source_output_port_id", "source_system_id") = 1);

-- The audit trail is append-only.
CREATE FUNCTION "audit_events_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_reject_change"();

CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_reject_change"();
