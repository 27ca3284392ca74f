#!/usr/bin/env node
// One chat turn through a running gateway, as a tenant's backend and a visitor would make it
// (README "Using the API"): the API key opens a session, the session token sends a message,
// the JSON answer must carry content and a message id. Used by scripts/container-check.sh.
//
//   node scripts/container-check/chat-turn.mjs <gateway-url> <api-key> [message]
//
// Prints one line (`<message_id> <n> chars: <first words>`) and exits 0, or names what failed
// and exits 1.
const [gateway, apiKey, message = 'Hi, my boiler is leaking. Can someone come today? My name is Sarah Jones.'] = process.argv.slice(2);
if (!gateway || !apiKey) {
  console.error('usage: chat-turn.mjs <gateway-url> <api-key> [message]');
  process.exit(64);
}

async function call(path, init) {
  const response = await fetch(new URL(path, gateway), { ...init, signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method} ${path} -> ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

try {
  const session = await call('/api/v1/sessions', {
    method: 'POST',
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
    body: '{}',
  });
  if (typeof session.token !== 'string') throw new Error(`POST /api/v1/sessions answered without a token: ${JSON.stringify(session)}`);
  const answer = await call('/api/v1/chat', {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ message }),
  });
  if (typeof answer.content !== 'string' || answer.content.trim() === '' || typeof answer.message_id !== 'string') {
    throw new Error(`POST /api/v1/chat answered without content or message_id: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  const words = answer.content.replace(/\s+/g, ' ').trim().split(' ').slice(0, 8).join(' ');
  console.log(`${answer.message_id} ${answer.content.length} chars: ${words}`);
} catch (error) {
  console.error(`chat turn failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
