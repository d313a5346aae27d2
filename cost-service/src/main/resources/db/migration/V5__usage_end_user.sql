-- Whom a call was made for: OpenAI's user (or safety_identifier) as the client sent it, NULL when it sent none. Clients
-- are told to send an opaque or hashed id, never a credential; the length is bounded as GenerationOptions bounds it.
ALTER TABLE usage_event
    ADD COLUMN end_user text CONSTRAINT usage_event_end_user_length CHECK (char_length(end_user) BETWEEN 1 AND 256);

