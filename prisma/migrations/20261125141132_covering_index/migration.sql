-- CreateIndex
CREATE INDEX "data_products_facets_idx" ON "data_products"("domain_id", "status", "owning_team_id", "archetype", "contains_pii", "port_kinds", "id");
