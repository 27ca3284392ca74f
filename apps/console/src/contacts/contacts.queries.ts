import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import { contactListQuery, type ContactFilters } from './contacts.util';

export const CONTACTS_PAGE_SIZE = 25;
export const contactsKeys = {
  all: ['contacts'] as const,
  list: (filters: ContactFilters) => ['contacts', 'list', filters] as const,
  detail: (id: string) => ['contacts', 'detail', id] as const,
  timeline: (id: string) => ['contacts', 'timeline', id] as const,
};

/** GET /api/v1/contacts with filters, page after page (`next_cursor`). */
export function useContactList(filters: ContactFilters) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: contactsKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/contacts', { params: { query: contactListQuery(filters, pageParam, CONTACTS_PAGE_SIZE) }, signal })),
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** GET /api/v1/contacts/:id: the contact with each field's provenance. */
export function useContact(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: contactsKeys.detail(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/contacts/{id}', { params: { path: { id } }, signal })),
  });
}

/** GET /api/v1/interactions?contact_id=: the contact's conversations, newest first, by pages. */
export function useContactTimeline(id: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: contactsKeys.timeline(id),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/interactions', {
          params: { query: { contact_id: id, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** GET /api/v1/contacts/:id/export (tenant_admin): everything held about the contact. */
export function useExportContact() {
  const api = useApi();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.GET('/api/v1/contacts/{id}/export', { params: { path: { id } } })),
  });
}

/** DELETE /api/v1/contacts/:id (tenant_admin): erase the contact; the lists forget it. */
export function useEraseContact() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.DELETE('/api/v1/contacts/{id}', { params: { path: { id } } })),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: contactsKeys.detail(id) });
      queryClient.removeQueries({ queryKey: contactsKeys.timeline(id) });
      void queryClient.invalidateQueries({ queryKey: ['contacts', 'list'] });
    },
  });
}

/**
 * POST /api/v1/contacts/:id/merge (tenant staff): merge a possible duplicate into this contact.
 * The page then shows the merged contact (from the answer), its timeline is read again, and the
 * duplicate is forgotten.
 */
export function useMergeContact(keptId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (duplicateId: string) =>
      unwrap(await api.POST('/api/v1/contacts/{id}/merge', { params: { path: { id: keptId } }, body: { duplicate_id: duplicateId } })),
    onSuccess: (result, duplicateId) => {
      queryClient.setQueryData(contactsKeys.detail(keptId), (previous: { timeline: unknown[] } | undefined) =>
        previous ? { ...previous, contact: result.contact } : previous,
      );
      void queryClient.invalidateQueries({ queryKey: contactsKeys.detail(keptId) });
      void queryClient.invalidateQueries({ queryKey: contactsKeys.timeline(keptId) });
      queryClient.removeQueries({ queryKey: contactsKeys.detail(duplicateId) });
      queryClient.removeQueries({ queryKey: contactsKeys.timeline(duplicateId) });
      void queryClient.invalidateQueries({ queryKey: ['contacts', 'list'] });
    },
  });
}
