-- CreateTable
CREATE TABLE "product_edge_counts" (
    "source_id" UUID NOT NULL,
    "target_id" UUID NOT NULL,
    "source_team_id" UUID NOT NULL,
    "source_status" "lifecycle_status" NOT NULL,
    "target_team_id" UUID NOT NULL,
    "target_status" "lifecycle_status" NOT NULL,
    "edges" INTEGER NOT NULL,

    CONSTRAINT "product_edge_counts_pkey" PRIMARY KEY ("source_id","target_id")
);

-- CreateIndex
CREATE INDEX "product_edge_counts_target_id_idx" ON "product_edge_counts"("target_id");

-- AddForeignKey
ALTER TABLE "product_edge_counts" ADD CONSTRAINT "product_edge_counts_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "data_products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_edge_counts" ADD CONSTRAINT "product_edge_counts_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "data_products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: kept in step like domain_edge_counts (migration 20261125160000_discovery_counts), at the grain of
-- product pairs: input port changes add or take away edges of their pair (one upsert per statement, in key order,
-- from the same trigger as domain_edge_counts), a product's status or team change rewrites the columns of its
-- pairs, and a deleted product takes its pairs with it (the foreign keys). A pair that falls to zero is deleted.

-- Adds `signs[i]` consumption edges from output port `ports[i]` to product `products[i]` (source-system inputs,
-- with a null port, and edges whose product no longer exists are skipped).
CREATE FUNCTION add_product_edge_counts(ports uuid[], products uuid[], signs int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  deltas product_edge_counts[];
BEGIN
  deltas := ARRAY(
    SELECT ROW(s.id, t.id, s.owning_team_id, s.status, t.owning_team_id, t.status, sum(x.sign)::int)::product_edge_counts
    FROM unnest(ports, products, signs) AS x(port_id, product_id, sign)
    JOIN output_ports op ON op.id = x.port_id
    JOIN data_products s ON s.id = op.product_id
    JOIN data_products t ON t.id = x.product_id
    GROUP BY s.id, t.id
    HAVING sum(x.sign) <> 0
    ORDER BY s.id, t.id);
  IF cardinality(deltas) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO product_edge_counts AS c
    (source_id, target_id, source_team_id, source_status, target_team_id, target_status, edges)
  SELECT * FROM unnest(deltas)
  ON CONFLICT (source_id, target_id) DO UPDATE SET edges = c.edges + EXCLUDED.edges;
  DELETE FROM product_edge_counts c USING unnest(deltas) AS d
  WHERE c.source_id = d.source_id AND c.target_id = d.target_id AND c.edges <= 0;
END $$;

-- The input port trigger of domain_edge_counts now keeps both tables: the changed edges are read once.
CREATE OR REPLACE FUNCTION input_ports_edge_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ports uuid[];
  products uuid[];
  signs int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ports := ARRAY(SELECT source_output_port_id FROM new_rows);
    products := ARRAY(SELECT product_id FROM new_rows);
    signs := ARRAY(SELECT 1 FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ports := ARRAY(SELECT source_output_port_id FROM old_rows);
    products := ARRAY(SELECT product_id FROM old_rows);
    signs := ARRAY(SELECT -1 FROM old_rows);
  ELSE
    ports := ARRAY(SELECT source_output_port_id FROM new_rows UNION ALL SELECT source_output_port_id FROM old_rows);
    products := ARRAY(SELECT product_id FROM new_rows UNION ALL SELECT product_id FROM old_rows);
    signs := ARRAY(SELECT 1 FROM new_rows UNION ALL SELECT -1 FROM old_rows);
  END IF;
  PERFORM add_domain_edge_counts(ports, products, signs);
  PERFORM add_product_edge_counts(ports, products, signs);
  RETURN NULL;
END $$;

CREATE FUNCTION data_products_product_edge_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE product_edge_counts c SET source_team_id = n.owning_team_id, source_status = n.status
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE c.source_id = n.id AND (n.owning_team_id, n.status) IS DISTINCT FROM (o.owning_team_id, o.status);
  UPDATE product_edge_counts c SET target_team_id = n.owning_team_id, target_status = n.status
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE c.target_id = n.id AND (n.owning_team_id, n.status) IS DISTINCT FROM (o.owning_team_id, o.status);
  RETURN NULL;
END $$;

CREATE TRIGGER data_products_product_edge_counts_update AFTER UPDATE ON data_products
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_products_product_edge_counts_trigger();

-- Existing edges.
INSERT INTO product_edge_counts
  (source_id, target_id, source_team_id, source_status, target_team_id, target_status, edges)
SELECT s.id, t.id, s.owning_team_id, s.status, t.owning_team_id, t.status, count(*)::int
FROM input_ports ip
JOIN output_ports op ON op.id = ip.source_output_port_id
JOIN data_products s ON s.id = op.product_id
JOIN data_products t ON t.id = ip.product_id
GROUP BY s.id, t.id;
