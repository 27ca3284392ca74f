-- A tenant without its own rate limit (NULL) follows the platform default (gateway RATE_LIMIT_PER_MINUTE).
ALTER TABLE "tenants" ALTER COLUMN "rate_limit_per_minute" DROP NOT NULL,
ALTER COLUMN "rate_limit_per_minute" DROP DEFAULT;
