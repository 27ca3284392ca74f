import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import { bodyOf, type ChatChannels, type ChatChannelsDraft } from './chat-channels.util';

const KEY = ['chat-channels'] as const;

/** GET /api/v1/admin/chat-channels: the owner's Slack and Discord settings (never the signing secret). */
export function useChatChannels() {
  const api = useApi();
  return useQuery({
    queryKey: KEY,
    queryFn: async ({ signal }) => unwrap<ChatChannels>(await api.GET('/api/v1/admin/chat-channels', { signal })),
  });
}

export function useSaveChatChannels() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (draft: ChatChannelsDraft) =>
      unwrap<ChatChannels>(await api.PUT('/api/v1/admin/chat-channels', { body: bodyOf(draft) })),
    onSuccess: (answer) => queryClient.setQueryData(KEY, answer),
  });
}
