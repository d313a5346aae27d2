package io.hybridllm.worker.core.provider.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;

/**
 * The lines of a byte stream as UTF-8 text, each read in time linear in its length and refused beyond a limit, so that
 * a provider sending one endless line cannot exhaust memory. Lines end with LF, CRLF or CR (as SSE allows).
 */
final class BoundedLines {

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int position;
    private int length;
    private boolean afterCr;

    BoundedLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator; null at the end of the stream (a last unterminated line is returned). */
    String next() throws IOException, StreamException {
        line.reset();
        while (true) {
            if (position == length) {
                length = in.read(buffer);
                position = 0;
                if (length <= 0) {
                    length = 0;
                    return line.size() == 0 ? null : text();
                }
            }
            byte b = buffer[position++];
            if (afterCr) {
                afterCr = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\n' || b == '\r') {
                afterCr = b == '\r';
                return text();
            }
            if (line.size() >= maxBytes) {
                throw new StreamException(ErrorCode.PROVIDER_ERROR,
                        "the stream sent a line longer than " + maxBytes + " bytes");
            }
            line.write(b);
        }
    }

    private String text() {
        return line.toString(StandardCharsets.UTF_8);
    }
}
