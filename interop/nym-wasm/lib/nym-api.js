// A minimal nym-api stand-in for the WASM client's start-up and topology refreshes, answering JSON
// (the client asks for `output=bincode` but decodes by Content-Type: common/http-api-client/src/lib.rs
// decode_raw_response). Shapes follow, at the npm client's commit b4046a8969:
//  - nym-api/nym-api-requests/src/nym_nodes.rs: PaginatedCachedNodesResponseV2 {metadata, nodes: {pagination, data}},
//    NodesResponseMetadata {status, absolute_epoch_id, rotation_id, refreshed_at}, SkimmedNode, NodeRole, BasicEntryInformation
//  - nym-api/nym-api-requests/src/models/described.rs: DeclaredRoles; models/mixnet.rs: RewardedSetResponse
//  - nym-api/nym-api-requests/src/models/mixnet.rs: KeyRotationInfoResponse (flattened KeyRotationDetails + progress),
//    common/cosmwasm-smart-contracts/mixnet-contract/src/key_rotation.rs: rotation id = (epoch - initial) / validity
//  - common/client-libs/validator-client/src/nym_api/mod.rs + routes.rs: the paths.
//  - nym-api/nym-api-requests/src/nym_nodes.rs SemiSkimmedNode {basic: SkimmedNode, x25519_noise_versioned_key}:
//    the list the masknode nodes read (as node/.../nymapistandin/StandInJson.java semiSkimmedNode writes it).
// Every request is recorded, so a test can show the client asked nothing else (and nothing outside 127.0.0.1).
//
// Two modes. Fixed (no `clock`): one rotation, the one the nodes reported at start. Clocked
// (`clock: {epochMs, validityEpochs}`): epochs tick on the wall clock from the stand-in's start, the nodes
// (pointed here by `[network] nym_api_urls`) read the schedule from key-rotation-info and rotate on it, and
// the stand-in re-reads each node's /api/v1/host-information often (every `pollMs`, far more often than
// once per epoch, so it never misses a pre-announced key) and serves each node's key for the current
// rotation: its primary, or its pre-announced key once that key's rotation is current, as nym-api does
// (nym-api/nym-api-requests/src/models/described/v2.rs current_sphinx_key; it falls back to the primary,
// counted here in `missingKeys`). Keys of past rotations are remembered only for the frozen-keys control.
// Negative controls: `faults.rotationIdOffset` serves the client a wrong rotation id (with the right keys);
// `faults.frozenRotation` keeps serving the client that rotation's id and keys while the nodes move on.
import http from 'node:http';

const VALIDITY_EPOCHS = 24;

export class NymApiStandIn {
  constructor(nodes, gateway, { clock = null, pollMs = 200 } = {}) {
    this.nodes = nodes;
    this.gateway = gateway;
    this.clock = clock;
    this.pollMs = pollMs;
    this.requests = [];
    this.unanswered = [];
    this.faults = { rotationIdOffset: 0, frozenRotation: null };
    this.keysByNode = new Map(); // node api port -> Map(rotation id -> x25519 key, base58), from host-information
    this.missingKeys = 0; // times a node's key for the current rotation was not known yet (served its primary)
  }

  /** Clocked mode: the absolute epoch id now. Starts at one rotation in, so the first rotation id is 1. */
  epochAt(now = Date.now()) { return this.clock.validityEpochs + Math.floor((now - this.t0) / this.clock.epochMs); }
  rotationAt(now = Date.now()) { return this.clock ? Math.floor(this.epochAt(now) / this.clock.validityEpochs) : this.nodes[0].rotationId; }
  /** Clocked mode: when rotation `r` starts (ms since 1970). */
  rotationStart(r) { return this.t0 + (r - 1) * this.clock.validityEpochs * this.clock.epochMs; }
  /** The rotation whose keys and id the client is served (the current one unless a control froze it). */
  clientRotation() { return this.faults.frozenRotation ?? this.rotationAt(); }

  /** The node's Sphinx key for the rotation the network is in (as the client is told it). */
  sphinxKeyOf(n, rotation = this.clientRotation()) {
    if (!this.clock) return n.sphinxKey;
    const key = this.keysByNode.get(n.ports.api)?.get(rotation);
    if (key) return key;
    this.missingKeys++;
    return n.sphinxKey;
  }

  async pollHostInformation() {
    await Promise.all(this.nodes.map(async (n) => {
      try {
        const info = await (await fetch(`http://127.0.0.1:${n.ports.api}/api/v1/host-information`)).json();
        const keys = this.keysByNode.get(n.ports.api) ?? new Map();
        this.keysByNode.set(n.ports.api, keys);
        for (const k of [info.data.keys.primary_x25519_sphinx_key, info.data.keys.pre_announced_x25519_sphinx_key]) {
          if (k) keys.set(k.rotation_id, k.public_key);
        }
        const primary = info.data.keys.primary_x25519_sphinx_key;
        if (primary) { n.sphinxKey = primary.public_key; n.rotationId = primary.rotation_id; }
      } catch { /* a node still starting, or stopped */ }
    }));
  }

  skimmed(rotation) {
    const mixes = this.nodes.map((n, i) => ({
      node_id: i + 1, ed25519_identity_pubkey: n.identityKey, ip_addresses: ['127.0.0.1'], mix_port: n.ports.mix,
      x25519_sphinx_pubkey: this.sphinxKeyOf(n, rotation), role: { Mixnode: { layer: n.layer } },
      supported_roles: { mixnode: true, entry: false, exit_nr: false, exit_ipr: false }, entry: null, performance: '1',
    }));
    const g = this.gateway;
    const gateway = {
      node_id: 100, ed25519_identity_pubkey: g.identityKey, ip_addresses: ['127.0.0.1'], mix_port: g.mixPort,
      x25519_sphinx_pubkey: g.sphinxKey, role: 'EntryGateway',
      supported_roles: { mixnode: false, entry: true, exit_nr: true, exit_ipr: true },
      entry: { hostname: null, ws_port: g.clientsPort, wss_port: null }, performance: '1',
    };
    return { mixes, gateway };
  }

  // Fixed mode: epochs chosen so that the rotation id the nodes report is the current one.
  get epoch() { return this.clock ? this.epochAt() : this.nodes[0].rotationId * VALIDITY_EPOCHS; }

  keyRotationInfo() {
    if (this.clock) {
      const now = Date.now();
      const epoch = this.epochAt(now);
      const validity = this.clock.validityEpochs;
      const rotation = Math.floor(epoch / validity);
      const start = this.t0 + (epoch - validity) * this.clock.epochMs;
      return {
        key_rotation_state: { validity_epochs: validity, initial_epoch_id: 0 },
        current_absolute_epoch_id: epoch,
        current_epoch_start: new Date(start).toISOString(),
        epoch_duration: { secs: Math.floor(this.clock.epochMs / 1000), nanos: (this.clock.epochMs % 1000) * 1_000_000 },
        progress: { current_key_rotation_id: rotation, current_rotation_starting_epoch: rotation * validity, current_rotation_ending_epoch: rotation * validity + validity - 1 },
      };
    }
    const rotation = this.nodes[0].rotationId;
    return {
      key_rotation_state: { validity_epochs: VALIDITY_EPOCHS, initial_epoch_id: 0 },
      current_absolute_epoch_id: this.epoch,
      current_epoch_start: new Date(Date.now() - 60_000).toISOString(),
      epoch_duration: { secs: 3600, nanos: 0 },
      progress: { current_key_rotation_id: rotation, current_rotation_starting_epoch: this.epoch, current_rotation_ending_epoch: this.epoch + VALIDITY_EPOCHS - 1 },
    };
  }

  page(data, { forClient = true } = {}) {
    const rotation = forClient ? this.clientRotation() + this.faults.rotationIdOffset : this.rotationAt();
    return {
      metadata: { status: null, absolute_epoch_id: this.epoch, rotation_id: rotation, refreshed_at: new Date().toISOString() },
      nodes: { pagination: { total: data.length, page: 0, size: data.length }, data },
    };
  }

  answer(pathname) {
    const { mixes, gateway } = this.skimmed();
    const p = pathname.replace(/^\/api/, '').replace(/\/$/, '');
    if (p === '/v1/nym-nodes/rewarded-set') {
      return { epoch_id: this.epoch, entry_gateways: [100], exit_gateways: [100], layer1: [1], layer2: [2], layer3: [3], standby: [] };
    }
    if (p === '/v1/epoch/key-rotation-info') return this.keyRotationInfo();
    // The masknode nodes' list (NymApiClient.semiSkimmedNodes); one page holds every node.
    if (p === '/v2/unstable/nym-nodes/semi-skimmed') {
      const current = this.skimmed(this.rotationAt());
      return this.page([...current.mixes, current.gateway].map((basic) => ({ basic, x25519_noise_versioned_key: null })), { forClient: false });
    }
    const m = p.match(/^\/v[12]\/unstable\/nym-nodes\/skimmed(\/.*)?$/);
    if (!m) return null;
    switch (m[1] ?? '') {
      case '/entry-gateways': case '/entry-gateways/all': return this.page([gateway]);
      case '/exit-gateways': case '/exit-gateways/all': return this.page([gateway]);
      case '/mixnodes/active': case '/mixnodes/all': case '/mixnodes': return this.page(mixes);
      case '': case '/active': case '/all': return this.page([...mixes, gateway]);
      default: return null;
    }
  }

  async start() {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://127.0.0.1');
      // The masknode nodes (user agent "mask-node", NetworkWiring) ask routes of their own; only the
      // client's requests are held against the stand-in.
      const fromNode = String(req.headers['user-agent'] ?? '').startsWith('mask-node');
      (fromNode ? (this.nodeRequests ??= []) : this.requests).push(`${req.method} ${url.pathname}${url.search}`);
      const body = this.answer(url.pathname);
      if (!body) {
        if (!fromNode) this.unanswered.push(url.pathname);
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'not in the stand-in' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    this.t0 = Date.now();
    if (this.clock) {
      const poll = async () => { await this.pollHostInformation(); if (this.server.listening) this.pollTimer = setTimeout(poll, this.pollMs); };
      this.pollTimer = setTimeout(poll, this.pollMs);
    }
    await new Promise((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${this.server.address().port}/api`;
    return this;
  }

  async stop() { clearTimeout(this.pollTimer); await new Promise((r) => this.server.close(r)); this.server.closeAllConnections?.(); }
}
