-- AlterTable
ALTER TABLE "data_products" ADD COLUMN     "contains_pii" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "port_kinds" "output_port_kind"[] DEFAULT ARRAY[]::"output_port_kind"[],
ADD COLUMN     "search_vector" tsvector;

-- CreateIndex
CREATE INDEX "data_products_search_vector_idx" ON "data_products" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "data_products_name_id_idx" ON "data_products"("name", "id");

-- Hand-written: the derived search columns of data_products, kept in step by statement-level triggers (one
-- refresh per statement, so bulk inserts of ports and fields refresh each product once).

-- Recomputes search_vector, port_kinds and contains_pii of the given products from their current rows. Its own
-- UPDATE fires data_products_search_update, which finds no searched column changed and passes an empty list: the
-- early return ends the recursion (statement triggers fire even for zero rows).
CREATE FUNCTION refresh_product_search(product_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
      contains_pii = d.pii
  FROM (
    SELECT x.id,
           coalesce(ports.names, '') AS port_names,
           coalesce(ports.kinds, ARRAY[]::output_port_kind[]) AS kinds,
           coalesce(fields.names, '') AS field_names,
           coalesce(fields.polysemes, '') AS polysemes,
           coalesce(fields.pii, false) AS pii
    FROM unnest(product_ids) AS x(id)
    LEFT JOIN LATERAL (
      SELECT string_agg(op.name || ' ' || op.display_name, ' ') AS names,
             array_agg(DISTINCT op.kind ORDER BY op.kind) AS kinds
      FROM output_ports op WHERE op.product_id = x.id
    ) ports ON TRUE
    LEFT JOIN LATERAL (
      SELECT string_agg(f.name, ' ') AS names,
             string_agg(DISTINCT pol.name || ' ' || pol.display_name, ' ') AS polysemes,
             bool_or(f.pii) AS pii
      FROM output_ports op
      JOIN schema_fields f ON f.output_port_id = op.id
      LEFT JOIN polysemes pol ON pol.id = f.polyseme_id
      WHERE op.product_id = x.id
    ) fields ON TRUE
  ) d
  WHERE p.id = d.id;
END $$;

CREATE FUNCTION data_products_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_product_search(ARRAY(SELECT id FROM new_rows));
  ELSE
    -- Only rows whose searched columns changed.
    PERFORM refresh_product_search(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.name, n.display_name, n.tags, n.description, n.purpose)
            IS DISTINCT FROM (o.name, o.display_name, o.tags, o.description, o.purpose)));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER data_products_search_insert AFTER INSERT ON data_products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_products_search_trigger();
CREATE TRIGGER data_products_search_update AFTER UPDATE ON data_products
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_products_search_trigger();

CREATE FUNCTION output_ports_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_product_search(ARRAY(SELECT DISTINCT product_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_product_search(ARRAY(SELECT DISTINCT product_id FROM old_rows));
  ELSE
    PERFORM refresh_product_search(ARRAY(SELECT product_id FROM new_rows UNION SELECT product_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER output_ports_search_insert AFTER INSERT ON output_ports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION output_ports_search_trigger();
CREATE TRIGGER output_ports_search_update AFTER UPDATE ON output_ports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION output_ports_search_trigger();
CREATE TRIGGER output_ports_search_delete AFTER DELETE ON output_ports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION output_ports_search_trigger();

CREATE FUNCTION schema_fields_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  port_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    port_ids := ARRAY(SELECT DISTINCT output_port_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    port_ids := ARRAY(SELECT DISTINCT output_port_id FROM old_rows);
  ELSE
    port_ids := ARRAY(SELECT output_port_id FROM new_rows UNION SELECT output_port_id FROM old_rows);
  END IF;
  PERFORM refresh_product_search(ARRAY(SELECT DISTINCT product_id FROM output_ports WHERE id = ANY(port_ids)));
  RETURN NULL;
END $$;

CREATE TRIGGER schema_fields_search_insert AFTER INSERT ON schema_fields
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION schema_fields_search_trigger();
CREATE TRIGGER schema_fields_search_update AFTER UPDATE ON schema_fields
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION schema_fields_search_trigger();
CREATE TRIGGER schema_fields_search_delete AFTER DELETE ON schema_fields
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION schema_fields_search_trigger();

CREATE FUNCTION polysemes_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_product_search(ARRAY(
    SELECT DISTINCT op.product_id
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN schema_fields f ON f.polyseme_id = n.id
    JOIN output_ports op ON op.id = f.output_port_id
    WHERE (n.name, n.display_name) IS DISTINCT FROM (o.name, o.display_name)));
  RETURN NULL;
END $$;

CREATE TRIGGER polysemes_search_update AFTER UPDATE ON polysemes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION polysemes_search_trigger();

-- Existing products.
SELECT refresh_product_search(ARRAY(SELECT id FROM data_products));
