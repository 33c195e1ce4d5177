// Loads Nym's published WASM client (@nymproject/nym-client-wasm) into Node.js. Node 20 lacks the
// browser globals it uses: WebSocket (the gateway connection; from `ws`) and indexedDB (its key and
// gateway store; from `fake-indexeddb`, in memory). Everything else it needs (crypto.getRandomValues,
// fetch, timers, performance) Node provides.
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { WebSocket } from 'ws';

globalThis.WebSocket ??= WebSocket;
const require = createRequire(import.meta.url);
const pkgDir = require.resolve('@nymproject/nym-client-wasm/package.json').replace(/package\.json$/, '');
const nym = await import(`${pkgDir}nym_client_wasm.js`);
await nym.default({ module_or_path: fs.readFileSync(`${pkgDir}nym_client_wasm_bg.wasm`) });

export const nymPackage = JSON.parse(fs.readFileSync(`${pkgDir}package.json`, 'utf8'));
export default nym;
