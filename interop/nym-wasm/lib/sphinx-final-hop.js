// The last Sphinx layer, as a gateway removes it for packets addressed to its clients.
// Follows sphinx-packet 0.6.0 as this repository's Java engine implements it
// (node/src/main/java/network/mask/node/sphinx/SphinxProcessor.java, KeyDerivation.java, Lioness.java,
// SphinxPayload.java; spec in docs) and nym's common/nymsphinx/framing/src/processing.rs
// (process_final_hop: recover_plaintext, then split the SURB-ack off the front).
// Forward hops are not handled here: the mix nodes under test do those.
import crypto from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';
import { x25519 } from './keys.js';

const ALPHA = 32, MAC = 16, BETA = 300, HEADER = ALPHA + MAC + BETA; // 348
const HOP_INFO = Buffer.from('Dwste mou enan moxlo arketa makru kai ena upomoxlio gia na ton topothetisw kai tha kinisw thn gh.', 'ascii');
const PAYLOAD_SALT = Buffer.from('sphinx-payload-key-V01-CS01-HKDF:SHA256-SALT', 'ascii');
const PAYLOAD_INFO = Buffer.from('sphinx-payload-key-V01-CS01-HKDF:SHA256-INFO', 'ascii');
const FLAG_FINAL = 2;

const hkdf = (salt, ikm, info, len) => Buffer.from(crypto.hkdfSync('sha256', ikm, salt, info, len));

function chacha20Xor(key, data) {
  const c = crypto.createCipheriv('chacha20', key, Buffer.alloc(16));
  return Buffer.concat([c.update(data), c.final()]);
}

/** Lioness decryption (ChaCha20 + keyed BLAKE2b-256), the encryption steps in reverse order. */
function lionessDecrypt(key, block) {
  const left = Buffer.from(block.subarray(0, 32));
  let right = Buffer.from(block.subarray(32));
  const hash = (k) => { const h = blake2b(right, { key: k, dkLen: 32 }); for (let i = 0; i < 32; i++) left[i] ^= h[i]; };
  const stream = (k) => { const sk = Buffer.alloc(32); for (let i = 0; i < 32; i++) sk[i] = left[i] ^ k[i]; right = chacha20Xor(sk, right); };
  hash(key.subarray(128, 192));
  stream(key.subarray(96, 128));
  hash(key.subarray(32, 96));
  stream(key.subarray(0, 32));
  return Buffer.concat([left, right]);
}

/**
 * Removes the final layer of `packet` with the gateway's raw X25519 private key.
 * Returns {destination, surbId, version, plaintext} or {error}.
 */
export function processFinalHop(packet, privateRaw) {
  if (packet.length < HEADER + 33) return { error: 'too short' };
  const shared = x25519(privateRaw, packet.subarray(0, ALPHA));
  if (!shared) return { error: 'bad group element' };
  const okm = hkdf(Buffer.alloc(0), shared, HOP_INFO, 288);
  const mac = crypto.createHmac('sha256', okm.subarray(16, 32)).update(packet.subarray(HEADER - BETA, HEADER)).digest().subarray(0, MAC);
  if (!crypto.timingSafeEqual(mac, packet.subarray(ALPHA, ALPHA + MAC))) return { error: 'bad header MAC' };
  const aes = crypto.createCipheriv('aes-128-ctr', okm.subarray(0, 16), Buffer.alloc(16));
  const routing = aes.update(Buffer.concat([packet.subarray(HEADER - BETA, HEADER), Buffer.alloc(60)]));
  if (routing[0] !== FLAG_FINAL) return { error: `not a final hop (flag ${routing[0]})` };
  const version = routing[2] << 8 | routing[3];
  const payloadKey = (version === 1 || version === 257 || version === 258)
    ? okm.subarray(32, 224)
    : hkdf(PAYLOAD_SALT, okm.subarray(32, 48), PAYLOAD_INFO, 192);
  const payload = lionessDecrypt(payloadKey, packet.subarray(HEADER));
  // 0^16 || message || 0x01 || 0^*
  if (!payload.subarray(0, 16).every((b) => b === 0)) return { error: 'payload does not start with 16 zero bytes (tampered?)' };
  let end = payload.length - 1;
  while (end >= 16 && payload[end] === 0) end--;
  if (end < 16 || payload[end] !== 1) return { error: 'payload padding invalid (tampered?)' };
  return {
    destination: Buffer.from(routing.subarray(4, 36)),
    surbId: Buffer.from(routing.subarray(36, 52)),
    version,
    plaintext: Buffer.from(payload.subarray(16, end)),
  };
}
