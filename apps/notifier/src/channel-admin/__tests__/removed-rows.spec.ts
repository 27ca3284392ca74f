import type { TenantTx } from '@parley/persistence';
import { RuleRepository } from '../../rules/rule.repository';
import { ChannelRepository } from '../channel.repository';

// Two requests deleting (or one deleting, one changing) the same channel or rule at once: the
// one that comes second finds no row. That is NOT_FOUND (a 404), never an unexpected error (500).
const recordNotFound = Object.assign(new Error('No record was found for an update.'), { code: 'P2025' });

function txWith(model: 'notificationChannel' | 'notificationRule', deleted: number): TenantTx {
  return {
    [model]: {
      deleteMany: async () => ({ count: deleted }),
      update: async () => {
        throw recordNotFound;
      },
    },
  } as unknown as TenantTx;
}

describe('a channel or rule removed by another request first', () => {
  it('channel: a delete that removes nothing is NOT_FOUND; one that removes it is fine', async () => {
    const repo = new ChannelRepository();
    await expect(repo.remove(txWith('notificationChannel', 0), 'c1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(repo.remove(txWith('notificationChannel', 1), 'c1')).resolves.toBeUndefined();
  });

  it('channel: an update of a row deleted meanwhile is NOT_FOUND', async () => {
    await expect(new ChannelRepository().update(txWith('notificationChannel', 0), 'c1', { name: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('rule: a delete that removes nothing is NOT_FOUND; one that removes it is fine', async () => {
    const repo = new RuleRepository();
    await expect(repo.remove(txWith('notificationRule', 0), 'r1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(repo.remove(txWith('notificationRule', 1), 'r1')).resolves.toBeUndefined();
  });
});
