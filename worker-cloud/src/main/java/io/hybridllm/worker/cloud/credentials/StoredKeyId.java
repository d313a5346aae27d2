package io.hybridllm.worker.cloud.credentials;

import java.util.regex.Pattern;

/** How stored keys are named: {@code store:<provider>/<name>}, the id that replies, usage and logs may show. */
public final class StoredKeyId {

    public static final String PREFIX = "store:";
    /** Key names: letters, digits, '.', '_' and '-', up to 64 characters; no '/', which separates provider and name. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static String of(String provider, String name) {
        return PREFIX + provider + "/" + name;
    }

    /** The key name of a stored key's id, or null when {@code id} is not one of {@code provider}'s stored keys. */
    public static String nameIn(String id, String provider) {
        String prefix = of(provider, "");
        return id.startsWith(prefix) ? id.substring(prefix.length()) : null;
    }

    private StoredKeyId() {
    }
}
