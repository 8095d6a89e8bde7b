/**
 * Room stores on SQL databases: {@link dev.mucengine.store.sql.SqlRoomStore}, opened on a SQLite
 * file or a PostgreSQL database.
 */
@NullMarked
package dev.mucengine.store.sql;

import org.jspecify.annotations.NullMarked;
