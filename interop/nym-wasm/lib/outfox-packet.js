// Builds Outfox packets in JavaScript (@noble ciphers and hashes, Node's X25519), apart from the masknode
// Java engine that must open them. Facts (not code) from nym's encoder: nym-outfox/src/packet.rs (build: the
// message behind zero padding and the magic "ofx"; stage 0 for the last hop with the recipient as routing,
// stages 1..3 for the mixes with the next hop's address as routing), format.rs (encode_mix_layer: routing in
// place, then ChaCha20-Poly1305 keyed by X25519(fresh ephemeral, hop key), zero nonce, no AAD, over the
// stage's routing and all inner stages; tag and ephemeral public key in front; Lion-encrypt the payload),
// lion.rs (sub-keys "LIONKEYS1..3" by BLAKE3 derive_key; encrypt runs 1, 2, 3).
import { chacha20poly1305, xchacha20 } from '@noble/ciphers/chacha.js';
import { blake3 } from '@noble/hashes/blake3.js';
import { newKeyPair, x25519 } from './keys.js';
import { outfoxLength } from './outfox-final-hop.js';

const STAGE = 80, PARAMS = 6, LEFT = 24;
export const OUTFOX_REGULAR_PLAINTEXT = 2048, OUTFOX_ACK_PLAINTEXT = 48; // params/src/packet_sizes.rs, constants.rs
export const OUTFOX_REGULAR_TAG = 6, OUTFOX_ACK_TAG = 7;

function lionEncrypt(key, out) {
  const sub = (n) => blake3(key, { context: Buffer.from(`LIONKEYS${n}`, 'ascii') });
  const stream = (n) => out.set(xchacha20(sub(n), out.subarray(0, LEFT), out.subarray(LEFT)), LEFT);
  stream(1);
  const mac = blake3(out.subarray(LEFT), { key: sub(2) });
  for (let i = 0; i < LEFT; i++) out[i] ^= mac[i];
  stream(3);
}

/** A 32-byte routing address for 127.0.0.1:port (common/nymsphinx/addressing/src/nodes.rs, IPv4, zero-padded). */
export const routingAddress = (host, port) => Buffer.concat([Buffer.from([4, port >> 8, port & 0xff, ...host.split('.').map(Number)]), Buffer.alloc(25)]);

/**
 * An Outfox packet carrying `message` (at most `plaintextSize` bytes) over `hops`, first hop first: four
 * {publicRaw, routing} where routing is the 32 bytes the hop must find (the next hop's address; for the
 * last hop, the recipient).
 */
export function buildOutfox(message, plaintextSize, hops) {
  if (hops.length !== 4) throw new Error('Outfox routes have exactly 4 hops');
  if (message.length > plaintextSize) throw new Error(`message of ${message.length} bytes exceeds ${plaintextSize}`);
  const payloadLength = plaintextSize + 3;
  const packet = Buffer.alloc(outfoxLength(payloadLength));
  packet.set([32, 32, 32, 32, payloadLength & 0xff, payloadLength >> 8]);
  const body = packet.subarray(PARAMS);
  body.set(Buffer.concat([Buffer.from('ofx'), message]), body.length - 3 - message.length);
  for (let layer = 0; layer < 4; layer++) {
    const hop = hops[3 - layer];
    const at = STAGE * (3 - layer);
    const ephemeral = newKeyPair('x25519');
    const shared = x25519(ephemeral.privateRaw, hop.publicRaw);
    body.set(hop.routing, at + 48);
    const header = body.subarray(at + 48, at + 48 + 32 + STAGE * layer);
    const sealed = chacha20poly1305(shared, new Uint8Array(12)).encrypt(header);
    header.set(sealed.subarray(0, header.length));
    body.set(sealed.subarray(header.length), at + 32);
    body.set(ephemeral.publicRaw, at);
    lionEncrypt(shared, body.subarray(body.length - payloadLength));
  }
  return packet;
}
