// Raw 32-byte X25519/Ed25519 keys <-> Node KeyObjects (fixed DER prefixes of RFC 8410), and base58
// (Bitcoin alphabet, what Nym uses for public keys).
import crypto from 'node:crypto';

const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');

const rawOf = (keyObject) => keyObject.export({ format: 'der', type: keyObject.type === 'private' ? 'pkcs8' : 'spki' }).subarray(-32);

export function x25519Private(raw) { return crypto.createPrivateKey({ key: Buffer.concat([X25519_PKCS8, raw]), format: 'der', type: 'pkcs8' }); }
export function x25519Public(raw) { return crypto.createPublicKey({ key: Buffer.concat([X25519_SPKI, raw]), format: 'der', type: 'spki' }); }
export function ed25519Public(raw) { return crypto.createPublicKey({ key: Buffer.concat([ED25519_SPKI, raw]), format: 'der', type: 'spki' }); }
export function ed25519Private(raw) { return crypto.createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, raw]), format: 'der', type: 'pkcs8' }); }

/** A fresh key pair as raw bytes plus KeyObjects. */
export function newKeyPair(kind) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync(kind);
  return { privateKey, publicKey, privateRaw: rawOf(privateKey), publicRaw: rawOf(publicKey) };
}

/** X25519 with raw inputs; null when the result is refused (e.g. a small-order point). */
export function x25519(privateRaw, publicRaw) {
  try {
    return crypto.diffieHellman({ privateKey: x25519Private(privateRaw), publicKey: x25519Public(publicRaw) });
  } catch {
    return null;
  }
}

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function bs58encode(bytes) {
  let n = BigInt('0x' + (Buffer.from(bytes).toString('hex') || '0'));
  let out = '';
  while (n > 0n) { out = ALPHABET[Number(n % 58n)] + out; n /= 58n; }
  for (const b of bytes) { if (b !== 0) break; out = '1' + out; }
  return out;
}

export function bs58decode(text) {
  let n = 0n;
  for (const c of text) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new Error(`not base58: ${text}`);
    n = n * 58n + BigInt(v);
  }
  let hex = n === 0n ? '' : n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const zeros = text.match(/^1*/)[0].length;
  return Buffer.concat([Buffer.alloc(zeros), Buffer.from(hex, 'hex')]);
}
