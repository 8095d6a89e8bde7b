/**
 * The room archive (XEP-0313) and stanza ids (XEP-0359): archiving what the room sends, and
 * answering archive queries from the store.
 */
@NullMarked
package dev.mucengine.core.internal.archive;

import org.jspecify.annotations.NullMarked;
