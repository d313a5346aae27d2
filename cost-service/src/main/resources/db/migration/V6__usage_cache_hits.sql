-- A request the router answered from the response cache: no call was made. cache_hit_of names the request whose call
-- paid for the answer; the row costs nothing and saved_usd is what that call would cost at the prices in force (NULL
-- when the catalogue cannot price it: an unknown price is not a saving).
ALTER TABLE usage_event
    ADD COLUMN cache_hit_of text,
    ADD COLUMN saved_usd numeric(20, 10);
