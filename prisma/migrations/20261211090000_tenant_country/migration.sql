-- The tenant's country (ISO 3166-1 alpha-2, issue 15 point 3): the region a visitor's local
-- phone number is read in. Null means "the time zone's country", worked out when read.

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "country" CHAR(2);
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_country_check" CHECK ("country" ~ '^[A-Z]{2}$');
