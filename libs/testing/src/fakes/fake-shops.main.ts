import { startFakeShopify } from './fake-shopify.server';
import { startFakeWooCommerce } from './fake-woocommerce.server';

// Runs the fake Shopify (and, with --woocommerce-port, the fake WooCommerce) on its own, for
// the demo: `node libs/testing/dist/fakes/fake-shops.main.js --shopify-port 4100
// [--woocommerce-port 4101]` after `node scripts/build.mjs libs/testing`. Prints one JSON line
// per shop (URL and credentials of the fake) and stops on SIGINT or SIGTERM.

function portArg(name: string, fallback: number | null): number | null {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const port = Number(process.argv[i + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number 0-65535`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const shopify = await startFakeShopify({ port: portArg('--shopify-port', 0) ?? 0 });
  console.log(JSON.stringify({ fake: 'shopify', url: shopify.url, accessToken: shopify.accessToken, header: 'X-Shopify-Access-Token' }));
  const wooPort = portArg('--woocommerce-port', null);
  const woo = wooPort === null ? null : await startFakeWooCommerce({ port: wooPort });
  if (woo)
    console.log(JSON.stringify({ fake: 'woocommerce', url: woo.url, consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret }));
  const stop = (): void => {
    void Promise.all([shopify.close(), woo?.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main().catch((err: unknown) => {
  console.error(`fake shops failed to start: ${(err as Error).message}`);
  process.exit(1);
});
