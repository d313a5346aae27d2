package io.hybridllm.ingest.stream;

import java.util.List;

import io.hybridllm.ingest.rest.RequestView;

/** How a relayed answer is written as server-sent events: the data of each event. */
public interface StreamEvents {

    /** A piece of the answer, from {@code provider}/{@code model}. */
    String piece(String provider, String model, String text);

    /**
     * A piece of the tool call at {@code index}: its beginning names {@code id} and {@code name}, a later piece has
     * them null and adds to the arguments.
     */
    String toolCall(String provider, String model, int index, String id, String name, String arguments);

    /**
     * The frames that end a succeeded answer once its text and tool calls were shown: its finish, its usage where
     * asked, and the end marker.
     */
    List<String> succeeded(RequestView view);

    /** The frame that ends a stream that cannot end with its answer: {@code status} as an HTTP status would say it. */
    String failed(int status, String code, String message);

    /** The frame for a request that failed, as its reply says. */
    String failed(RequestView view);
}
