-- CreateTable
CREATE TABLE "domain_edge_counts" (
    "source_domain_id" UUID NOT NULL,
    "source_team_id" UUID NOT NULL,
    "source_status" "lifecycle_status" NOT NULL,
    "target_domain_id" UUID NOT NULL,
    "target_team_id" UUID NOT NULL,
    "target_status" "lifecycle_status" NOT NULL,
    "edges" INTEGER NOT NULL,

    CONSTRAINT "domain_edge_counts_pkey" PRIMARY KEY ("source_domain_id","source_team_id","source_status","target_domain_id","target_team_id","target_status")
);

-- CreateTable
CREATE TABLE "product_facet_counts" (
    "domain_id" UUID NOT NULL,
    "owning_team_id" UUID NOT NULL,
    "status" "lifecycle_status" NOT NULL,
    "archetype" "archetype" NOT NULL,
    "contains_pii" BOOLEAN NOT NULL,
    "port_kinds" TEXT NOT NULL,
    "products" INTEGER NOT NULL,

    CONSTRAINT "product_facet_counts_pkey" PRIMARY KEY ("domain_id","owning_team_id","status","archetype","contains_pii","port_kinds")
);

-- DropIndex
DROP INDEX "input_ports_source_output_port_id_idx";

-- CreateIndex
CREATE INDEX "input_ports_source_output_port_id_product_id_idx" ON "input_ports"("source_output_port_id", "product_id");

-- Hand-written: both tables are kept in step by statement-level triggers (one upsert per statement, so bulk
-- inserts cost one pass). Counts change by deltas (`edges + delta`), which concurrent transactions can apply to the
-- same row safely; rows are upserted in key order so that two statements lock shared rows in the same order; rows
-- that fall to zero are deleted. The readers (lib/graph, lib/search) apply the reader's visibility scope to the
-- status and team columns, so the counts never include a product the reader may not see.

-- Adds `signs[i]` consumption edges from output port `ports[i]` to product `products[i]` (source-system inputs,
-- with a null port, and edges whose product no longer exists are skipped: deleting a product rebuilds its domains).
CREATE FUNCTION add_domain_edge_counts(ports uuid[], products uuid[], signs int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO domain_edge_counts AS c
    (source_domain_id, source_team_id, source_status, target_domain_id, target_team_id, target_status, edges)
  SELECT s.domain_id, s.owning_team_id, s.status, t.domain_id, t.owning_team_id, t.status, sum(x.sign)::int
  FROM unnest(ports, products, signs) AS x(port_id, product_id, sign)
  JOIN output_ports op ON op.id = x.port_id
  JOIN data_products s ON s.id = op.product_id
  JOIN data_products t ON t.id = x.product_id
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(x.sign) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (source_domain_id, source_team_id, source_status, target_domain_id, target_team_id, target_status)
  DO UPDATE SET edges = c.edges + EXCLUDED.edges;
  DELETE FROM domain_edge_counts WHERE edges <= 0;
END $$;

-- Recounts the edges touching the given domains (all of them when null) from the current rows.
CREATE FUNCTION rebuild_domain_edge_counts(domain_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM domain_edge_counts
  WHERE domain_ids IS NULL OR source_domain_id = ANY(domain_ids) OR target_domain_id = ANY(domain_ids);
  INSERT INTO domain_edge_counts AS c
    (source_domain_id, source_team_id, source_status, target_domain_id, target_team_id, target_status, edges)
  SELECT s.domain_id, s.owning_team_id, s.status, t.domain_id, t.owning_team_id, t.status, count(*)::int
  FROM input_ports ip
  JOIN output_ports op ON op.id = ip.source_output_port_id
  JOIN data_products s ON s.id = op.product_id
  JOIN data_products t ON t.id = ip.product_id
  WHERE domain_ids IS NULL OR s.domain_id = ANY(domain_ids) OR t.domain_id = ANY(domain_ids)
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (source_domain_id, source_team_id, source_status, target_domain_id, target_team_id, target_status)
  DO UPDATE SET edges = EXCLUDED.edges;
END $$;

CREATE FUNCTION input_ports_edge_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM add_domain_edge_counts(
      ARRAY(SELECT source_output_port_id FROM new_rows), ARRAY(SELECT product_id FROM new_rows),
      ARRAY(SELECT 1 FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM add_domain_edge_counts(
      ARRAY(SELECT source_output_port_id FROM old_rows), ARRAY(SELECT product_id FROM old_rows),
      ARRAY(SELECT -1 FROM old_rows));
  ELSE
    PERFORM add_domain_edge_counts(
      ARRAY(SELECT source_output_port_id FROM new_rows UNION ALL SELECT source_output_port_id FROM old_rows),
      ARRAY(SELECT product_id FROM new_rows UNION ALL SELECT product_id FROM old_rows),
      ARRAY(SELECT 1 FROM new_rows UNION ALL SELECT -1 FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER input_ports_edge_counts_insert AFTER INSERT ON input_ports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION input_ports_edge_counts_trigger();
CREATE TRIGGER input_ports_edge_counts_update AFTER UPDATE ON input_ports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION input_ports_edge_counts_trigger();
CREATE TRIGGER input_ports_edge_counts_delete AFTER DELETE ON input_ports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION input_ports_edge_counts_trigger();

-- Adds the inserted products to their facet groups, takes the deleted ones out, moves the updated ones.
CREATE FUNCTION add_product_facet_counts(deltas product_facet_counts[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO product_facet_counts AS c
    (domain_id, owning_team_id, status, archetype, contains_pii, port_kinds, products)
  SELECT x.domain_id, x.owning_team_id, x.status, x.archetype, x.contains_pii, x.port_kinds, sum(x.products)::int
  FROM unnest(deltas) AS x
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(x.products) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (domain_id, owning_team_id, status, archetype, contains_pii, port_kinds)
  DO UPDATE SET products = c.products + EXCLUDED.products;
  DELETE FROM product_facet_counts WHERE products <= 0;
END $$;

CREATE FUNCTION data_products_facet_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM add_product_facet_counts(ARRAY(
      SELECT ROW(domain_id, owning_team_id, status, archetype, contains_pii, coalesce(port_kinds, '{}')::text, 1)::product_facet_counts
      FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM add_product_facet_counts(ARRAY(
      SELECT ROW(domain_id, owning_team_id, status, archetype, contains_pii, coalesce(port_kinds, '{}')::text, -1)::product_facet_counts
      FROM old_rows));
  ELSE
    -- Only rows whose facet columns changed (the search refresh updates every inserted product once).
    PERFORM add_product_facet_counts(ARRAY(
      SELECT ROW(n.domain_id, n.owning_team_id, n.status, n.archetype, n.contains_pii, coalesce(n.port_kinds, '{}')::text, 1)::product_facet_counts
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.domain_id, n.owning_team_id, n.status, n.archetype, n.contains_pii, n.port_kinds)
            IS DISTINCT FROM (o.domain_id, o.owning_team_id, o.status, o.archetype, o.contains_pii, o.port_kinds)
      UNION ALL
      SELECT ROW(o.domain_id, o.owning_team_id, o.status, o.archetype, o.contains_pii, coalesce(o.port_kinds, '{}')::text, -1)::product_facet_counts
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.domain_id, n.owning_team_id, n.status, n.archetype, n.contains_pii, n.port_kinds)
            IS DISTINCT FROM (o.domain_id, o.owning_team_id, o.status, o.archetype, o.contains_pii, o.port_kinds)));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION data_products_edge_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- The products' input ports are gone with them (cascade) and the edges they fed cannot have existed (RESTRICT):
    -- recount the domains they were in.
    PERFORM rebuild_domain_edge_counts(ARRAY(SELECT DISTINCT domain_id FROM old_rows));
    RETURN NULL;
  END IF;
  -- UPDATE: move the edges of products whose domain, team or status changed from their old key to the new one.
  INSERT INTO domain_edge_counts AS c
    (source_domain_id, source_team_id, source_status, target_domain_id, target_team_id, target_status, edges)
  WITH changed AS (
    SELECT o.id, o.domain_id, o.owning_team_id, o.status
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.domain_id, o.owning_team_id, o.status) IS DISTINCT FROM (n.domain_id, n.owning_team_id, n.status)
  ),
  edges AS (
    SELECT ip.id, op.product_id AS source, ip.product_id AS target
    FROM changed ch JOIN output_ports op ON op.product_id = ch.id JOIN input_ports ip ON ip.source_output_port_id = op.id
    UNION
    SELECT ip.id, op.product_id, ip.product_id
    FROM changed ch JOIN input_ports ip ON ip.product_id = ch.id JOIN output_ports op ON op.id = ip.source_output_port_id
  ),
  deltas AS (
    SELECT s.domain_id AS sd, s.owning_team_id AS st, s.status AS ss,
           t.domain_id AS td, t.owning_team_id AS tt, t.status AS ts, 1 AS sign
    FROM edges e JOIN data_products s ON s.id = e.source JOIN data_products t ON t.id = e.target
    UNION ALL
    SELECT coalesce(cs.domain_id, s.domain_id), coalesce(cs.owning_team_id, s.owning_team_id),
           coalesce(cs.status, s.status), coalesce(ct.domain_id, t.domain_id),
           coalesce(ct.owning_team_id, t.owning_team_id), coalesce(ct.status, t.status), -1
    FROM edges e JOIN data_products s ON s.id = e.source JOIN data_products t ON t.id = e.target
    LEFT JOIN changed cs ON cs.id = e.source LEFT JOIN changed ct ON ct.id = e.target
  )
  SELECT sd, st, ss, td, tt, ts, sum(sign)::int FROM deltas
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(sign) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (source_domain_id, source_team_id, source_status, target_domain_id, target_team_id, target_status)
  DO UPDATE SET edges = c.edges + EXCLUDED.edges;
  DELETE FROM domain_edge_counts WHERE edges <= 0;
  RETURN NULL;
END $$;

CREATE TRIGGER data_products_facet_counts_insert AFTER INSERT ON data_products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_products_facet_counts_trigger();
CREATE TRIGGER data_products_facet_counts_update AFTER UPDATE ON data_products
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_products_facet_counts_trigger();
CREATE TRIGGER data_products_facet_counts_delete AFTER DELETE ON data_products
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_products_facet_counts_trigger();
CREATE TRIGGER data_products_edge_counts_update AFTER UPDATE ON data_products
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_products_edge_counts_trigger();
CREATE TRIGGER data_products_edge_counts_delete AFTER DELETE ON data_products
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_products_edge_counts_trigger();

-- Existing rows.
SELECT rebuild_domain_edge_counts(NULL);
INSERT INTO product_facet_counts (domain_id, owning_team_id, status, archetype, contains_pii, port_kinds, products)
SELECT domain_id, owning_team_id, status, archetype, contains_pii, coalesce(port_kinds, '{}')::text, count(*)::int
FROM data_products GROUP BY 1, 2, 3, 4, 5, 6;
