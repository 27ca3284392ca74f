-- L3 insight tables belong to their tenant: rows go with the tenant (same as insight_rollups).
-- AddForeignKey
ALTER TABLE "insight_hourly_buckets" ADD CONSTRAINT "insight_hourly_buckets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insight_hourly_terms" ADD CONSTRAINT "insight_hourly_terms_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insight_sessions" ADD CONSTRAINT "insight_sessions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
