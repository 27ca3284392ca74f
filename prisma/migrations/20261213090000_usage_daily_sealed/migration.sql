-- Retention (issue 17 point 5, docs/adr/0017-retention-and-usage.md): a usage_daily row with
-- sealed_at set holds the final totals of its UTC day, folded from chat_messages before the
-- retention job deletes that day's content. Sealed days are never recomputed (their content may
-- be partly deleted); unsealed days (the recent ones) are recomputed on every run.

-- AlterTable
ALTER TABLE "usage_daily" ADD COLUMN     "sealed_at" TIMESTAMPTZ(3);
