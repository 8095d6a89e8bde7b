/** Human-readable output: indented XML and the failure report of a step. */
@NullMarked
package dev.mucengine.testkit.report;

import org.jspecify.annotations.NullMarked;
