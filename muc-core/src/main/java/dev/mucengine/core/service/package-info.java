/**
 * The MUC service: one per MUC domain. Routes stanzas to rooms, creates and forgets rooms,
 * answers service discovery and administrator commands. Confined to one thread at a time.
 */
@NullMarked
package dev.mucengine.core.service;

import org.jspecify.annotations.NullMarked;

