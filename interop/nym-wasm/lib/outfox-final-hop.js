// The last Outfox layer, as a nym gateway removes it for packets addressed to its clients (packet type 2).
// Facts (not code) from nym: nym-outfox/src/constants.rs (4 stages of public element 32 | tag 16 | routing 32
// after 6 parameter bytes, magic "ofx"), format.rs (stage i starts 80*(3-i) after the parameters; key =
// X25519(gateway key, element); ChaCha20-Poly1305, zero nonce, no AAD, tag before the ciphertext, over the
// stage's routing and the inner stages; Lion over the payload), lion.rs (sub-keys BLAKE3 derive_key
// "LIONKEYS<n>"; XChaCha20 with the left 24 bytes as nonce, keyed BLAKE3 of the right part XORed into the
// left; decrypt uses sub-keys 3, 2, 1), packet.rs (the gateway opens stage 0; its routing bytes are the
// recipient; plaintext = payload without leading zeros and the magic).
// An implementation of its own in JavaScript (@noble), apart from the masknode Java engine it checks.
import { chacha20poly1305, xchacha20 } from '@noble/ciphers/chacha.js';
import { blake3 } from '@noble/hashes/blake3.js';
import { x25519 } from './keys.js';

export const OUTFOX_PACKET_TYPE = 2;
const PARAMS = 6, STAGE = 80, ROUTING = 32, ELEMENT = 32, TAG = 16, LEFT = 24;
const MAGIC = Buffer.from('ofx', 'ascii');

export const outfoxLength = (payloadLength) => PARAMS + 4 * STAGE + payloadLength;

export function lionDecrypt(key, block) {
  const out = Buffer.from(block);
  const sub = (n) => blake3(key, { context: Buffer.from(`LIONKEYS${n}`, 'ascii') });
  const stream = (n) => out.set(xchacha20(sub(n), out.subarray(0, LEFT), out.subarray(LEFT)), LEFT);
  stream(3);
  const mac = blake3(out.subarray(LEFT), { key: sub(2) });
  for (let i = 0; i < LEFT; i++) out[i] ^= mac[i];
  stream(1);
  return out;
}

/** Opens stage 0 of `packet` with the gateway's raw X25519 key: {destination, plaintext} or {error}. */
export function processOutfoxFinalHop(packet, privateRaw) {
  if (packet.length < outfoxLength(48)) return { error: 'outfox: too short' };
  const payloadLength = packet[4] | packet[5] << 8;
  if (packet.length !== outfoxLength(payloadLength)) return { error: 'outfox: length does not match its parameters' };
  if (packet[0] !== ROUTING || packet[1] || packet[2] || packet[3]) return { error: `outfox: not at its last layer (routing lengths ${[...packet.subarray(0, 4)]})` };
  const stage = PARAMS + 3 * STAGE;
  const shared = x25519(privateRaw, packet.subarray(stage, stage + ELEMENT));
  if (!shared) return { error: 'outfox: bad group element' };
  let routing;
  try {
    const sealed = Buffer.concat([packet.subarray(stage + ELEMENT + TAG, stage + STAGE), packet.subarray(stage + ELEMENT, stage + ELEMENT + TAG)]);
    routing = Buffer.from(chacha20poly1305(shared, new Uint8Array(12)).decrypt(sealed));
  } catch {
    return { error: 'outfox: bad tag' };
  }
  const payload = lionDecrypt(shared, packet.subarray(packet.length - payloadLength));
  let i = 0;
  while (i < payload.length && payload[i] === 0) i++;
  if (!payload.subarray(i, i + MAGIC.length).equals(MAGIC)) return { error: 'outfox: no magic bytes after the padding (tampered?)' };
  return { destination: routing, plaintext: Buffer.from(payload.subarray(i + MAGIC.length)) };
}
