-- Version 1: stored rooms, their affiliations and their archives (PostgreSQL).

-- One row per persistent room. config is an XML document of every RoomConfig field; subject is the
-- message that set the subject, as XML; creator a bare JID.
CREATE TABLE rooms (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    jid TEXT NOT NULL UNIQUE,
    config TEXT NOT NULL,
    subject TEXT,
    creator TEXT
);

-- One row per bare JID with an affiliation; position keeps the order entries were set in.
CREATE TABLE affiliations (
    room_id BIGINT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    jid TEXT NOT NULL,
    affiliation TEXT NOT NULL,
    nick TEXT,
    reason TEXT,
    position BIGINT NOT NULL,
    PRIMARY KEY (room_id, jid)
);

-- The archive. seq is the archive order (an identity: increasing, never reused);
-- at is when the room received the message, in epoch milliseconds; real_bare serves bare-JID queries.
CREATE TABLE archive (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id BIGINT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    stanza_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    nick TEXT NOT NULL,
    real_jid TEXT,
    real_bare TEXT,
    stanza TEXT NOT NULL,
    UNIQUE (room_id, stanza_id)
);

CREATE INDEX archive_room_seq ON archive (room_id, seq);
CREATE INDEX archive_room_at ON archive (room_id, at);
