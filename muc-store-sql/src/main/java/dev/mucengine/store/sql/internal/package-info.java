/** The implementation of the SQL store: connection, schema migrations, reads and writes. Not API. */
@NullMarked
package dev.mucengine.store.sql.internal;

import org.jspecify.annotations.NullMarked;
