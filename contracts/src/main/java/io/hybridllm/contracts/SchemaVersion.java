package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/** The version of the message schema this build writes; it reads every version up to it. */
public final class SchemaVersion {

    public static final int CURRENT = 1;

    /** A missing version (0 on the wire) means the current one, so hand-written job messages may omit it. */
    static int check(int version) {
        require(version >= 0 && version <= CURRENT, "schema_version",
                "is " + version + ", but this build reads versions up to " + CURRENT);
        return version == 0 ? CURRENT : version;
    }

    private SchemaVersion() {
    }
}
