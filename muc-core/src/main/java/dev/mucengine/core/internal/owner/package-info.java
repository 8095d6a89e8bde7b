/**
 * The owner use cases of XEP-0045 §10 (muc#owner): configuring and creating rooms, cancelling,
 * destroying, and what a configuration change tells occupants.
 */
@NullMarked
package dev.mucengine.core.internal.owner;

import org.jspecify.annotations.NullMarked;

