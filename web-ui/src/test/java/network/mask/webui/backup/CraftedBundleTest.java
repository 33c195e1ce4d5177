package network.mask.webui.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import network.mask.webui.security.PasswordHasher;
import org.junit.jupiter.api.Test;

/** D11: a correctly encrypted backup with a hostile bundle gets a typed error, never an allocation of its claims. */
class CraftedBundleTest {

    private static final PasswordHasher.Cost CHEAP = new PasswordHasher.Cost(64, 1, 1);
    private static final String PHRASE = "a good passphrase";
    private final BackupCipher cipher = new BackupCipher(CHEAP);

    private BackupException.Kind refusal(byte[] plain) {
        byte[] file = CraftedBackups.sealed(plain, PHRASE, CHEAP);
        return assertThrows(BackupException.class, () -> cipher.decrypt(file, PHRASE)).kind();
    }

    @Test
    void manyEntriesAreRefusedBeforeAnyIsRead() {
        assertEquals(BackupException.Kind.DAMAGED, refusal(CraftedBackups.bundle(1_000_000)));
        assertEquals(BackupException.Kind.DAMAGED, refusal(CraftedBackups.bundle(BundleCodec.MAX_FILES + 1)));
    }

    @Test
    void anEntryClaimingGigabytesIsRefusedWithoutAllocatingThem() {
        assertEquals(BackupException.Kind.DAMAGED, refusal(CraftedBackups.bundle(1,
                new CraftedBackups.Entry("keys/identity.pem", Integer.MAX_VALUE, new byte[16]))));
    }

    @Test
    void anEntryLargerThanTheNodeKeepsIsRefused() {
        assertEquals(BackupException.Kind.DAMAGED, refusal(CraftedBackups.bundle(1,
                CraftedBackups.Entry.of("keys/identity.pem", new byte[BundleCodec.MAX_ENTRY + 1]))));
    }

    @Test
    void aFileLargerThanAnyBackupIsRefusedBeforeTheKeyIsDerived() {
        byte[] huge = new byte[BackupCipher.MAX_FILE + 1];
        assertEquals(BackupException.Kind.TOO_LARGE, assertThrows(BackupException.class, () -> cipher.decrypt(huge, PHRASE)).kind());
    }

    @Test
    void aHeaderAskingFor256MiBIsRefusedBeforeTheKeyIsDerived() {
        byte[] file = cipher.encrypt(java.util.Map.of("a", new byte[] {1}), PHRASE);
        BackupException e = assertThrows(BackupException.class,
                () -> cipher.decrypt(CraftedBackups.withHeaderCost(file, 256 * 1024, 1, 1), PHRASE));
        assertEquals(BackupException.Kind.TOO_COSTLY, e.kind());
    }
}
