// Inside the fresh-machine check's network namespace (only loopback): listens on
// 127.0.0.1:<port> and carries each connection to the proxy's Unix socket, which lives outside.
//
//   node bridge.mjs <socket path> <port>
import { connect, createServer } from 'node:net';

const [socketPath, port] = process.argv.slice(2);
const server = createServer((client) => {
  const upstream = connect(socketPath);
  client.pipe(upstream);
  upstream.pipe(client);
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
});
server.listen(Number(port), '127.0.0.1', () => console.log(`bridge: 127.0.0.1:${port} -> ${socketPath}`));
