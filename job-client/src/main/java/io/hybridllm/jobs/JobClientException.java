package io.hybridllm.jobs;

/** Why a request has no reply from the system: what the job client gave up on, and why. */
public class JobClientException extends RuntimeException {

    /** The request's deadline (or the client's timeout) passed before a reply came; the request may still run. */
    public static final class DeadlineExceeded extends JobClientException {
        DeadlineExceeded(String message) {
            super(message, null);
        }
    }

    /** {@code maxInFlight} requests are awaiting replies and the client was configured to fail rather than wait. */
    public static final class InFlightLimitReached extends JobClientException {
        InFlightLimitReached(String message) {
            super(message, null);
        }
    }

    /** The broker refused the submission for good (e.g. not authorised, record too large): it was never accepted. */
    public static final class SubmissionRefused extends JobClientException {
        SubmissionRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The tenant is paused by its budget and the client was configured to fail rather than wait. */
    public static final class TenantPaused extends JobClientException {
        TenantPaused(String message) {
            super(message, null);
        }
    }

    /** The client was closed while the request awaited its reply. */
    public static final class Closed extends JobClientException {
        Closed(String message) {
            super(message, null);
        }
    }

    JobClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
