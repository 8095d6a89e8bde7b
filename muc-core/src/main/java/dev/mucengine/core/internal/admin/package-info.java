/**
 * The muc#admin protocol (XEP-0045 §8-§10): affiliation and role changes with every consequence
 * they have on occupants, and the affiliation and role lists. One concern per class.
 */
@NullMarked
package dev.mucengine.core.internal.admin;

import org.jspecify.annotations.NullMarked;

