// Polls a readiness URL until it answers 200 or the deadline passes. Exit 0 when ready.
const [url, timeoutArg] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutArg ?? 30000);
let last = 'no answer';
while (Date.now() < deadline) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    if (res.status === 200) process.exit(0);
    last = `${res.status} ${await res.text()}`;
  } catch (error) {
    last = error.cause?.code ?? error.message;
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}
console.error(`[demo] ${url} not ready: ${last}`);
process.exit(1);
