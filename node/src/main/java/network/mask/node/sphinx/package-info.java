/**
 * The Sphinx engine: Nym-compatible (sphinx-packet 0.6.0, routing versions 258/259; unknown
 * versions use seed-derived payload keys) hop processing and packet creation. Pure computation
 * over byte arrays: no Netty, no Helidon, no threads, no I/O (apart from the crypto choice's
 * cache file, written through {@code AtomicFiles}).
 *
 * <p>Entry point: {@link network.mask.node.sphinx.SphinxEngines#select} picks the crypto backends
 * once at start-up; {@link network.mask.node.sphinx.SphinxEngines#processor()} and
 * {@link network.mask.node.sphinx.SphinxEngines#builder()} then hand out instances that hold
 * reusable buffers and per-thread crypto objects, so each is confined to one thread.
 * {@link network.mask.node.sphinx.SphinxProcessor#process} rewrites a forwarded packet in place.
 * The wire format is described in ../shared/nym-sphinx-spec.md.
 */
package network.mask.node.sphinx;
