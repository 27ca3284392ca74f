// The fresh-machine check's way out (scripts/fresh-machine-check.sh): an HTTP forward proxy on a
// Unix socket, outside the check's network namespace, that lets through only the package
// registries (CONNECT to port 443 for HTTPS, absolute-URI requests for plain HTTP) and refuses
// every other host with 403. Counts what it forwarded and refused, per host, into a JSON file
// on SIGTERM.
//
//   node proxy.mjs <socket path> <allowed host,allowed host,...> <stats file>
import { createServer, request as httpRequest, Agent } from 'node:http';
import { connect } from 'node:net';
import { rmSync, writeFileSync } from 'node:fs';

const [socketPath, allowList, statsFile] = process.argv.slice(2);
if (!socketPath || !allowList || !statsFile) {
  console.error('usage: node proxy.mjs <socket path> <allowed hosts, comma-separated> <stats file>');
  process.exit(64);
}
const allowed = new Set(
  allowList
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean),
);
const stats = { forwarded: {}, refused: {} };
const count = (kind, host) => (stats[kind][host] = (stats[kind][host] ?? 0) + 1);
const upstreamAgent = new Agent({ keepAlive: true, maxSockets: 8 });
const HOP_BY_HOP = ['connection', 'proxy-connection', 'keep-alive', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

const server = createServer((req, res) => {
  let url;
  try {
    url = new URL(req.url);
  } catch {
    res.writeHead(400).end('absolute URI required\n');
    return;
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'http:' || !allowed.has(host)) {
    count('refused', host);
    res.writeHead(403, { 'content-type': 'text/plain' }).end(`${host} is not a package registry this check allows\n`);
    return;
  }
  count('forwarded', host);
  const headers = { ...req.headers, host: url.host };
  for (const name of HOP_BY_HOP) delete headers[name];
  const upstream = httpRequest(
    { host, port: url.port || 80, method: req.method, path: `${url.pathname}${url.search}`, headers, agent: upstreamAgent },
    (answer) => {
      const back = { ...answer.headers };
      for (const name of HOP_BY_HOP) if (name !== 'transfer-encoding') delete back[name];
      res.writeHead(answer.statusCode ?? 502, back);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`upstream ${host}: ${error.message}\n`);
  });
  req.pipe(upstream);
});

server.on('connect', (req, client, head) => {
  const [host, port] = [req.url.slice(0, req.url.lastIndexOf(':')).toLowerCase(), req.url.slice(req.url.lastIndexOf(':') + 1)];
  client.on('error', () => undefined);
  if (port !== '443' || !allowed.has(host)) {
    count('refused', host);
    client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
    return;
  }
  count('forwarded', host);
  const upstream = connect(Number(port), host, () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.on('error', () => client.destroy());
  client.on('close', () => upstream.destroy());
});

rmSync(socketPath, { force: true });
server.listen(socketPath, () => console.log(`proxy: listening on ${socketPath}, allowing ${[...allowed].join(', ')}`));

process.on('SIGTERM', () => {
  writeFileSync(statsFile, `${JSON.stringify(stats)}\n`);
  rmSync(socketPath, { force: true });
  process.exit(0);
});
