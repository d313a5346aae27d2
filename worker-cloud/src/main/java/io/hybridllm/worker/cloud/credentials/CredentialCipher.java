package io.hybridllm.worker.cloud.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for stored provider keys: a fresh 12-byte random nonce per seal, a 128-bit tag, and the provider and key
 * name as associated data, so that a row copied under another name or provider does not open.
 */
public final class CredentialCipher {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey master;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(MasterKey master) {
        this.master = master;
    }

    /** A secret as stored: nonce, ciphertext with its tag, and the id of the master key that sealed it. */
    public record Sealed(byte[] nonce, byte[] ciphertext, String masterKeyId) {
    }

    public String masterKeyId() {
        return master.id();
    }

    public Sealed seal(String provider, String name, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, provider, name);
            return new Sealed(nonce, cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)), master.id());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal " + StoredKeyId.of(provider, name), e);
        }
    }

    /** The secret sealed for {@code provider}'s key {@code name}; fails, naming the key only, if it does not open. */
    public String open(String provider, String name, Sealed sealed) {
        String id = StoredKeyId.of(provider, name);
        if (!master.id().equals(sealed.masterKeyId())) {
            throw new UnreadableCredentialException(
                    id + " was sealed with master key " + sealed.masterKeyId() + ", but this worker holds master key "
                            + master.id() + ": start it with that master key, or put the key again");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, sealed.nonce(), provider, name);
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableCredentialException(id + " does not open with master key " + master.id()
                    + ": the row was altered or copied from another provider or name");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableCredentialException(
                    id + " does not open with master key " + master.id() + ": " + e.getClass().getSimpleName());
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String provider, String name) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, master.key(), new GCMParameterSpec(TAG_BITS, nonce));
        // Names hold no '/' (see StoredKeyId), so provider and name are read back from this text unambiguously.
        cipher.updateAAD((provider + "/" + name).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
