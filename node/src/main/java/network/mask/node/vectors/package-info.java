/**
 * Checks Sphinx test-vector files (the schema of vectors/README.md) against the
 * engine: forward files hop by hop and sender side, tampered files against their expected
 * rejections, primitives files per building block. Used by {@code masknode vectors}.
 */
package network.mask.node.vectors;
