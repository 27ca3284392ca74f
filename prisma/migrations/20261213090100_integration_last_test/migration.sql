-- The last connection test of an integration, shown to the tenant admin (issue 17).
-- AlterTable
ALTER TABLE "integrations" ADD COLUMN     "last_test" JSONB;
