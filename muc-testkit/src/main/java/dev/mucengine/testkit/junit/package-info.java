/** JUnit 5 integration: a directory of scripts as dynamic tests. */
@NullMarked
package dev.mucengine.testkit.junit;

import org.jspecify.annotations.NullMarked;
