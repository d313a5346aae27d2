package io.hybridllm.worker.cloud.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    static final byte[] MASTER = Base64.getDecoder().decode(StoredKeys.MASTER_KEY);
    private static final String SECRET = "sk-proj-round-trip-5150";
    private final CredentialCipher cipher = new CredentialCipher(MasterKey.of("mk-test", MASTER));

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }

    @Test
    void aSealedKeyOpensUnderItsOwnNameAndHoldsNoTraceOfTheValue() {
        CredentialCipher.Sealed sealed = cipher.seal("openai", "key-1", SECRET);
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.masterKeyId()).isEqualTo("mk-test");
        // Value plus the 16-byte tag, and not the value in clear.
        assertThat(sealed.ciphertext()).hasSize(SECRET.length() + 16);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("round-trip");
        assertThat(cipher.open("openai", "key-1", sealed)).isEqualTo(SECRET);

        // A fresh nonce each time: the same key never seals to the same bytes.
        CredentialCipher.Sealed again = cipher.seal("openai", "key-1", SECRET);
        assertThat(again.nonce()).isNotEqualTo(sealed.nonce());
        assertThat(again.ciphertext()).isNotEqualTo(sealed.ciphertext());
    }

    @Test
    void anAlteredOrMovedRowDoesNotOpenAndTheMessageNamesOnlyTheKey() {
        CredentialCipher.Sealed sealed = cipher.seal("openai", "key-1", SECRET);
        byte[] flipped = sealed.ciphertext().clone();
        flipped[3] ^= 1;
        byte[] otherNonce = sealed.nonce().clone();
        otherNonce[0] ^= 1;
        for (Runnable tampered : new Runnable[] {
                () -> cipher.open("openai", "key-1",
                        new CredentialCipher.Sealed(sealed.nonce(), flipped, sealed.masterKeyId())),
                () -> cipher.open("openai", "key-1",
                        new CredentialCipher.Sealed(otherNonce, sealed.ciphertext(), sealed.masterKeyId())),
                () -> cipher.open("openai", "key-2", sealed), () -> cipher.open("anthropic", "key-1", sealed),
                () -> cipher.open("openai", "key-1", new CredentialCipher.Sealed(sealed.nonce(),
                        Arrays.copyOf(sealed.ciphertext(), 8), sealed.masterKeyId())) }) {
            assertThatThrownBy(tampered::run).isInstanceOf(UnreadableCredentialException.class)
                    .hasMessageContaining("store:").hasMessageNotContaining(SECRET).hasMessageNotContaining("round");
        }
        assertThatThrownBy(() -> cipher.open("openai", "key-2", sealed))
                .hasMessage("store:openai/key-2 does not open with master key mk-test: the row was altered or copied "
                        + "from another provider or name");
    }

    @Test
    void aKeySealedUnderAnotherMasterKeyFailsNamingBothIds() {
        CredentialCipher.Sealed sealed = cipher.seal("openai", "key-1", SECRET);
        CredentialCipher rotated = new CredentialCipher(MasterKey.of("mk-next", bytes(32, 9)));
        assertThatThrownBy(() -> rotated.open("openai", "key-1", sealed))
                .hasMessage("store:openai/key-1 was sealed with master key mk-test, but this worker holds master key "
                        + "mk-next: start it with that master key, or put the key again");
        // The same id with other bytes is caught by the tag.
        CredentialCipher impostor = new CredentialCipher(MasterKey.of("mk-test", bytes(32, 9)));
        assertThatThrownBy(() -> impostor.open("openai", "key-1", sealed))
                .isInstanceOf(UnreadableCredentialException.class).hasMessageContaining("does not open");
    }
}
