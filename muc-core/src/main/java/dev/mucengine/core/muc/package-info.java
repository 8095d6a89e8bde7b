/** XEP-0045 vocabulary as Java values: roles, affiliations, status codes, namespaces. Wire names only at the edges. */
@NullMarked
package dev.mucengine.core.muc;

import org.jspecify.annotations.NullMarked;

