-- Tools and integrations (issue 17): the catalogue says which integration kinds can serve each
-- tool and groups tools by category; an endpoint keeps its whole definition (path template,
-- query/body mapping, response mapping, or a parameterised SELECT); a tool execution records
-- which integration served it, whether the answer came from the cache, and why it failed.
-- AlterTable
ALTER TABLE "integration_endpoints" ADD COLUMN     "definition" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "tool_executions" ADD COLUMN     "cache_hit" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "failure" TEXT,
ADD COLUMN     "integration_id" UUID;

-- AlterTable
ALTER TABLE "tools" ADD COLUMN     "category" TEXT NOT NULL DEFAULT 'custom',
ADD COLUMN     "integration_kinds" TEXT[] DEFAULT ARRAY[]::TEXT[];
