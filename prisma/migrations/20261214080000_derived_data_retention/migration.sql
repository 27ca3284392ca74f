-- The tenant's policy for what it derived from chats (issue 17 point 5, docs/adr/0017): 'keep'
-- (the default) keeps session summaries, interactions and contacts after the retention job
-- deleted the messages they came from; 'with_messages' lets them go with the messages: summaries
-- and interactions older than the tenant's retention are deleted, and contacts not seen since
-- are erased (the CRM's right-to-erasure path, audited as done by the system).

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN "derived_data_retention" TEXT NOT NULL DEFAULT 'keep';
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_derived_data_retention_check" CHECK ("derived_data_retention" IN ('keep', 'with_messages'));
