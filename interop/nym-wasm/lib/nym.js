// Loads Nym's published WASM client (@nymproject/nym-client-wasm) into Node.js. Node 20 lacks the
// browser globals it uses: WebSocket (the gateway connection; from `ws`) and indexedDB (its key and
// gateway store; from `fake-indexeddb`, in memory). Everything else it needs (crypto.getRandomValues,
// fetch, timers, performance) Node provides.
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { WebSocket } from 'ws';
import { bs58encode, bs58decode } from './keys.js';

// A browser reports an exception thrown by an event listener and carries on; Node's EventEmitter would
// crash the process instead. The client's wasm-bindgen closures throw "closure invoked recursively or
// after being dropped" when a socket it has already let go of reports its close, so listeners are
// wrapped here to behave as in a browser.
const wrapped = new WeakMap();
function browserLike(fn) {
  if (typeof fn !== 'function') return fn;
  if (!wrapped.has(fn)) {
    wrapped.set(fn, function (...args) {
      try { return fn.apply(this, args); } catch (e) { if (process.env.NYM_INTEROP_DEBUG) console.error('websocket listener threw:', e.message); }
    });
  }
  return wrapped.get(fn);
}
class BrowserLikeWebSocket extends WebSocket {
  addEventListener(type, fn, opts) { return super.addEventListener(type, browserLike(fn), opts); }
  removeEventListener(type, fn) { return super.removeEventListener(type, wrapped.get(fn) ?? fn); }
}
for (const name of ['onopen', 'onmessage', 'onclose', 'onerror']) {
  const base = Object.getOwnPropertyDescriptor(WebSocket.prototype, name);
  Object.defineProperty(BrowserLikeWebSocket.prototype, name, {
    configurable: true, get() { return base.get.call(this); }, set(fn) { base.set.call(this, browserLike(fn)); },
  });
}
globalThis.WebSocket = BrowserLikeWebSocket;

// Every connection the client makes must stay on this machine: anything else is refused and recorded,
// and a test asserts the record is empty.
export const offLoopback = [];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
function confined(url) {
  const u = new URL(String(url instanceof Request ? url.url : url));
  if (LOOPBACK.has(u.hostname)) return true;
  offLoopback.push(u.href);
  return false;
}
const loopbackFetch = globalThis.fetch;
globalThis.fetch = (input, init) => (confined(input) ? loopbackFetch(input, init) : Promise.reject(new TypeError(`interop: ${input} is not on loopback`)));
class LoopbackWebSocket extends BrowserLikeWebSocket {
  constructor(url, ...rest) {
    if (!confined(url)) throw new DOMException(`interop: ${url} is not on loopback`, 'SecurityError');
    super(url, ...rest);
  }
}
globalThis.WebSocket = LoopbackWebSocket;
const require = createRequire(import.meta.url);
const pkgDir = require.resolve('@nymproject/nym-client-wasm/package.json').replace(/package\.json$/, '');
const nym = await import(`${pkgDir}nym_client_wasm.js`);
export const wasmPath = `${pkgDir}nym_client_wasm_bg.wasm`;
export const wasm = await nym.default({ module_or_path: fs.readFileSync(wasmPath) });

export const nymPackage = JSON.parse(fs.readFileSync(`${pkgDir}package.json`, 'utf8'));
export default nym;

/**
 * The base58 form of an AnonymousSenderTag the client handed to on_message. 1.4.1 passes the tag to
 * JavaScript as an opaque wasm-bindgen object (wasm/client/src/response_pusher.rs) with no accessor,
 * while send_reply wants the base58 string (common/wasm/client-core/src/helpers.rs parse_sender_tag).
 * The object points at wasm-bindgen's cell: a 4-byte borrow flag, then the 16-byte tag. A wrong read
 * cannot pass unnoticed: a reply to a tag the client never issued has no SURBs and never arrives.
 */
export function senderTagString(tag) {
  if (!tag || !tag.__wbg_ptr) throw new Error('no sender tag');
  return bs58encode(Buffer.from(wasm.memory.buffer, tag.__wbg_ptr + 4, 16));
}
