import { useState } from 'react';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { CHANNEL_KIND_LABEL } from './channel-form.util';
import { deadIds, deliveryOutcome, DELIVERY_STATUSES, STATUS_LABEL, type DeliveryFilters } from './delivery-log.util';
import { useChannels, useDeliveries, useRedrive } from './notifications.queries';
import { KIND_LABEL } from './rule-form.util';

/** Every delivery, newest first, filtered by state and channel; dead letters can be sent again. */
export function DeliveryLog() {
  const [filters, setFilters] = useState<DeliveryFilters>({ status: '', channelId: '' });
  const deliveries = useDeliveries(filters);
  const channels = useChannels();
  const redrive = useRedrive();
  const [notice, setNotice] = useState('');
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  const dead = deadIds(items);
  const channelName = (id: string | null) => (id === null ? 'Inbox' : (channels.data?.find((c) => c.id === id)?.name ?? 'deleted channel'));
  const sendAgain = (body: { delivery_ids: string[] } | { channel_id: string }) =>
    redrive.mutate(body, {
      onSuccess: (result) =>
        setNotice(result.redriven === 1 ? '1 delivery is being sent again.' : `${result.redriven} deliveries are being sent again.`),
    });

  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Delivery log</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="d-status">State</label>
          <select
            id="d-status"
            value={filters.status}
            onChange={(e) => setFilters((f) => ({ ...f, status: e.target.value as DeliveryFilters['status'] }))}
          >
            <option value="">Any</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="d-channel">Channel</label>
          <select id="d-channel" value={filters.channelId} onChange={(e) => setFilters((f) => ({ ...f, channelId: e.target.value }))}>
            <option value="">Any</option>
            {(channels.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {filters.channelId ? (
          <button type="button" onClick={() => sendAgain({ channel_id: filters.channelId })} disabled={redrive.isPending}>
            Send every failed delivery of this channel again
          </button>
        ) : dead.length > 0 ? (
          <button type="button" onClick={() => sendAgain({ delivery_ids: dead })} disabled={redrive.isPending}>
            Send the {dead.length} failed deliveries shown again
          </button>
        ) : null}
      </div>
      <p role="status" className="muted">
        {notice}
      </p>
      <ProblemAlert error={deliveries.error} context="Could not load the deliveries" />
      <ProblemAlert error={redrive.error} context="Nothing was sent again" />
      {deliveries.isPending ? <p role="status">Loading deliveries…</p> : null}
      {deliveries.isSuccess && items.length === 0 ? <p>No delivery matches.</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Notification</th>
                <th scope="col">Channel</th>
                <th scope="col">Outcome</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <time dateTime={d.created_at}>{fullDate(d.created_at)}</time>
                  </td>
                  <td>
                    {d.title} <span className="tag">{KIND_LABEL[d.kind]}</span>
                  </td>
                  <td>
                    {channelName(d.channel_id)} ({d.channel_kind === 'inbox' ? 'inbox' : CHANNEL_KIND_LABEL[d.channel_kind]})
                  </td>
                  <td>{deliveryOutcome(d)}</td>
                  <td>
                    {d.status === 'dead' ? (
                      <button type="button" onClick={() => sendAgain({ delivery_ids: [d.id] })} disabled={redrive.isPending}>
                        Send again<span className="visually-hidden"> {d.title}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {deliveries.hasNextPage ? (
        <button type="button" onClick={() => void deliveries.fetchNextPage()} disabled={deliveries.isFetchingNextPage}>
          {deliveries.isFetchingNextPage ? 'Loading…' : 'Older deliveries'}
        </button>
      ) : null}
    </section>
  );
}
