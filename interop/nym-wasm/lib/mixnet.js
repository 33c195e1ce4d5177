// Three real `masknode run --dev` processes on loopback, one per mix layer, as the README starts a node
// (and as node/src/main/java/network/mask/node/localnet/NodeProcess.java does for the local mixnet).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Nodes still running when this process ends (a crash, a cancelled run) are killed with it: a mix
// node must not outlive the harness that started it.
const running = new Set();
process.on('exit', () => { for (const p of running) p.kill('SIGKILL'); });
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

export const REPO = path.resolve(new URL('../../..', import.meta.url).pathname);

async function freePort() {
  const s = net.createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

async function waitFor(fn, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try { const v = await fn(); if (v) return v; } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms${last ? `: ${last.message}` : ''}`);
}

/**
 * With `nymApiUrl` the node follows that nym-api (ConfigSchema [network]: nym_api_urls, topology_refresh at
 * its 1 s minimum): it reads the key-rotation schedule there and its rotation controller pre-announces,
 * swaps and purges Sphinx keys on it. Written to <data>/masknode.toml, which `run` reads by default.
 */
export async function startNode(layer, { masknode = path.join(REPO, 'masknode'), nymApiUrl = null } = {}) {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), `masknode-interop-l${layer}-`));
  const ports = { mix: await freePort(), api: await freePort(), admin: await freePort() };
  if (nymApiUrl) {
    fs.writeFileSync(path.join(data, 'masknode.toml'),
      `[network]\nnym_api_urls = "${nymApiUrl}/"\ntopology_refresh = "1s"\nunknown_node_lookup = "1s"\n`);
  }
  const logPath = path.join(data, 'node.log');
  const logFd = fs.openSync(logPath, 'a');
  const proc = spawn(masknode, ['run', '--dev', '--data', data, '--mix-port', String(ports.mix),
    '--api-port', String(ports.api), '--admin-port', String(ports.admin)], { stdio: ['ignore', logFd, logFd] });
  let exited = null;
  running.add(proc);
  proc.on('exit', (code, signal) => { exited = { code, signal }; running.delete(proc); });
  const info = await waitFor(async () => {
    if (exited) throw new Error(`masknode exited ${JSON.stringify(exited)}; log ${logPath}`);
    const r = await fetch(`http://127.0.0.1:${ports.api}/api/v1/host-information`);
    return r.ok ? r.json() : null;
  }, `masknode layer ${layer} (log ${logPath})`, 90_000);
  return {
    layer, data, ports, logPath, proc,
    identityKey: info.data.keys.ed25519_identity,
    sphinxKey: info.data.keys.primary_x25519_sphinx_key?.public_key ?? info.data.keys.x25519_sphinx,
    rotationId: info.data.keys.primary_x25519_sphinx_key?.rotation_id ?? 0,
    async metrics() { return (await fetch(`http://127.0.0.1:${ports.api}/metrics`)).text(); },
    async stop() {
      if (!exited) {
        proc.kill('SIGTERM');
        await waitFor(() => exited, `masknode layer ${layer} exit`, 15_000).catch(() => proc.kill('SIGKILL'));
      }
      fs.closeSync(logFd);
      if (!process.env.NYM_INTEROP_KEEP) fs.rmSync(data, { recursive: true, force: true });
    },
  };
}

/**
 * The WasmFriendlyNymTopology the client takes instead of asking nym-api
 * (common/topology/src/wasm_helpers.rs, node.rs, rewarded_set.rs, lib.rs NymTopologyMetadata).
 */
export function topology(nodes, gateway) {
  const nodeDetails = new Map();
  const rewardedSet = { epoch_id: 1, entry_gateways: [], exit_gateways: [], layer1: [], layer2: [], layer3: [], standby: [] };
  nodes.forEach((n, i) => {
    const id = i + 1;
    nodeDetails.set(id, {
      nodeId: id, mixHost: `127.0.0.1:${n.ports.mix}`, entry: undefined,
      identityKey: n.identityKey, sphinxKey: n.sphinxKey,
      supportedRoles: { mixnode: true, mixnet_entry: false, mixnet_exit: false },
    });
    rewardedSet[`layer${n.layer}`].push(id);
  });
  const gatewayId = 100;
  nodeDetails.set(gatewayId, {
    nodeId: gatewayId, mixHost: `127.0.0.1:${gateway.mixPort}`,
    entry: { ip_addresses: ['127.0.0.1'], clients_ws_port: gateway.clientsPort, hostname: null, clients_wss_port: null },
    identityKey: gateway.identityKey, sphinxKey: gateway.sphinxKey,
    supportedRoles: { mixnode: false, mixnet_entry: true, mixnet_exit: true },
  });
  rewardedSet.entry_gateways.push(gatewayId);
  rewardedSet.exit_gateways.push(gatewayId);
  return {
    metadata: { key_rotation_id: nodes[0].rotationId, absolute_epoch_id: 1, refreshed_at: new Date().toISOString() },
    rewardedSet,
    nodeDetails,
  };
}
