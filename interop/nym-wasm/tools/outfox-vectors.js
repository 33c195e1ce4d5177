// Writes Outfox test vectors for the masknode Java engine (node/src/test/resources/outfox/vectors.json),
// built by lib/outfox-packet.js (JavaScript, @noble + Node's X25519, apart from the Java engine). The WASM
// client 1.4.1 cannot build Outfox packets (docs/interop.md, "Outfox"), so the vectors come from here.
// Usage (from interop/nym-wasm): node tools/outfox-vectors.js > ../../node/src/test/resources/outfox/vectors.json
import crypto from 'node:crypto';
import { newKeyPair } from '../lib/keys.js';
import { buildOutfox, routingAddress, OUTFOX_REGULAR_PLAINTEXT, OUTFOX_ACK_PLAINTEXT } from '../lib/outfox-packet.js';

// Route: mix 1, mix 2, mix 3, gateway; each finds the next one's address, the gateway the recipient.
// Next hops on 127.0.0.77 (ports below the ephemeral range): a node test listens there as mix 2.
const keys = [1, 2, 3, 4].map(() => newKeyPair('x25519'));
const nextHops = [20002, 20003, 20004].map((port) => routingAddress('127.0.0.77', port));
const recipient = crypto.randomBytes(32);
const hops = keys.map((k, i) => ({ publicRaw: k.publicRaw, routing: i < 3 ? nextHops[i] : recipient }));
const vectors = [['outfox_regular', OUTFOX_REGULAR_PLAINTEXT, 1652], ['outfox_ack', OUTFOX_ACK_PLAINTEXT, 21]].map(([size, plaintext, length]) => {
  const message = crypto.randomBytes(length);
  return { size, packet: buildOutfox(message, plaintext, hops).toString('hex'), message: message.toString('hex') };
});
process.stdout.write(JSON.stringify({
  note: 'Outfox vectors built by interop/nym-wasm/tools/outfox-vectors.js (lib/outfox-packet.js: JavaScript, @noble + Node X25519, from nym-outfox\'s encoder as its source describes it); route mix 1, mix 2, mix 3, gateway; throwaway keys',
  hopPrivateKeys: keys.map((k) => k.privateRaw.toString('hex')),
  nextHops: nextHops.map((a) => a.toString('hex')),
  recipient: recipient.toString('hex'),
  vectors,
}, null, 1) + '\n');
