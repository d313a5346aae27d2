package io.hybridllm.ingest.openai;

import java.io.IOException;
import java.nio.file.Files;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.hybridllm.ingest.config.IngestConfig;
import io.hybridllm.ingest.rest.TooLarge;

/**
 * What one uploaded batch file may hold: at most {@code max-file-bytes} and {@code max-batch-lines} lines (a batch's
 * own limits), and no more than the tenant's room left under {@code max-tenant-file-bytes}. Each is an OpenAI-shaped
 * error naming the limit; the file is read only once its size is known to fit.
 */
final class FileLimits {

    static byte[] check(FileUpload file, String tenant, IngestConfig.Limits limits) throws IOException {
        if (file.size() > limits.maxFileBytes()) {
            throw new TooLarge("the file", file.size(), limits.maxFileBytes());
        }
        long stored = FileRecord.getEntityManager()
                .createQuery("select coalesce(sum(f.bytes), 0) from FileRecord f where f.tenant = :tenant", Long.class)
                .setParameter("tenant", tenant).getSingleResult();
        if (stored + file.size() > limits.maxTenantFileBytes()) {
            throw OpenAiError.failure(400, "storage_limit_exceeded",
                    "tenant " + tenant + " keeps " + stored
                            + " bytes of files; with this one it would pass its limit of " + limits.maxTenantFileBytes()
                            + " bytes (hybrid.ingest.limits.max-tenant-file-bytes): delete some first",
                    "file");
        }
        byte[] content = Files.readAllBytes(file.uploadedFile());
        long lines = 0;
        for (byte b : content) {
            lines += b == '\n' ? 1 : 0;
        }
        if (content.length > 0 && content[content.length - 1] != '\n') {
            lines++;
        }
        if (lines > limits.maxBatchLines()) {
            throw new TooLarge("the file has " + lines + " lines; the limit is " + limits.maxBatchLines());
        }
        return content;
    }

    private FileLimits() {
    }
}
