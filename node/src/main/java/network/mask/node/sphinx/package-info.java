/**
 * The Sphinx engine: Nym-compatible (sphinx-packet 0.6.0, routing versions 258/259) hop
 * processing and packet creation. Pure computation over byte arrays: no Netty, no Helidon,
 * no threads, no I/O. Instances of {@link network.mask.node.sphinx.SphinxProcessor} and
 * {@link network.mask.node.sphinx.SphinxPacketBuilder} hold reusable buffers and are therefore
 * confined to one thread each. The wire format is described in ../shared/nym-sphinx-spec.md.
 */
package network.mask.node.sphinx;
