package dev.mucengine.core.store;

import java.util.List;

/**
 * One page of an archive query's matches.
 *
 * @param messages the page, oldest first
 * @param complete true if no match lies beyond the page in the direction of paging (after it for a
 *     forward page, before it for a page taken from the end): the client has everything it asked
 *     for (XEP-0313 {@code <fin complete='true'/>})
 */
public record ArchivePage(List<ArchivedMessage> messages, boolean complete) {

    /**
     * Copies the list.
     *
     * @param messages the page, oldest first
     * @param complete whether nothing lies beyond the page
     */
    public ArchivePage {
        messages = List.copyOf(messages);
    }
}
