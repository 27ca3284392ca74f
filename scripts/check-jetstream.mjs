// Exit 0 when the NATS server at argv[2] answers with JetStream enabled, 1 otherwise.
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';

const url = process.argv[2] ?? 'nats://127.0.0.1:4222';
try {
  const nc = await connect({ servers: url, timeout: 3000 });
  try {
    const info = await (await jetstreamManager(nc)).getAccountInfo();
    console.log(`[setup] nats jetstream: enabled (${info.streams} streams, ${info.consumers} consumers)`);
  } finally {
    await nc.close();
  }
} catch (error) {
  console.error(`[setup] nats jetstream check failed at ${url}: ${error.message}`);
  process.exit(1);
}
