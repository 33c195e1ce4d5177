// Nym's own client (npm @nymproject/nym-client-wasm) judges packets that cross three real masknode
// mix nodes. Every verdict below is the client's: the node tester's received packets and acks, the
// full client's reassembled messages and its retransmissions. The stand-in gateway only counts.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { nym, startMixnet, startClient, sleep, until, pattern } from '../lib/harness.js';
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nymPackage, senderTagString, wasmPath, offLoopback } from '../lib/nym.js';
import { bs58encode, bs58decode } from '../lib/keys.js';

const TEST_PACKETS = 20;
const HEADER_FLIPS = 1; // the header-bit control below
let mixnet;

before(async () => { mixnet = await startMixnet(); });
after(async () => { await mixnet?.stop(); });

function figures(t, label, extra = {}) {
  const c = mixnet.gateway.counters;
  t.diagnostic(`${label}: ${JSON.stringify({ packetsFromClient: c.fromClient, packetsDelivered: c.deliveredPackets, acksDelivered: c.deliveredAcks,
    acksForwarded: c.acksForwarded, droppedAtFinalHop: c.dropped, flipped: c.flipped, acksWithheld: c.droppedAcks,
    sentSizeTags: c.sentSizeTags, arrivedSizeTags: c.sizeTags, sphinxVersions: c.sphinxVersions, ...extra })}`);
}

test('client under test is the pinned npm build, embedding sphinx-packet 0.6.0', () => {
  assert.equal(nymPackage.name, '@nymproject/nym-client-wasm');
  assert.equal(nymPackage.version, '1.4.1');
  // Cargo registry paths survive in the binary's panic locations: the crate versions it was built from.
  const embedded = new Set(fs.readFileSync(wasmPath).toString('latin1').match(/sphinx-packet-\d+\.\d+\.\d+/g));
  assert.deepEqual([...embedded], ['sphinx-packet-0.6.0']);
});

describe('node tester (NymNodeTester, test packets with SURB-acks)', () => {
  let tester;

  before(async () => {
    // The 1.4.1 node tester expects client keys in its store ("_nym-node-tester-<id>") but never makes
    // them (wasm/node-tester/src/tester.rs -> setup_from_topology). NymClient makes them on start; its
    // nym-api is pointed at a closed port so that it stops right after, leaving only the keys behind.
    await assert.rejects(new nym.NymClient(() => {}, { clientId: '_nym-node-tester-interop', nymApiUrl: 'http://127.0.0.1:9/api' }));
    tester = await new nym.NymNodeTester({ id: 'interop', topology: mixnet.topology(), gateway: mixnet.gateway.identityKey });
  });

  for (const layer of [1, 2, 3]) {
    test(`layer ${layer} node: every test packet and every ack comes back`, async (t) => {
      const node = mixnet.nodes[layer - 1];
      mixnet.gateway.resetCounters();
      const r = await tester.test_node(node.identityKey, 15_000n, TEST_PACKETS);
      figures(t, `layer ${layer}`, { sent: r.sent_packets, received: r.received_packets, acks: r.received_acks, duplicatePackets: r.duplicate_packets, duplicateAcks: r.duplicate_acks, score: r.score() });
      assert.equal(r.sent_packets, TEST_PACKETS);
      assert.equal(r.received_packets, TEST_PACKETS);
      assert.equal(r.received_acks, TEST_PACKETS);
      assert.equal(r.duplicate_packets, 0);
      assert.equal(r.duplicate_acks, 0);
      assert.equal(mixnet.gateway.counters.dropped, 0, mixnet.gateway.counters.finalHopErrors.join('; '));
    });
  }

  test('negative control: one flipped payload bit costs exactly that packet and its ack', async (t) => {
    mixnet.gateway.resetCounters();
    mixnet.gateway.faults.flipBitInForwardedPacket = { nth: 7, at: -100 };
    try {
      const r = await tester.test_node(mixnet.nodes[1].identityKey, 8_000n, TEST_PACKETS);
      figures(t, 'flipped bit', { sent: r.sent_packets, received: r.received_packets, acks: r.received_acks, score: r.score() });
      assert.equal(mixnet.gateway.counters.flipped, 1);
      assert.equal(r.received_packets, TEST_PACKETS - 1, 'the tampered packet must not count as received');
      assert.equal(r.received_acks, TEST_PACKETS - 1, 'the tampered packet must not be acknowledged');
      assert.ok(r.score() < 100);
    } finally {
      mixnet.gateway.faults.flipBitInForwardedPacket = null;
    }
  });

  test('negative control: one flipped header bit is refused by the first masknode', async (t) => {
    mixnet.gateway.resetCounters();
    mixnet.gateway.faults.flipBitInForwardedPacket = { nth: 3, at: 40 }; // inside the header MAC (bytes 32..48)
    const before = await mixnet.packetStats();
    try {
      const r = await tester.test_node(mixnet.nodes[0].identityKey, 8_000n, TEST_PACKETS);
      const after = await mixnet.packetStats();
      const refused = after.map((s, i) => s.ingress_mixing.forward_hop_packets_dropped + s.ingress_mixing.malformed_packets_received
        - before[i].ingress_mixing.forward_hop_packets_dropped - before[i].ingress_mixing.malformed_packets_received);
      figures(t, 'flipped header bit', { sent: r.sent_packets, received: r.received_packets, acks: r.received_acks, score: r.score(), refusedByNode: refused });
      assert.equal(r.received_packets, TEST_PACKETS - 1);
      assert.equal(r.received_acks, TEST_PACKETS - 1);
      assert.equal(mixnet.gateway.counters.dropped, 0, 'the packet never reached the final hop');
    } finally {
      mixnet.gateway.faults.flipBitInForwardedPacket = null;
    }
  });

  test('a replayed packet is dropped by the mixnet: the client sees no duplicate', async (t) => {
    mixnet.gateway.resetCounters();
    mixnet.gateway.faults.replayNth = 5;
    const before = await mixnet.packetStats();
    try {
      const r = await tester.test_node(mixnet.nodes[1].identityKey, 8_000n, TEST_PACKETS);
      const after = await mixnet.packetStats();
      const droppedByNode = after.map((s, i) => s.ingress_mixing.forward_hop_packets_dropped - before[i].ingress_mixing.forward_hop_packets_dropped);
      figures(t, 'replayed packet', { sent: r.sent_packets, received: r.received_packets, acks: r.received_acks, duplicatePackets: r.duplicate_packets, duplicateAcks: r.duplicate_acks, replayed: mixnet.gateway.counters.replayed, droppedByNode });
      assert.equal(droppedByNode.reduce((a, b) => a + b), 1, 'one node refused the copy');
      assert.equal(mixnet.gateway.counters.replayed, 1);
      assert.equal(r.received_packets, TEST_PACKETS);
      assert.equal(r.duplicate_packets, 0, 'the replay must not get through');
      assert.equal(r.duplicate_acks, 0);
    } finally {
      mixnet.gateway.faults.replayNth = null;
    }
  });

  test('v7 frames (no key-rotation byte) work as well as v8', async (t) => {
    mixnet.gateway.resetCounters();
    mixnet.gateway.framingVersion = 7;
    try {
      const r = await tester.test_node(mixnet.nodes[2].identityKey, 15_000n, TEST_PACKETS);
      figures(t, 'v7 frames', { sent: r.sent_packets, received: r.received_packets, acks: r.received_acks, score: r.score() });
      assert.equal(r.received_packets, TEST_PACKETS);
      assert.equal(r.received_acks, TEST_PACKETS);
    } finally {
      mixnet.gateway.framingVersion = 8;
    }
  });

  test('negative control: withheld acks show as missing acks', async (t) => {
    mixnet.gateway.resetCounters();
    mixnet.gateway.faults.dropAcks = true;
    try {
      const r = await tester.test_node(mixnet.nodes[2].identityKey, 6_000n, TEST_PACKETS);
      figures(t, 'acks withheld', { sent: r.sent_packets, received: r.received_packets, acks: r.received_acks, score: r.score() });
      assert.equal(r.received_packets, TEST_PACKETS);
      assert.equal(r.received_acks, 0);
      assert.ok(r.score() < 100);
    } finally {
      mixnet.gateway.faults.dropAcks = false;
    }
  });
});

describe('full client (NymClient): messages, extended packets, reply SURBs, retransmission', () => {
  // Acks are awaited about ack_wait_multiplier * expected round trip + ack_wait_addition_ms; a quiet
  // period longer than that with no new packet from the client means it retransmitted nothing.
  const ACK_WAIT_ADDITION_MS = 1500;
  const QUIET_MS = 4000;
  let alice;
  let fragments5k;

  before(async () => {
    alice = await startClient(mixnet, 'alice', { acknowledgements: { ack_wait_addition_ms: ACK_WAIT_ADDITION_MS } });
  });

  async function sendToSelf(client, message, timeoutMs = 20_000) {
    const before = client.inbox.length;
    await client.client.send_regular_message(message, client.address);
    assert.ok(await until(() => client.inbox.length > before, timeoutMs), 'message was not reassembled in time');
    return client.inbox[before];
  }

  test('a 5 kB message to itself arrives bit for bit, every packet acked, nothing retransmitted', async (t) => {
    mixnet.gateway.resetCounters();
    const message = pattern(5000, 5);
    const got = await sendToSelf(alice, message);
    assert.ok(got.message.equals(message), 'reassembled message differs');
    await sleep(QUIET_MS);
    const c = mixnet.gateway.counters;
    fragments5k = c.fromClient;
    figures(t, '5 kB to self', { fragments: fragments5k });
    assert.ok(fragments5k >= 3, `a 5 kB message needs several 2 kB packets, saw ${fragments5k}`);
    assert.equal(c.deliveredPackets, fragments5k);
    assert.equal(c.deliveredAcks, fragments5k, 'every packet acknowledged');
    assert.equal(c.sizeTags[2], fragments5k, 'the acks crossed the mixnet as ack-sized (size tag 2) packets');
    assert.equal(c.dropped, 0, c.finalHopErrors.join('; '));
  });

  test('negative control: a flipped bit in one packet makes the client retransmit it', async (t) => {
    assert.ok(fragments5k, 'needs the clean 5 kB run first');
    mixnet.gateway.resetCounters();
    mixnet.gateway.faults.flipBitInForwardedPacket = { nth: 2, at: -100 };
    try {
      const message = pattern(5000, 6);
      const got = await sendToSelf(alice, message, 30_000);
      await sleep(QUIET_MS);
      const c = mixnet.gateway.counters;
      const retransmissions = c.fromClient - fragments5k;
      figures(t, 'flipped bit, 5 kB', { fragments: fragments5k, retransmissions });
      assert.equal(c.flipped, 1);
      assert.equal(c.dropped, 1, 'the tampered packet fails at the last layer');
      assert.ok(retransmissions >= 1, 'the client must resend the lost packet');
      assert.ok(got.message.equals(message), 'and then reassemble the message intact');
    } finally {
      mixnet.gateway.faults.flipBitInForwardedPacket = null;
    }
  });

  test('negative control: withheld acks make the client retransmit', async (t) => {
    assert.ok(fragments5k, 'needs the clean 5 kB run first');
    mixnet.gateway.resetCounters();
    mixnet.gateway.faults.dropAcks = true;
    try {
      const message = pattern(5000, 7);
      const got = await sendToSelf(alice, message);
      assert.ok(got.message.equals(message));
      await until(() => mixnet.gateway.counters.fromClient > fragments5k, QUIET_MS * 2);
      const c = mixnet.gateway.counters;
      figures(t, 'acks withheld, 5 kB', { fragments: fragments5k, retransmissions: c.fromClient - fragments5k });
      assert.equal(c.deliveredAcks, 0);
      assert.ok(c.fromClient > fragments5k, 'no ack, so the client must resend');
    } finally {
      mixnet.gateway.faults.dropAcks = false;
      await sleep(QUIET_MS); // let outstanding retransmissions get their acks before the next scenario
    }
  });

  test('reply SURBs: an anonymous message is answered through a SURB', async (t) => {
    mixnet.gateway.resetCounters();
    const question = pattern(300, 8);
    const before = alice.inbox.length;
    await alice.client.send_anonymous_message(question, alice.address, 5);
    assert.ok(await until(() => alice.inbox.some((m, i) => i >= before && m.message.equals(question)), 20_000), 'anonymous message not received');
    const asked = alice.inbox.slice(before).find((m) => m.message.equals(question));
    const tag = senderTagString(asked.senderTag);
    const answer = pattern(700, 9);
    await alice.client.send_reply(answer, tag);
    assert.ok(await until(() => alice.inbox.some((m, i) => i >= before && m.message.equals(answer)), 20_000), 'reply through the SURB not received');
    const replied = alice.inbox.slice(before).find((m) => m.message.equals(answer));
    assert.equal(replied.senderTag ?? null, null, 'a reply reaches the original sender without a sender tag');
    await sleep(QUIET_MS);
    const c = mixnet.gateway.counters;
    figures(t, 'reply SURB', { senderTag: tag });
    assert.equal(c.dropped, 0, c.finalHopErrors.join('; '));
    assert.equal(c.deliveredAcks, c.fromClient, 'every packet (message with SURBs, reply) acknowledged once, nothing retransmitted');
  });

  test('negative control: a reply to a sender tag that was never issued does not arrive', async (t) => {
    const real = alice.inbox.find((m) => m.senderTag);
    assert.ok(real, 'needs the reply SURB scenario first');
    const forged = bs58decode(senderTagString(real.senderTag));
    forged[0] ^= 1;
    mixnet.gateway.resetCounters();
    const before = alice.inbox.length;
    const answer = pattern(700, 11);
    await alice.client.send_reply(answer, bs58encode(forged)).catch(() => {});
    const arrived = await until(() => alice.inbox.slice(before).some((m) => m.message.equals(answer)), 5_000);
    figures(t, 'reply to forged tag');
    assert.equal(arrived, false, 'without SURBs for that tag nothing can be sent');
    assert.equal(mixnet.gateway.counters.fromClient, 0, 'and the client sends no packet at all');
  });

  test('a 40 kB message in extended 32 kB packets (secondary packet size) arrives bit for bit', async (t) => {
    const bob = await startClient(mixnet, 'bob', { traffic: { use_extended_packet_size: true }, acknowledgements: { ack_wait_addition_ms: ACK_WAIT_ADDITION_MS } });
    mixnet.gateway.resetCounters();
    const message = pattern(40_000, 10);
    const got = await sendToSelf(bob, message, 30_000);
    assert.ok(got.message.equals(message), 'reassembled message differs');
    await sleep(QUIET_MS);
    const c = mixnet.gateway.counters;
    figures(t, '40 kB extended to self');
    assert.ok((c.sentSizeTags[3] ?? 0) >= 2, `expected ExtendedPacket32 (size tag 3) packets, saw ${JSON.stringify(c.sentSizeTags)}`);
    assert.equal(c.dropped, 0, c.finalHopErrors.join('; '));
    assert.equal(c.deliveredAcks, c.fromClient, 'every packet acknowledged, nothing retransmitted');
  });

  test('the masknode nodes forwarded every packet the gateway sent, and counted them', async (t) => {
    await sleep(1000); // let the last acks clear the nodes' delay queues
    const stats = await mixnet.packetStats();
    const received = stats.map((s) => s.ingress_mixing.forward_hop_packets_received);
    const sent = stats.map((s) => s.egress_mixing.forward_hop_packets_sent);
    const malformed = stats.map((s) => s.ingress_mixing.malformed_packets_received + s.ingress_mixing.forward_hop_packets_dropped + s.egress_mixing.forward_hop_packets_dropped);
    t.diagnostic(`per node (layer 1..3) received ${received}, sent ${sent}, malformed or dropped ${malformed}; gateway wrote ${mixnet.gateway.packetsIntoMixnet} packets into the mixnet, ${mixnet.gateway.packetsReplayed} of them replays, ${HEADER_FLIPS} with a flipped header bit`);
    t.diagnostic(`node packets-stats: ${JSON.stringify(stats)}`);
    // Every route here has three mix hops (the node tester may place one node twice), so the nodes together
    // accepted each packet three times and forwarded it; except the copies written twice on purpose and the
    // packet with a flipped header bit, which the first node refused (counted as dropped or malformed,
    // not as received).
    const g = mixnet.gateway;
    const refusedAtFirstHop = g.packetsReplayed + HEADER_FLIPS;
    const refused = stats.map((s) => s.ingress_mixing.forward_hop_packets_dropped + s.ingress_mixing.malformed_packets_received);
    assert.equal(received.reduce((a, b) => a + b), 3 * (g.packetsIntoMixnet - refusedAtFirstHop));
    assert.equal(refused.reduce((a, b) => a + b), refusedAtFirstHop);
    assert.deepEqual(sent, received);
  });

  test('the client asked nym-api nothing the stand-in could not answer', (t) => {
    t.diagnostic(`nym-api requests: ${JSON.stringify([...new Set(mixnet.nymApi.requests)])}`);
    assert.deepEqual(mixnet.nymApi.unanswered, []);
  });

  test('the client connected to nothing outside 127.0.0.1', () => {
    assert.deepEqual(offLoopback, []);
  });

});

describe('Outfox packets (masknode unwraps Outfox, judged by the full client)', () => {
  // Each packet and ack crosses the masknodes twice here (Sphinx, then Outfox), and the first Outfox packets
  // meet cold JITs on a loaded machine: a longer ack wait keeps a late ack from reading as a loss.
  const ACK_WAIT_ADDITION_MS = 4000;
  const QUIET_MS = 5000;
  // A 5000-byte message is 4 packets (common/nymsphinx/chunking: about 1.6 kB of message per 2 kB packet
  // after the SURB-ack, the ephemeral key and the fragment header), as the Sphinx scenarios measure too.
  const FRAGMENTS = 4;
  let carol;
  let fragments;

  test('the 1.4.1 build cannot send Outfox: with use_outfox it traps before any packet leaves', async (t) => {
    mixnet.gateway.resetCounters();
    const probe = spawn(process.execPath, [fileURLToPath(new URL('../lib/outfox-probe.js', import.meta.url)), mixnet.nymApi.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    probe.stdout.on('data', (d) => { out += d; });
    probe.stderr.on('data', (d) => { err += d; });
    const code = await new Promise((r) => probe.on('exit', (c) => r(c)));
    const steps = out.split('\n').filter((l) => l.startsWith('{"step"')).map((l) => JSON.parse(l).step);
    const trap = err.match(/RuntimeError: [^\n]*/)?.[0];
    t.diagnostic(`probe steps ${JSON.stringify(steps)}, exit ${code}, ${trap ?? 'no trap'}; gateway saw ${mixnet.gateway.counters.fromClient} client packets, types ${JSON.stringify(mixnet.gateway.counters.packetTypes)}`);
    assert.deepEqual(steps, ['started', 'sending'], 'the client started and was sending when it stopped; if it delivered, this build sends Outfox: judge it directly (docs/interop.md)');
    assert.notEqual(code, 0);
    assert.equal(trap, 'RuntimeError: unreachable');
    assert.equal(mixnet.gateway.counters.fromClient, 0, 'no packet left the client');
  });

  before(async () => {
    // The gateway carries each Sphinx packet's content around the masknodes once more as Outfox (lib/gateway.js outfoxRelay).
    mixnet.gateway.outfoxRelay = {
      mixes: mixnet.nodes.map((n) => ({ publicRaw: bs58decode(n.sphinxKey), host: '127.0.0.1', port: n.ports.mix })),
      keyRotation: mixnet.nodes[0].rotationId % 2 === 1 ? 1 : 2, // common/nymsphinx/params/src/key_rotation.rs
    };
    carol = await startClient(mixnet, 'carol', { acknowledgements: { ack_wait_addition_ms: ACK_WAIT_ADDITION_MS } });
    // Warm-up (not judged): the nodes' Outfox path and the relay's first packets.
    await carol.client.send_regular_message(pattern(5000, 20), carol.address);
    await until(() => carol.inbox.length > 0, 30_000);
    await sleep(QUIET_MS);
  });
  after(() => { mixnet.gateway.outfoxRelay = null; });

  async function sendToSelf(message, timeoutMs = 20_000) {
    const before = carol.inbox.length;
    await carol.client.send_regular_message(message, carol.address);
    assert.ok(await until(() => carol.inbox.length > before, timeoutMs), 'message was not reassembled in time');
    return carol.inbox[before];
  }

  test('a 5 kB message whose packets and acks cross the masknodes as Outfox arrives bit for bit, all acked, nothing retransmitted', async (t) => {
    mixnet.gateway.resetCounters();
    const before = await mixnet.packetStats();
    const message = pattern(5000, 21);
    const got = await sendToSelf(message);
    assert.ok(got.message.equals(message), 'reassembled message differs');
    await sleep(QUIET_MS);
    const c = mixnet.gateway.counters;
    fragments = c.fromClient;
    const after = await mixnet.packetStats();
    const forwarded = after.map((s, i) => s.egress_mixing.forward_hop_packets_sent - before[i].egress_mixing.forward_hop_packets_sent);
    figures(t, 'Outfox 5 kB to self', { fragments, outfoxBuilt: c.outfoxBuilt, forwardedPerNode: forwarded });
    assert.equal(fragments, FRAGMENTS, 'the client sent each packet once: nothing retransmitted');
    assert.equal(c.outfoxBuilt, 2 * fragments, 'each packet and each ack went around again as Outfox');
    assert.equal(c.sizeTags[6], fragments, 'outfox_regular packets came back through the masknodes');
    assert.equal(c.sizeTags[7], fragments, 'outfox_ack packets came back through the masknodes');
    assert.equal(c.sphinxVersions.outfox, 2 * fragments);
    assert.equal(c.deliveredPackets, fragments);
    assert.equal(c.deliveredAcks, fragments, 'every packet acknowledged');
    assert.equal(c.dropped, 0, c.finalHopErrors.join('; '));
    // Each node forwarded every packet and ack twice: once as Sphinx, once as Outfox.
    assert.deepEqual(forwarded, [4 * fragments, 4 * fragments, 4 * fragments]);
  });

  test('negative control: a flipped bit in one Outfox packet loses that packet, and the client retransmits', async (t) => {
    assert.ok(fragments, 'needs the clean Outfox run first');
    mixnet.gateway.resetCounters();
    mixnet.gateway.faults.flipBitInOutfoxPacket = { nth: 1, at: -100 }; // a payload bit: Lion garbles it all, only the gateway can tell
    try {
      const message = pattern(5000, 22);
      const got = await sendToSelf(message, 30_000);
      await sleep(QUIET_MS);
      const c = mixnet.gateway.counters;
      const retransmissions = c.fromClient - FRAGMENTS;
      figures(t, 'Outfox flipped payload bit, 5 kB', { fragments: FRAGMENTS, retransmissions, outfoxBuilt: c.outfoxBuilt });
      assert.equal(c.flipped, 1);
      assert.equal(c.dropped, 1, 'the tampered packet fails at the last layer');
      assert.match(c.finalHopErrors[0], /outfox: no magic bytes/);
      assert.ok(retransmissions >= 1, 'the client must resend the lost packet');
      assert.ok(got.message.equals(message), 'and then reassemble the message intact');
    } finally {
      mixnet.gateway.faults.flipBitInOutfoxPacket = null;
    }
  });

  test('negative control: a flipped header bit in one Outfox packet is refused by the first masknode', async (t) => {
    assert.ok(fragments, 'needs the clean Outfox run first');
    mixnet.gateway.resetCounters();
    const before = await mixnet.packetStats();
    mixnet.gateway.faults.flipBitInOutfoxPacket = { nth: 1, at: 6 + 60 }; // inside L1's sealed routing
    try {
      const message = pattern(5000, 23);
      const got = await sendToSelf(message, 30_000);
      await sleep(QUIET_MS);
      const after = await mixnet.packetStats();
      const c = mixnet.gateway.counters;
      const refused = after[0].ingress_mixing.malformed_packets_received - before[0].ingress_mixing.malformed_packets_received;
      figures(t, 'Outfox flipped header bit, 5 kB', { fragments: FRAGMENTS, retransmissions: c.fromClient - FRAGMENTS, refusedByFirstNode: refused });
      assert.equal(refused, 1, 'the first masknode refuses it (outfox_bad_tag)');
      assert.equal(c.dropped, 0, 'nothing of it reached the gateway');
      assert.ok(c.fromClient > FRAGMENTS, 'the client must resend the lost packet');
      assert.ok(got.message.equals(message));
    } finally {
      mixnet.gateway.faults.flipBitInOutfoxPacket = null;
    }
  });
});
