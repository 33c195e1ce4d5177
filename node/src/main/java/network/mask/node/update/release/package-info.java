/**
 * The release tool ({@code masknode release ...}, {@code scripts/release.sh}): throw-away or real
 * minisign keys, the update bundle, the signed release feed. Runs on the releaser's machine (and
 * in tests); the box only verifies.
 */
package network.mask.node.update.release;
