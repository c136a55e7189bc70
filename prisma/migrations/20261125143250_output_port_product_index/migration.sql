-- CreateIndex
CREATE INDEX "output_ports_id_product_id_idx" ON "output_ports"("id", "product_id");
