// The stand-in gateway's final Sphinx layer is checked against the repository's cross-implementation
// vectors before any scenario trusts it: a wrong unwrap would read as a node failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { processFinalHop } from '../lib/sphinx-final-hop.js';
import { REPO } from '../lib/mixnet.js';

for (const file of ['forward_v258.json', 'forward_v259.json']) {
  const { cases } = JSON.parse(fs.readFileSync(path.join(REPO, 'vectors', file), 'utf8'));
  for (const c of cases) {
    const last = c.hops.length - 1;
    if (c.hops[last].result !== 'final') continue;
    test(`final hop of ${file} ${c.name}`, () => {
      const input = Buffer.from(last === 0 ? c.packet_hex : c.hops[last - 1].output_packet_hex, 'hex');
      const key = Buffer.from(c.route[last].private_key_hex, 'hex');
      const r = processFinalHop(input, key);
      assert.equal(r.error, undefined);
      assert.equal(r.plaintext.toString('hex'), c.message_hex);
      assert.equal(r.destination.toString('hex'), c.destination.address_hex);
      const tampered = Buffer.from(input);
      tampered[tampered.length - 1] ^= 1;
      assert.match(processFinalHop(tampered, key).error, /padding|zero/);
    });
  }
}
