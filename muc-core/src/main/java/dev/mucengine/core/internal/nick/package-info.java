/**
 * Strict validation of room nicknames (XEP-0045 §7.2): nicknames are JID resourceparts, prepared
 * with the Resourceprep stringprep profile (RFC 6122 Appendix B, on RFC 3454) with unassigned
 * code points rejected. Entry point: {@link dev.mucengine.core.internal.nick.NicknamePrep#prepare(String)}.
 */
@NullMarked
package dev.mucengine.core.internal.nick;

import org.jspecify.annotations.NullMarked;

