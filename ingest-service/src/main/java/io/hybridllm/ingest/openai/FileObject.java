package io.hybridllm.ingest.openai;

/** OpenAI's file object. */
public record FileObject(String id, String object, long bytes, long createdAt, String filename, String purpose,
        String status) {

    static FileObject of(String id, long bytes, long createdAt, String filename, String purpose) {
        return new FileObject(id, "file", bytes, createdAt, filename, purpose, "processed");
    }

    static FileObject of(FileRecord file) {
        return of(file.id, file.bytes, file.createdAt.getEpochSecond(), file.filename, file.purpose);
    }

    /** A file as a listing reads it: its metadata, not its content. */
    public record Listed(String id, long bytes, java.time.Instant createdAt, String filename, String purpose) {
        FileObject toObject() {
            return of(id, bytes, createdAt.getEpochSecond(), filename, purpose);
        }
    }

    public record Deleted(String id, String object, boolean deleted) {
    }

    public record Page(String object, java.util.List<FileObject> data, boolean hasMore) {
    }
}
