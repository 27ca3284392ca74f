import { randomBytes } from 'node:crypto';
import type { JetStreamManager, StoredMsg } from '@nats-io/jetstream';
import { deadLetterSchema, type DeadLetter } from '@parley/contracts';
import { NatsClient } from '../connection/nats-client';
import { ensureStreams } from '../jetstream/ensure';

// Helpers for integration tests: every test gets its own namespace, so its streams
// (`<ns>_EVENTS`, `<ns>_DLQ`) and subjects never meet another test's, and cleanup deletes
// exactly the streams carrying that namespace.

export function newNamespace(): string {
  return `mt${randomBytes(5).toString('hex')}`;
}

export interface NatsTestContext {
  namespace: string;
  client: NatsClient;
  /** Opens another connection in the same namespace (another "process"). */
  connect(name?: string): Promise<NatsClient>;
  /** Drains every connection and deletes this namespace's streams. */
  cleanup(): Promise<void>;
}

export async function natsTestContext(url: string, options: { streams?: boolean } = {}): Promise<NatsTestContext> {
  const namespace = newNamespace();
  const clients: NatsClient[] = [];
  const connect = async (name = 'messaging-test') => {
    const c = await NatsClient.connect({ url, name, namespace });
    clients.push(c);
    return c;
  };
  const client = await connect();
  if (options.streams ?? true) await ensureStreams(client.jsm, client.namer);
  return {
    namespace,
    client,
    connect,
    async cleanup() {
      const admin = await NatsClient.connect({ url, name: 'messaging-test-cleanup', namespace });
      await deleteNamespaceStreams(admin.jsm, namespace);
      await admin.drain();
      await Promise.all(clients.map((c) => c.drain().catch(() => undefined)));
    },
  };
}

export async function deleteNamespaceStreams(jsm: JetStreamManager, namespace: string): Promise<void> {
  const names: string[] = [];
  for await (const name of jsm.streams.names()) if (name.startsWith(`${namespace}_`)) names.push(name);
  await Promise.all(names.map((n) => jsm.streams.delete(n)));
}

/** Every message currently stored in a stream, in order. */
export async function storedMessages(jsm: JetStreamManager, stream: string): Promise<StoredMsg[]> {
  const info = await jsm.streams.info(stream);
  const out: StoredMsg[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq });
    if (m) out.push(m);
  }
  return out;
}

export async function deadLetters(client: NatsClient): Promise<DeadLetter[]> {
  const msgs = await storedMessages(client.jsm, client.namer.stream('DLQ'));
  return msgs.map((m) => deadLetterSchema.parse(m.json()));
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
