// A minimal nym-api stand-in for the WASM client's start-up and topology refreshes, answering JSON
// (the client asks for `output=bincode` but decodes by Content-Type: common/http-api-client/src/lib.rs
// decode_raw_response). Shapes follow, at the npm client's commit b4046a8969:
//  - nym-api/nym-api-requests/src/nym_nodes.rs: PaginatedCachedNodesResponseV2 {metadata, nodes: {pagination, data}},
//    NodesResponseMetadata {status, absolute_epoch_id, rotation_id, refreshed_at}, SkimmedNode, NodeRole, BasicEntryInformation
//  - nym-api/nym-api-requests/src/models/described.rs: DeclaredRoles; models/mixnet.rs: RewardedSetResponse
//  - nym-api/nym-api-requests/src/models/mixnet.rs: KeyRotationInfoResponse (flattened KeyRotationDetails + progress),
//    common/cosmwasm-smart-contracts/mixnet-contract/src/key_rotation.rs: rotation id = (epoch - initial) / validity
//  - common/client-libs/validator-client/src/nym_api/mod.rs + routes.rs: the paths.
// Every request is recorded, so a test can show the client asked nothing else (and nothing outside 127.0.0.1).
import http from 'node:http';

const VALIDITY_EPOCHS = 24;

export class NymApiStandIn {
  constructor(nodes, gateway) {
    this.nodes = nodes;
    this.gateway = gateway;
    this.requests = [];
    this.unanswered = [];
  }

  skimmed() {
    const mixes = this.nodes.map((n, i) => ({
      node_id: i + 1, ed25519_identity_pubkey: n.identityKey, ip_addresses: ['127.0.0.1'], mix_port: n.ports.mix,
      x25519_sphinx_pubkey: n.sphinxKey, role: { Mixnode: { layer: n.layer } },
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

  // Epochs chosen so that the rotation id the nodes report is the current one.
  get epoch() { return this.nodes[0].rotationId * VALIDITY_EPOCHS; }

  keyRotationInfo() {
    const rotation = this.nodes[0].rotationId;
    return {
      key_rotation_state: { validity_epochs: VALIDITY_EPOCHS, initial_epoch_id: 0 },
      current_absolute_epoch_id: this.epoch,
      current_epoch_start: new Date(Date.now() - 60_000).toISOString(),
      epoch_duration: { secs: 3600, nanos: 0 },
      progress: { current_key_rotation_id: rotation, current_rotation_starting_epoch: this.epoch, current_rotation_ending_epoch: this.epoch + VALIDITY_EPOCHS - 1 },
    };
  }

  page(data) {
    return {
      metadata: { status: null, absolute_epoch_id: this.epoch, rotation_id: this.nodes[0].rotationId, refreshed_at: new Date().toISOString() },
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
      this.requests.push(`${req.method} ${url.pathname}${url.search}`);
      const body = this.answer(url.pathname);
      if (!body) {
        this.unanswered.push(url.pathname);
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'not in the stand-in' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${this.server.address().port}/api`;
    return this;
  }

  async stop() { await new Promise((r) => this.server.close(r)); this.server.closeAllConnections?.(); }
}
