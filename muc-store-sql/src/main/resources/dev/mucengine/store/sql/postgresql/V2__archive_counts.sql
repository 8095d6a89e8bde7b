-- Version 2: each room counts the messages in its archive, so that retention by count deletes
-- the oldest excess messages without counting the archive on every commit.
ALTER TABLE rooms ADD COLUMN archived BIGINT NOT NULL DEFAULT 0;
UPDATE rooms SET archived = (SELECT COUNT(*) FROM archive WHERE archive.room_id = rooms.id);
