-- Version 4: a room's vCard (XEP-0054), which carries its avatar (XEP-0486), as the XML its owner
-- set; NULL when it has none. Size-limited by the engine (Limits.maxRoomVcardBytes).
ALTER TABLE rooms ADD COLUMN vcard TEXT;
