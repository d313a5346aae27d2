package io.hybridllm.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** The arithmetic and the wire form of embedding vectors. */
public final class Vectors {

    private Vectors() {
    }

    /** A copy of {@code vector} scaled to length 1 (a zero vector stays zero). */
    public static float[] normalised(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        float[] unit = vector.clone();
        if (sum == 0) {
            return unit;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < unit.length; i++) {
            unit[i] *= scale;
        }
        return unit;
    }

    /** Cosine similarity of two unit vectors of the same length: 1 the same direction, 0 unrelated. */
    public static double similarity(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    /** The vector as little-endian float32 values in base64: OpenAI's {@code encoding_format: "base64"}. */
    public static String toBase64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** The reverse of {@link #toBase64}; refuses a length that is not a whole number of floats. */
    public static float[] fromBase64(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException(bytes.length + " bytes are not a whole number of float32 values");
        }
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
