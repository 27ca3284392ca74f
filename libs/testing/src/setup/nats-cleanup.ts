// Deletes the JetStream streams a test run created: services booted by integration tests
// declare EVENTS and DLQ under the run's namespace (`<TEST_RUN_ID>_EVENTS`) or a namespace
// derived from it (`<TEST_RUN_ID>e2e_EVENTS`, `<TEST_RUN_ID>_know1a2b_EVENTS`). The run id is
// random, so every stream whose name starts with it belongs to this run.
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';

export async function deleteNamespacedStreams(natsUrl: string, namespace: string): Promise<string[]> {
  const nc = await connect({ servers: natsUrl, timeout: 3000 });
  try {
    const jsm = await jetstreamManager(nc);
    const deleted: string[] = [];
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(namespace) && name.length > namespace.length) {
        await jsm.streams.delete(name);
        deleted.push(name);
      }
    }
    return deleted;
  } finally {
    await nc.close();
  }
}
