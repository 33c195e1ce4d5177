// A stand-in Nym gateway on 127.0.0.1: the client websocket protocol on one port, a mix port on another.
// Facts (not code) from nym, at the commit of the npm client's release (a0178d28f7, "Typescript SDK 1.4.1"):
//  - common/gateway-requests/src/types/text_request/mod.rs, text_response.rs: JSON control messages
//    ({"type": camelCase variant, snake_case fields}); registration_handshake_wrapper.rs: handshakePayload.
//  - common/gateway-requests/src/registration/handshake/{messages,state,gateway}.rs: the handshake
//    CLIENT_ID || G^x || salt16 -> G^y || AEAD(k, SIG_G(G^y || G^x)) || nonce -> AEAD(k, SIG_C(G^x || G^y)) || nonce -> [1];
//    k = HKDF<BLAKE3>(salt, X25519(y, G^x), no info, 32 bytes), AEAD = AES-256-GCM-SIV (common/nymsphinx/params).
//  - common/gateway-requests/src/types/helpers.rs (BinaryData): binary frames kind || encrypted(1) || nonce12 || ciphertext;
//    binary_request.rs: kind 1 ForwardSphinx (packet_type || first hop || packet), kind 2 ForwardSphinxV2
//    (packet_type || key_rotation || first hop || packet); binary_response.rs: kind 1 PushedMixMessage.
//  - common/nymsphinx/forwarding/src/packet.rs (MixPacket bytes), common/nymsphinx/addressing/src/nodes.rs
//    (unpadded address: 4 || port BE || ipv4, max 19 bytes), common/nymsphinx/acknowledgements/src/surb_ack.rs
//    (SURB-ack = first hop zero-padded to 19 bytes || ack packet), common/nymsphinx/framing/src/processing.rs
//    (final hop: recover plaintext, split the SURB-ack off and forward it, deliver the rest to the client).
//  - gateway/src/node/client_handling/websocket/connection_handler/{fresh,authenticated}.rs: the order of
//    replies (supportedProtocol, register, bandwidth, send).
// Faults for negative controls: flipBitInForwardedPacket (the Nth client packet gets one bit flipped before it
// enters the mixnet: {nth, at} with `at` a byte index, negative from the end), dropAcks (ack-sized packets
// from the mixnet are not delivered to the client), replayNth (the Nth client packet is written twice).
// framingVersion 7 writes Nym's older frames without the key-rotation byte.
// Outfox (packet type 2, size tags 6 and 7): the final hop is lib/outfox-final-hop.js; the SURB-ack split is the
// same with the Outfox ack length (common/nymsphinx/acknowledgements/src/surb_ack.rs SurbAck::len).
// outfoxRelay ({mixes: [{publicRaw, host, port}] x 3, keyRotation}): the WASM client cannot build Outfox
// (docs/interop.md), so in this mode the gateway sends what the client's Sphinx packets carried around the
// masknodes once more, inside Outfox packets it builds itself (lib/outfox-packet.js) for [L1, L2, L3, this
// gateway]: a regular packet's 2048-byte plaintext as outfox_regular, an ack's 21 bytes as outfox_ack. When
// the Outfox packet comes back, its last layer is opened (lib/outfox-final-hop.js) and the content goes on as
// the Sphinx final hop's would have (SURB-ack split and sent as a Sphinx ack, the rest to the client), so the
// client judges what crossed the masknodes as Outfox. flipBitInOutfoxPacket ({nth, at}) flips one bit of
// the Nth Outfox packet the gateway builds.
import crypto from 'node:crypto';
import net from 'node:net';
import { WebSocketServer } from 'ws';
import { blake3 } from '@noble/hashes/blake3.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { gcmsiv } from '@noble/ciphers/aes.js';
import { newKeyPair, x25519, ed25519Public, bs58encode, bs58decode } from './keys.js';
import { processFinalHop } from './sphinx-final-hop.js';
import { processOutfoxFinalHop, outfoxLength, OUTFOX_PACKET_TYPE } from './outfox-final-hop.js';
import { buildOutfox, routingAddress, OUTFOX_REGULAR_PLAINTEXT, OUTFOX_ACK_PLAINTEXT } from './outfox-packet.js';

export const PROTOCOL_VERSION = 5; // EMBEDDED_KEY_ROTATION_INFO_VERSION in common/gateway-requests/src/lib.rs
const AES_GCM_SIV_PROTOCOL_VERSION = 3;
const NONCE = 12, TAG = 16, SALT = 16;
const HEADER = 348;
// common/nymsphinx/params/src/packet_sizes.rs: tag -> plaintext size; packet = plaintext + 17 + 348.
const SIZE_BY_TAG = { 1: 2048, 2: 21, 3: 32768, 4: 8192, 5: 16384 };
// Outfox sizes (tags 6, 7): plaintext 2048 / 48 + magic 3 after 6 + 4 * 80 bytes (nym-outfox/src/constants.rs).
const OUTFOX_PLAINTEXT_BY_TAG = { 6: 2048, 7: 48 };
const packetLength = (tag) => OUTFOX_PLAINTEXT_BY_TAG[tag] ? outfoxLength(OUTFOX_PLAINTEXT_BY_TAG[tag] + 3) : SIZE_BY_TAG[tag] + 17 + HEADER;
const ALL_TAGS = [...Object.keys(SIZE_BY_TAG), ...Object.keys(OUTFOX_PLAINTEXT_BY_TAG)].map(Number);
const TAG_BY_LENGTH = Object.fromEntries(ALL_TAGS.map((t) => [packetLength(t), t]));
const ACK_TAG = 2, OUTFOX_ACK_TAG = 7;
// SURB-ack = first hop zero-padded to 19 bytes || ack packet (surb_ack.rs SurbAck::len, per packet type).
const surbAckLength = (packetType) => packetLength(packetType === OUTFOX_PACKET_TYPE ? OUTFOX_ACK_TAG : ACK_TAG) + 19;

function decodeAddress(b) {
  if (b[0] === 4) return { host: `${b[3]}.${b[4]}.${b[5]}.${b[6]}`, port: b[1] << 8 | b[2], length: 7 };
  if (b[0] === 6) throw new Error('IPv6 next hops are not used on this loopback mixnet');
  throw new Error(`unknown address type ${b[0]}`);
}

function encodeAddress(host, port) {
  const ip = host.split('.').map(Number);
  return Buffer.from([4, port >> 8, port & 0xff, ...ip]);
}

const kdf = (salt, ikm) => Buffer.from(hkdf(blake3, ikm, salt, new Uint8Array(0), 32));

class SharedKey {
  constructor(raw) { this.raw = raw; }
  encrypt(plaintext, nonce = crypto.randomBytes(NONCE)) { return { nonce, ciphertext: Buffer.from(gcmsiv(this.raw, nonce).encrypt(plaintext)) }; }
  decrypt(ciphertext, nonce) { return Buffer.from(gcmsiv(this.raw, nonce).decrypt(ciphertext)); }
}

export class StandInGateway {
  constructor({ host = '127.0.0.1', log = () => {} } = {}) {
    this.host = host;
    this.log = log;
    this.identity = newKeyPair('ed25519');
    this.sphinx = newKeyPair('x25519');
    this.faults = { flipBitInForwardedPacket: null, dropAcks: false, replayNth: null, flipBitInOutfoxPacket: null };
    this.outfoxRelay = null;
    this.framingVersion = 8;
    this.counters = { fromClient: 0, intoMixnet: 0, fromMixnet: 0, deliveredPackets: 0, deliveredAcks: 0, acksForwarded: 0, dropped: 0, flipped: 0, droppedAcks: 0, finalHopErrors: [], sizeTags: {}, sentSizeTags: {}, sphinxVersions: {}, clientKeyRotations: {}, packetTypes: {}, outfoxBuilt: 0 };
    this.packetsIntoMixnet = 0; // never reset: every packet this gateway wrote to a mix node, for cross-checks
    this.packetsReplayed = 0; // never reset: of those, copies written again on purpose
    this.clients = new Map(); // destination hex -> {ws, key}
    this.keys = new Map(); // client identity hex -> SharedKey (for authenticateV2 on reconnection)
    this.links = new Map(); // "host:port" -> socket
  }

  get identityKey() { return bs58encode(this.identity.publicRaw); }
  get sphinxKey() { return bs58encode(this.sphinx.publicRaw); }

  resetCounters() {
    for (const k of Object.keys(this.counters)) this.counters[k] = Array.isArray(this.counters[k]) ? [] : typeof this.counters[k] === 'object' ? {} : 0;
  }

  async start() {
    this.wss = new WebSocketServer({ host: this.host, port: 0 });
    await new Promise((r) => this.wss.once('listening', r));
    this.clientsPort = this.wss.address().port;
    this.wss.on('connection', (ws) => this.onClient(ws));
    this.mixServer = net.createServer((s) => this.onMixConnection(s));
    await new Promise((r) => this.mixServer.listen(0, this.host, r));
    this.mixPort = this.mixServer.address().port;
    return this;
  }

  async stop() {
    for (const s of this.links.values()) s.destroy();
    for (const c of this.wss.clients) c.terminate();
    await new Promise((r) => this.wss.close(r));
    await new Promise((r) => this.mixServer.close(r));
  }

  // ---- client websocket -------------------------------------------------------------------------------

  onClient(ws) {
    const conn = { ws, state: 'fresh', key: null };
    ws.on('message', (data, isBinary) => {
      try {
        if (isBinary) this.onBinary(conn, Buffer.from(data));
        else this.onText(conn, JSON.parse(data.toString()));
      } catch (e) {
        this.log(`gateway: client request failed: ${e.stack}`);
        ws.send(JSON.stringify({ type: 'error', message: String(e.message) }));
      }
    });
    ws.on('close', () => { if (conn.destination) this.clients.delete(conn.destination); });
  }

  sendText(conn, obj) { conn.ws.send(JSON.stringify(obj)); }

  onText(conn, msg) {
    switch (msg.type) {
      case 'supportedProtocol':
        return this.sendText(conn, { type: 'supportedProtocol', version: PROTOCOL_VERSION });
      case 'handshakePayload':
      case 'registerHandshakeInitRequest':
        return conn.state === 'fresh' ? this.handshakeInit(conn, Buffer.from(msg.data)) : this.handshakeMaterial(conn, Buffer.from(msg.data));
      case 'authenticateV2':
        return this.authenticateV2(conn, msg);
      case 'claimFreeTestnetBandwidth':
        return this.sendText(conn, { type: 'bandwidth', available_total: 1e15 });
      case 'encryptedRequest':
        return this.encryptedRequest(conn, msg);
      default:
        this.log(`gateway: unhandled request ${JSON.stringify(msg).slice(0, 200)}`);
        return this.sendText(conn, { type: 'error', message: `stand-in gateway does not handle ${msg.type}` });
    }
  }

  handshakeInit(conn, data) {
    if (data.length !== 32 + 32 + SALT) throw new Error(`handshake init of ${data.length} bytes (legacy handshakes are not supported here)`);
    conn.clientIdentity = data.subarray(0, 32);
    conn.clientEphemeral = data.subarray(32, 64);
    const salt = data.subarray(64);
    conn.ephemeral = newKeyPair('x25519');
    const dh = x25519(conn.ephemeral.privateRaw, conn.clientEphemeral);
    if (!dh) throw new Error('client ephemeral key refused');
    conn.pendingKey = new SharedKey(kdf(salt, dh));
    const signature = crypto.sign(null, Buffer.concat([conn.ephemeral.publicRaw, conn.clientEphemeral]), this.identity.privateKey);
    const { nonce, ciphertext } = conn.pendingKey.encrypt(signature);
    conn.state = 'awaiting-material';
    this.sendText(conn, { type: 'handshakePayload', protocol_version: AES_GCM_SIV_PROTOCOL_VERSION, data: [...conn.ephemeral.publicRaw, ...ciphertext, ...nonce] });
  }

  handshakeMaterial(conn, data) {
    if (data.length !== 64 + TAG + NONCE) throw new Error(`handshake material of ${data.length} bytes`);
    const signature = conn.pendingKey.decrypt(data.subarray(0, 64 + TAG), data.subarray(64 + TAG));
    const ok = crypto.verify(null, Buffer.concat([conn.clientEphemeral, conn.ephemeral.publicRaw]), ed25519Public(conn.clientIdentity), signature);
    if (!ok) {
      this.sendText(conn, { type: 'handshakeError', message: 'invalid signature' });
      return;
    }
    this.sendText(conn, { type: 'handshakePayload', protocol_version: AES_GCM_SIV_PROTOCOL_VERSION, data: [1] });
    this.admit(conn, conn.pendingKey);
    this.keys.set(Buffer.from(conn.clientIdentity).toString('hex'), conn.key);
    this.sendText(conn, { type: 'register', protocol_version: PROTOCOL_VERSION, status: true });
  }

  // common/gateway-requests/src/types/text_request/authenticate.rs: a returning client proves it holds the key.
  authenticateV2(conn, msg) {
    if (process.env.NYM_INTEROP_DEBUG) this.log('authV2 ' + JSON.stringify(msg));
    // The key check proves the client holds the registered key; the request signature and timestamp
    // (replay protection against third parties) are not checked by this stand-in.
    const identity = Array.isArray(msg.clientIdentity) ? Buffer.from(msg.clientIdentity) : bs58decode(msg.clientIdentity);
    const key = this.keys.get(identity.toString('hex'));
    let ok = false;
    if (key) {
      const expected = key.encrypt(identity, Buffer.from(msg.nonce, 'base64')).ciphertext;
      ok = crypto.timingSafeEqual(expected, Buffer.from(msg.addressCiphertext, 'base64'));
      if (ok) { conn.clientIdentity = identity; this.admit(conn, key); }
    }
    this.sendText(conn, { type: 'authenticate', protocol_version: PROTOCOL_VERSION, status: ok, bandwidth_remaining: ok ? 1e15 : 0 });
  }

  admit(conn, key) {
    conn.key = key;
    conn.state = 'authenticated';
    conn.destination = Buffer.from(conn.clientIdentity).toString('hex');
    this.clients.set(conn.destination, conn);
  }

  encryptedRequest(conn, msg) {
    const request = JSON.parse(conn.key.decrypt(Buffer.from(msg.ciphertext), Buffer.from(msg.nonce)).toString());
    const name = Object.keys(request)[0];
    const ack = { ForgetMe: 'ForgetMeAck', RememberMe: 'RememberMeAck', UpgradeKey: 'KeyUpgradeAck' }[name];
    if (!ack) throw new Error(`encrypted request ${name} not handled`);
    const { nonce, ciphertext } = conn.key.encrypt(Buffer.from(JSON.stringify({ [ack]: {} })));
    this.sendText(conn, { type: 'encryptedResponse', ciphertext: [...ciphertext], nonce: [...nonce] });
  }

  onBinary(conn, raw) {
    if (conn.state !== 'authenticated') throw new Error('binary request before authentication');
    const kind = raw[0];
    if (raw[1] !== 1) throw new Error('unencrypted binary request');
    const plain = conn.key.decrypt(raw.subarray(2 + NONCE), raw.subarray(2, 2 + NONCE));
    let offset = 1;
    const packetType = plain[0];
    let keyRotation = 0;
    if (kind === 2) keyRotation = plain[offset++];
    else if (kind !== 1) throw new Error(`unknown binary request kind ${kind}`);
    const hop = decodeAddress(plain.subarray(offset));
    const packet = Buffer.from(plain.subarray(offset + hop.length));
    this.counters.fromClient++;
    this.onClientPacket?.(packetType, keyRotation, hop, Buffer.from(packet));
    // The SphinxKeyRotation byte the client chose (0 unknown, 1 odd, 2 even: common/nymsphinx/params/src/key_rotation.rs).
    this.counters.packetTypes[packetType] = (this.counters.packetTypes[packetType] ?? 0) + 1;
    this.counters.clientKeyRotations[keyRotation] = (this.counters.clientKeyRotations[keyRotation] ?? 0) + 1;
    this.counters.sentSizeTags[TAG_BY_LENGTH[packet.length]] = (this.counters.sentSizeTags[TAG_BY_LENGTH[packet.length]] ?? 0) + 1;
    const fault = this.faults.flipBitInForwardedPacket;
    if (fault && this.counters.fromClient === fault.nth) {
      // A payload bit (negative index) is invisible to the mixes, only the last layer can notice it;
      // a header bit must be refused by the first mix node (its MAC no longer verifies).
      packet[fault.at < 0 ? packet.length + fault.at : fault.at] ^= 0x01;
      this.counters.flipped++;
    }
    this.forward(hop, packetType, keyRotation, packet);
    if (this.faults.replayNth === this.counters.fromClient) {
      this.forward(hop, packetType, keyRotation, packet);
      this.packetsReplayed++;
      this.counters.replayed = (this.counters.replayed ?? 0) + 1;
    }
    this.counters.intoMixnet++;
    this.sendText(conn, { type: 'send', remaining_bandwidth: 1e15 });
  }

  // ---- mixnet side -----------------------------------------------------------------------------------------

  /** Writes one frame (v8: [8][size tag][packet type][key rotation] + packet; v7 without the rotation) to the node at hop. */
  forward(hop, packetType, keyRotation, packet) {
    const tag = TAG_BY_LENGTH[packet.length];
    if (!tag) throw new Error(`packet of ${packet.length} bytes has no size tag`);
    const key = `${hop.host}:${hop.port}`;
    let link = this.links.get(key);
    if (!link || link.destroyed) {
      link = net.connect(hop.port, hop.host);
      link.setNoDelay(true);
      link.on('error', (e) => { this.log(`gateway: link to ${key}: ${e.message}`); this.links.delete(key); });
      this.links.set(key, link);
    }
    const header = this.framingVersion === 7 ? [7, tag, packetType] : [8, tag, packetType, keyRotation];
    link.write(Buffer.concat([Buffer.from(header), packet]));
    this.packetsIntoMixnet++;
  }

  onMixConnection(socket) {
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        if (buffered.length < 3) return;
        const version = buffered[0];
        const headerLength = version === 8 ? 4 : version === 7 ? 3 : 0;
        if (!headerLength) { this.log(`gateway: framing version ${version} refused`); socket.destroy(); return; }
        if (buffered.length < headerLength) return;
        const tag = buffered[1];
        if (!ALL_TAGS.includes(tag)) { this.log(`gateway: size tag ${tag} refused`); socket.destroy(); return; }
        const total = headerLength + packetLength(tag);
        if (buffered.length < total) return;
        const frame = { tag, packetType: buffered[2], keyRotation: headerLength === 4 ? buffered[3] : 0, packet: buffered.subarray(headerLength, total) };
        buffered = buffered.subarray(total);
        try { this.onFinalHop(frame); } catch (e) { this.log(`gateway: final hop failed: ${e.stack}`); }
      }
    });
    socket.on('error', () => {});
  }

  onFinalHop({ tag, packetType, keyRotation, packet }) {
    this.counters.fromMixnet++;
    const outfox = packetType === OUTFOX_PACKET_TYPE;
    const result = outfox ? processOutfoxFinalHop(packet, this.sphinx.privateRaw) : processFinalHop(packet, this.sphinx.privateRaw);
    if (result.error) {
      this.counters.dropped++;
      this.counters.finalHopErrors.push(result.error);
      return;
    }
    const count = (map, k) => { map[k] = (map[k] ?? 0) + 1; };
    count(this.counters.sizeTags, tag);
    count(this.counters.sphinxVersions, outfox ? 'outfox' : result.version);
    if (!outfox && this.outfoxRelay && (tag === 1 || tag === ACK_TAG)) {
      this.relayAsOutfox(result.destination, result.plaintext, tag === ACK_TAG);
      return;
    }
    // A relayed Outfox packet carries a Sphinx client's payload: its SURB-ack is a Sphinx ack (rotation unknown).
    const contentType = outfox && this.outfoxRelay ? 0 : packetType;
    if (outfox && this.outfoxRelay) keyRotation = 0;
    let message = result.plaintext;
    const isAck = tag === ACK_TAG || tag === OUTFOX_ACK_TAG;
    if (!isAck) {
      // framing/src/processing.rs split_into_ack_and_message: the SURB-ack goes back into the mixnet with the
      // packet type and key-rotation byte of the frame it came in.
      const surbAckLen = surbAckLength(contentType);
      if (message.length < surbAckLen) { this.counters.dropped++; this.counters.finalHopErrors.push('no SURB-ack'); return; }
      const surbAck = message.subarray(0, surbAckLen);
      message = message.subarray(surbAckLen);
      const hop = decodeAddress(surbAck);
      this.forward(hop, contentType, keyRotation, Buffer.from(surbAck.subarray(19)));
      this.counters.acksForwarded++;
    } else if (this.faults.dropAcks) {
      this.counters.droppedAcks++;
      return;
    }
    const conn = this.clients.get(result.destination.toString('hex'));
    if (!conn) { this.counters.dropped++; this.counters.finalHopErrors.push('no such client'); return; }
    const { nonce, ciphertext } = conn.key.encrypt(message);
    conn.ws.send(Buffer.concat([Buffer.from([1, 1]), nonce, ciphertext]));
    if (isAck) this.counters.deliveredAcks++; else this.counters.deliveredPackets++;
  }

  /** Sends `plaintext` for the client at `destination` around [L1, L2, L3, this gateway] as an Outfox packet. */
  relayAsOutfox(destination, plaintext, isAck) {
    const { mixes, keyRotation } = this.outfoxRelay;
    const routing = [...mixes.slice(1).map((m) => routingAddress(m.host, m.port)), routingAddress(this.host, this.mixPort)];
    const hops = [...mixes.map((m, i) => ({ publicRaw: m.publicRaw, routing: routing[i] })), { publicRaw: this.sphinx.publicRaw, routing: destination }];
    const packet = buildOutfox(plaintext, isAck ? OUTFOX_ACK_PLAINTEXT : OUTFOX_REGULAR_PLAINTEXT, hops);
    this.counters.outfoxBuilt++;
    const fault = this.faults.flipBitInOutfoxPacket;
    if (fault && this.counters.outfoxBuilt === fault.nth) {
      packet[fault.at < 0 ? packet.length + fault.at : fault.at] ^= 0x01;
      this.counters.flipped++;
    }
    this.forward({ host: mixes[0].host, port: mixes[0].port }, OUTFOX_PACKET_TYPE, keyRotation, packet);
  }
}

export { encodeAddress };
