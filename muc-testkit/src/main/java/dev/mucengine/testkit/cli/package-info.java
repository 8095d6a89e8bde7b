/** The command line: {@code java -jar muc-testkit.jar replay ...}. */
@NullMarked
package dev.mucengine.testkit.cli;

import org.jspecify.annotations.NullMarked;
