/**
 * The muc#roomconfig form (XEP-0045 §10.2, §16.5.3) built from small field objects: each
 * {@link dev.mucengine.core.internal.config.ConfigField} knows its var, label, how it renders from the
 * room, how it parses a submitted value and the disco feature it stands for.
 */
@NullMarked
package dev.mucengine.core.internal.config;

import org.jspecify.annotations.NullMarked;

