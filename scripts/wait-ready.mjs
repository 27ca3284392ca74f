// Polls a readiness URL until it answers 200 or the deadline passes. Exit 0 when ready.
//   node scripts/wait-ready.mjs <url> [timeout ms, 30000] [pid]
// With a pid, gives up at once (exit 1) when that process is gone: a service that exited
// during start-up is reported without waiting out the deadline.
const [url, timeoutArg, pidArg] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutArg ?? 30000);
const pid = pidArg ? Number(pidArg) : undefined;
let last = 'no answer';

function alive(id) {
  try {
    process.kill(id, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

while (Date.now() < deadline) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    if (res.status === 200) process.exit(0);
    last = `${res.status} ${await res.text()}`;
  } catch (error) {
    last = error.cause?.code ?? error.message;
  }
  if (pid !== undefined && !alive(pid)) {
    console.error(`[demo] ${url} not ready: process ${pid} exited (last answer: ${last})`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}
console.error(`[demo] ${url} not ready: ${last}`);
process.exit(1);
