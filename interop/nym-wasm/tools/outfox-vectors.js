// Writes Outfox test vectors for the masknode Java engine (node/src/test/resources/outfox/vectors.json).
// The WASM client 1.4.1 cannot build Outfox packets (docs/interop.md, "Outfox"), so these are built here, in
// JavaScript with @noble and Node's X25519, apart from the Java engine, following nym's encoder as its source
// describes it: nym-outfox/src/packet.rs (build: payload padded with zeros then "ofx" + message; stage 0 for the
// gateway with the recipient as routing, then stages 1..3 for the mixes with the next hop as routing),
// format.rs (encode_mix_layer: routing in place, ChaCha20-Poly1305 with key X25519(ephemeral, node), zero
// nonce, no AAD over routing + inner stages, tag and ephemeral public key in front, Lion-encrypt the payload),
// lion.rs (sub-keys 1, 2, 3 to encrypt). The gateway's final hop (lib/outfox-final-hop.js) must open each one.
// Usage: node tools/outfox-vectors.js > ../../node/src/test/resources/outfox/vectors.json
import crypto from 'node:crypto';
import { chacha20poly1305, xchacha20 } from '@noble/ciphers/chacha.js';
import { blake3 } from '@noble/hashes/blake3.js';
import { newKeyPair, x25519 } from '../lib/keys.js';
import { outfoxLength } from '../lib/outfox-final-hop.js';

const STAGE = 80, PARAMS = 6, LEFT = 24;

function lionEncrypt(key, out) {
  const sub = (n) => blake3(key, { context: Buffer.from(`LIONKEYS${n}`, 'ascii') });
  const stream = (n) => out.set(xchacha20(sub(n), out.subarray(0, LEFT), out.subarray(LEFT)), LEFT);
  stream(1);
  const mac = blake3(out.subarray(LEFT), { key: sub(2) });
  for (let i = 0; i < LEFT; i++) out[i] ^= mac[i];
  stream(3);
}

const address = (port) => Buffer.concat([Buffer.from([4, port >> 8, port & 0xff, 127, 0, 0, 1]), Buffer.alloc(25)]);

function build(message, plaintextSize, nodes, routings) {
  const payloadLength = plaintextSize + 3;
  const packet = Buffer.alloc(outfoxLength(payloadLength));
  packet.set([32, 32, 32, 32, payloadLength & 0xff, payloadLength >> 8]);
  const body = packet.subarray(PARAMS);
  body.set(Buffer.concat([Buffer.from('ofx'), message]), body.length - 3 - message.length);
  for (let layer = 0; layer < 4; layer++) {
    const at = STAGE * (3 - layer);
    const ephemeral = newKeyPair('x25519');
    const shared = x25519(ephemeral.privateRaw, nodes[layer].publicRaw);
    body.set(routings[layer], at + 48);
    const header = body.subarray(at + 48, at + 48 + 32 + STAGE * layer);
    const sealed = chacha20poly1305(shared, new Uint8Array(12)).encrypt(header);
    header.set(sealed.subarray(0, header.length));
    body.set(sealed.subarray(header.length), at + 32);
    body.set(ephemeral.publicRaw, at);
    lionEncrypt(shared, body.subarray(body.length - payloadLength));
  }
  return packet;
}

// Route [mix 1, mix 2, mix 3, gateway]; stage k belongs to hop 3 - k.
const hops = [1, 2, 3, 4].map(() => newKeyPair('x25519'));
const recipient = crypto.randomBytes(32);
const routings = [recipient, address(40004), address(40003), address(40002)]; // by stage 0..3
const byStage = [hops[3], hops[2], hops[1], hops[0]];
const vectors = [];
for (const [name, size, length] of [['outfox_regular', 2048, 1652], ['outfox_ack', 48, 21]]) {
  const message = crypto.randomBytes(length);
  const packet = build(message, size, byStage, routings);
  vectors.push({ size: name, packet: packet.toString('hex'), message: message.toString('hex') });
}
const out = {
  note: 'Outfox vectors built by interop/nym-wasm/tools/outfox-vectors.js (JavaScript, @noble + Node X25519) from nym-outfox\'s description; the route is mix 1, mix 2, mix 3, gateway',
  hopPrivateKeys: hops.map((k) => k.privateRaw.toString('hex')),
  nextHops: [address(40002), address(40003), address(40004)].map((a) => a.toString('hex')),
  recipient: recipient.toString('hex'),
  vectors,
};
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
