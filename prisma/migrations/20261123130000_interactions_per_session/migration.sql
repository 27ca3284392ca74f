-- One interaction per session (kind 'conversation'), with the L1b aggregate; L2 summaries gain unmet needs and the sentiment trajectory.
-- AlterTable
ALTER TABLE "session_summaries" ADD COLUMN     "sentiment_end" DOUBLE PRECISION,
ADD COLUMN     "sentiment_start" DOUBLE PRECISION,
ADD COLUMN     "unmet_needs" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "tenant_interactions" ADD COLUMN     "lead" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "products" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sentiment_score" DOUBLE PRECISION;

-- CreateIndex
CREATE UNIQUE INDEX "tenant_interactions_session_id_kind_key" ON "tenant_interactions"("session_id", "kind");
