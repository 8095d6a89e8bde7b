/** XEP-0004 data forms as immutable values (room configuration, registration, voice requests). */
@NullMarked
package dev.mucengine.core.form;

import org.jspecify.annotations.NullMarked;

