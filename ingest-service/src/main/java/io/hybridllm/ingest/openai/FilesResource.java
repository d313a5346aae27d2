package io.hybridllm.ingest.openai;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.hybridllm.ingest.batches.BatchRecord;
import io.hybridllm.ingest.config.IngestConfig;
import io.hybridllm.ingest.tenants.Caller;
import io.hybridllm.ingest.tenants.Tenancy;
import io.smallrye.common.annotation.Blocking;

/**
 * OpenAI's Files API, for batches: upload a batch input (purpose {@code batch}), read files back, list and delete them.
 * A batch's output and error files are read here too.
 */
@Path("/v1/files")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FilesResource {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LISTED = 10_000;

    private final Tenancy tenancy;
    private final BatchFiles batchFiles;
    private final IngestConfig config;

    public FilesResource(Tenancy tenancy, BatchFiles batchFiles, IngestConfig config) {
        this.tenancy = tenancy;
        this.batchFiles = batchFiles;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional
    public FileObject upload(@RestForm("file") FileUpload file, @RestForm("purpose") String purpose,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws IOException {
        Caller caller = tenancy.caller(authorization);
        if (file == null) {
            throw OpenAiError.failure(400, "missing_file", "send the file as the multipart part 'file'", "file");
        }
        if (!"batch".equals(purpose)) {
            throw OpenAiError.failure(400, "invalid_purpose", "only purpose 'batch' is supported here", "purpose");
        }
        byte[] content = FileLimits.check(file, caller.tenantFor(null), config.limits());
        FileRecord record = new FileRecord();
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        record.id = "file-"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(id).replace('-', 'x').replace('_', 'y');
        record.tenant = caller.tenantFor(null);
        record.purpose = purpose;
        record.filename = file.fileName() == null ? "upload.jsonl" : file.fileName();
        record.content = content;
        record.bytes = record.content.length;
        record.createdAt = Instant.now();
        record.persist();
        return FileObject.of(record);
    }

    /** The caller's files, newest first, at most {@code limit} (OpenAI's default and cap: 10,000); never contents. */
    @GET
    @Transactional
    public FileObject.Page list(@QueryParam("limit") Integer limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = tenancy.caller(authorization);
        int size = limit == null ? MAX_LISTED : Math.max(1, Math.min(MAX_LISTED, limit));
        List<FileObject> found = FileRecord.getEntityManager().createQuery("""
                select f.id, f.bytes, f.createdAt, f.filename, f.purpose
                from FileRecord f where :open = true or f.tenant = :tenant order by f.createdAt desc
                """, FileObject.Listed.class).setParameter("open", caller.isOpen())
                .setParameter("tenant", caller.tenant()).setMaxResults(size + 1).getResultStream()
                .map(FileObject.Listed::toObject).toList();
        return new FileObject.Page("list", found.stream().limit(size).toList(), found.size() > size);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public FileObject get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = tenancy.caller(authorization);
        Optional<BatchRecord> batch = batchFiles.batchOf(id, caller);
        if (batch.isPresent()) {
            return batchFiles.describe(id, batch.get());
        }
        return FileObject.of(stored(id, caller));
    }

    @GET
    @Path("/{id}/content")
    // OpenAI's SDKs ask for application/binary; the content is what was uploaded, or JSON Lines.
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response content(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = tenancy.caller(authorization);
        Optional<BatchRecord> batch = batchFiles.batchOf(id, caller);
        if (batch.isPresent()) {
            StreamingOutput lines = out -> batchFiles.write(id, batch.get(), out);
            return Response.ok(lines, MediaType.APPLICATION_OCTET_STREAM).build();
        }
        return Response.ok(stored(id, caller).content, MediaType.APPLICATION_OCTET_STREAM).build();
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public FileObject.Deleted delete(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        stored(id, tenancy.caller(authorization)).delete();
        return new FileObject.Deleted(id, "file", true);
    }

    /** The caller's uploaded file, read inside the caller's transaction. */
    static FileRecord stored(String id, Caller caller) {
        return FileRecord.<FileRecord> findByIdOptional(id).filter(file -> caller.canSee(file.tenant))
                .orElseThrow(() -> OpenAiError.failure(404, "file_not_found", "No such file: " + id, "file_id"));
    }
}
