-- Version 3: the service's secret, the key of its XEP-0421 occupant ids. One row at most: ids
-- must stay the same across restarts, so the secret is kept rather than drawn again.
CREATE TABLE service_secret (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    secret TEXT NOT NULL
);
