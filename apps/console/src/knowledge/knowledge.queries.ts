import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import { uploadBody, type UploadForm } from './knowledge.util';

export const knowledgeKeys = { documents: ['knowledge', 'documents'] as const };

/** GET /api/v1/knowledge/documents, newest first, by pages. */
export function useKnowledgeDocuments() {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: knowledgeKeys.documents,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/knowledge/documents', {
          params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** POST /api/v1/knowledge/documents (a document with the same title is replaced). */
export function useUploadDocument() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (form: UploadForm) => unwrap(await api.POST('/api/v1/knowledge/documents', { body: uploadBody(form) })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.documents }),
  });
}

/** DELETE /api/v1/knowledge/documents/:id. */
export function useDeleteDocument() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.DELETE('/api/v1/knowledge/documents/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.documents }),
  });
}

/** POST /api/v1/knowledge/search: what the assistant would retrieve for a question. */
export function useKnowledgeSearch() {
  const api = useApi();
  return useMutation({
    mutationFn: async ({ query, limit }: { query: string; limit: number }) =>
      unwrap(await api.POST('/api/v1/knowledge/search', { body: { query, limit } })),
  });
}
