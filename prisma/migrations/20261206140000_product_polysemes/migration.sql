-- AlterTable
ALTER TABLE "data_products" ADD COLUMN     "polyseme_ids" UUID[] DEFAULT ARRAY[]::UUID[];

-- CreateTable
CREATE TABLE "polyseme_product_counts" (
    "polyseme_id" UUID NOT NULL,
    "domain_id" UUID NOT NULL,
    "owning_team_id" UUID NOT NULL,
    "status" "lifecycle_status" NOT NULL,
    "products" INTEGER NOT NULL,

    CONSTRAINT "polyseme_product_counts_pkey" PRIMARY KEY ("polyseme_id","domain_id","owning_team_id","status")
);

-- CreateIndex
CREATE INDEX "data_products_polyseme_ids_idx" ON "data_products" USING GIN ("polyseme_ids");

-- Hand-written: polyseme_ids is derived like port_kinds and contains_pii, by refresh_product_search (its triggers
-- fire on every change to ports and fields, and a deleted polyseme sets its fields' polyseme_id to null).
CREATE OR REPLACE FUNCTION refresh_product_search(product_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(product_ids) = 0 THEN
    RETURN;
  END IF;
  UPDATE data_products p
  SET search_vector =
        setweight(to_tsvector('english', p.display_name || ' ' || p.name), 'A')
        || setweight(to_tsvector('english', array_to_string(p.tags, ' ') || ' ' || d.polysemes), 'B')
        || setweight(to_tsvector('english', d.port_names || ' ' || d.field_names), 'C')
        || setweight(to_tsvector('english', p.description || ' ' || p.purpose), 'D'),
      port_kinds = d.kinds,
      contains_pii = d.pii,
      polyseme_ids = d.polyseme_ids
  FROM (
    SELECT x.id,
           coalesce(ports.names, '') AS port_names,
           coalesce(ports.kinds, ARRAY[]::output_port_kind[]) AS kinds,
           coalesce(fields.names, '') AS field_names,
           coalesce(fields.polysemes, '') AS polysemes,
           coalesce(fields.pii, false) AS pii,
           coalesce(fields.polyseme_ids, ARRAY[]::uuid[]) AS polyseme_ids
    FROM unnest(product_ids) AS x(id)
    LEFT JOIN LATERAL (
      SELECT string_agg(op.name || ' ' || op.display_name, ' ') AS names,
             array_agg(DISTINCT op.kind ORDER BY op.kind) AS kinds
      FROM output_ports op WHERE op.product_id = x.id
    ) ports ON TRUE
    LEFT JOIN LATERAL (
      SELECT string_agg(f.name, ' ') AS names,
             string_agg(DISTINCT pol.name || ' ' || pol.display_name, ' ') AS polysemes,
             bool_or(f.pii) AS pii,
             array_agg(DISTINCT pol.id ORDER BY pol.id) FILTER (WHERE pol.id IS NOT NULL) AS polyseme_ids
      FROM output_ports op
      JOIN schema_fields f ON f.output_port_id = op.id
      LEFT JOIN polysemes pol ON pol.id = f.polyseme_id
      WHERE op.product_id = x.id
    ) fields ON TRUE
  ) d
  WHERE p.id = d.id;
END $$;

-- polyseme_product_counts follows data_products like product_facet_counts (migration 20261125160000_discovery_counts):
-- one upsert of deltas per statement, in key order, rows that fall to zero deleted. A product counts once per
-- polyseme it carries; readers apply their visibility scope to the status and team columns.
CREATE FUNCTION add_polyseme_product_counts(deltas polyseme_product_counts[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO polyseme_product_counts AS c (polyseme_id, domain_id, owning_team_id, status, products)
  SELECT x.polyseme_id, x.domain_id, x.owning_team_id, x.status, sum(x.products)::int
  FROM unnest(deltas) AS x
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.products) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (polyseme_id, domain_id, owning_team_id, status)
  DO UPDATE SET products = c.products + EXCLUDED.products;
  DELETE FROM polyseme_product_counts WHERE products <= 0;
END $$;

CREATE FUNCTION data_products_polyseme_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM add_polyseme_product_counts(ARRAY(
      SELECT ROW(pid, n.domain_id, n.owning_team_id, n.status, 1)::polyseme_product_counts
      FROM new_rows n, unnest(n.polyseme_ids) AS pid));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM add_polyseme_product_counts(ARRAY(
      SELECT ROW(pid, o.domain_id, o.owning_team_id, o.status, -1)::polyseme_product_counts
      FROM old_rows o, unnest(o.polyseme_ids) AS pid));
  ELSE
    -- Only rows whose polysemes, domain, team or status changed.
    PERFORM add_polyseme_product_counts(ARRAY(
      SELECT ROW(pid, n.domain_id, n.owning_team_id, n.status, 1)::polyseme_product_counts
      FROM new_rows n JOIN old_rows o ON o.id = n.id CROSS JOIN LATERAL unnest(n.polyseme_ids) AS pid
      WHERE (n.polyseme_ids, n.domain_id, n.owning_team_id, n.status)
            IS DISTINCT FROM (o.polyseme_ids, o.domain_id, o.owning_team_id, o.status)
      UNION ALL
      SELECT ROW(pid, o.domain_id, o.owning_team_id, o.status, -1)::polyseme_product_counts
      FROM new_rows n JOIN old_rows o ON o.id = n.id CROSS JOIN LATERAL unnest(o.polyseme_ids) AS pid
      WHERE (n.polyseme_ids, n.domain_id, n.owning_team_id, n.status)
            IS DISTINCT FROM (o.polyseme_ids, o.domain_id, o.owning_team_id, o.status)));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER data_products_polyseme_counts_insert AFTER INSERT ON data_products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_products_polyseme_counts_trigger();
CREATE TRIGGER data_products_polyseme_counts_update AFTER UPDATE ON data_products
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_products_polyseme_counts_trigger();
CREATE TRIGGER data_products_polyseme_counts_delete AFTER DELETE ON data_products
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_products_polyseme_counts_trigger();

-- Existing products (only the new column: the search columns are current); the update trigger counts them.
UPDATE data_products p
SET polyseme_ids = d.polyseme_ids
FROM (
  SELECT op.product_id, array_agg(DISTINCT f.polyseme_id ORDER BY f.polyseme_id) AS polyseme_ids
  FROM output_ports op JOIN schema_fields f ON f.output_port_id = op.id
  WHERE f.polyseme_id IS NOT NULL
  GROUP BY op.product_id
) d
WHERE p.id = d.product_id;
