package network.mask.node.setuppage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import network.mask.node.storage.AtomicFiles;
import network.mask.webui.spi.TlsMaterialStore;

/** The setup page's own TLS key (0600) and self-signed certificate, as DER files in the data directory. */
public final class FileTlsMaterialStore implements TlsMaterialStore {

    private final Path keyFile;
    private final Path certificateFile;

    public FileTlsMaterialStore(Path keyFile, Path certificateFile) {
        this.keyFile = keyFile;
        this.certificateFile = certificateFile;
    }

    @Override
    public Optional<TlsMaterial> load() throws IOException {
        if (!Files.isRegularFile(keyFile) || !Files.isRegularFile(certificateFile)) return Optional.empty();
        return Optional.of(new TlsMaterial(Files.readAllBytes(keyFile), Files.readAllBytes(certificateFile)));
    }

    @Override
    public void store(TlsMaterial material) throws IOException {
        Files.createDirectories(keyFile.getParent());
        // Certificate first: a key without its certificate is reloaded as "missing" and both are made anew.
        AtomicFiles.write(certificateFile, material.certificateDer(), AtomicFiles.OWNER_WRITE);
        AtomicFiles.writeSecret(keyFile, material.privateKeyPkcs8());
    }
}
