// Brings up the loopback mixnet once per test file: three masknode mix nodes, the stand-in gateway and
// the nym-api stand-in, and offers small helpers the scenarios share.
import nym from './nym.js';
import { StandInGateway } from './gateway.js';
import { NymApiStandIn } from './nym-api.js';
import { startNode, topology } from './mixnet.js';

export { nym };

export async function startMixnet() {
  const gateway = await new StandInGateway({ log: (m) => process.env.NYM_INTEROP_DEBUG && console.error(m) }).start();
  const nodes = await Promise.all([1, 2, 3].map((layer) => startNode(layer)));
  const nymApi = await new NymApiStandIn(nodes, gateway).start();
  return { ...running(gateway, nodes, nymApi), topology: () => topology(nodes, gateway) };
}

/**
 * The same loopback mixnet, but on a network clock: the nym-api stand-in ticks epochs of `epochMs`
 * (rotations of `validityEpochs` epochs) and the three masknode nodes follow it through
 * `[network] nym_api_urls`, rotating their Sphinx keys on its schedule.
 */
export async function startRotatingMixnet(clock) {
  const gateway = await new StandInGateway({ log: (m) => process.env.NYM_INTEROP_DEBUG && console.error(m) }).start();
  const nodes = [];
  const nymApi = await new NymApiStandIn(nodes, gateway, { clock }).start();
  nodes.push(...await Promise.all([1, 2, 3].map((layer) => startNode(layer, { nymApiUrl: nymApi.url }))));
  return running(gateway, nodes, nymApi);
}

/** What both mixnets hand the tests: their parts, the nodes' own packet counters, and one stop. */
function running(gateway, nodes, nymApi) {
  return {
    gateway, nodes, nymApi,
    /** Per node: the nym-node packets-stats JSON the node serves (what the node itself counted). */
    async packetStats() {
      return Promise.all(nodes.map(async (n) => (await fetch(`http://127.0.0.1:${n.ports.api}/api/v1/metrics/packets-stats`)).json()));
    },
    async stop() {
      await Promise.allSettled(nodes.map((n) => n.stop()));
      await gateway.stop().catch(() => {});
      await nymApi.stop().catch(() => {});
    },
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function until(fn, timeoutMs, stepMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fn()) return true;
    await sleep(stepMs);
  }
  return fn();
}

/** DebugWasm with cover traffic off, optionally changed by `edit(debug)` section by section. */
export function debugConfig(edit = {}) {
  const debug = nym.no_cover_debug();
  for (const [section, values] of Object.entries(edit)) {
    const part = debug[section];
    Object.assign(part, values);
    debug[section] = part;
  }
  return debug;
}

/** A full Nym client (NymClient.newWithConfig) whose nym-api is the stand-in; messages land in `inbox`. */
export async function startClient(mixnet, id, edit) {
  const inbox = [];
  const config = new nym.ClientConfig({ id, nymApi: mixnet.nymApi.url, debug: debugConfig(edit) });
  const client = await nym.NymClient.newWithConfig(config, (message, senderTag) => inbox.push({ message: Buffer.from(message), senderTag, at: Date.now() }), {});
  return { client, inbox, address: client.selfAddress() };
}

export function pattern(length, seed) {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; out[i] = x & 0xff; }
  return out;
}
