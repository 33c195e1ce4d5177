// Runs in its own Node process (test/interop.test.js forks it): a full client with `use_outfox` on sends one
// small message to itself through the stand-in gateway and nym-api given on the command line, printing each
// step as a JSON line. With the 1.4.1 build the send traps inside the wasm ("RuntimeError: unreachable")
// before any packet leaves: that build's nym-sphinx-params has no "outfox" feature, so every Outfox size is 0
// and the client's size arithmetic wraps (docs/interop.md, "Outfox"). Its own process, so the trap cannot
// poison the wasm instance the other scenarios share.
import { startClient, until } from './harness.js';

const step = (s, extra = {}) => process.stdout.write(JSON.stringify({ step: s, ...extra }) + '\n');
const [nymApiUrl] = process.argv.slice(2);
const client = await startClient({ nymApi: { url: nymApiUrl } }, 'outfox-probe', { traffic: { use_outfox: true } });
step('started', { address: client.address });
step('sending');
await client.client.send_regular_message(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), client.address);
const arrived = await until(() => client.inbox.length > 0, 10_000);
step(arrived ? 'delivered' : 'not delivered');
process.exit(0);
