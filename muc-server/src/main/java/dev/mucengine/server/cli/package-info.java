/**
 * The command line: {@code java -jar muc-server.jar serve ...} and {@code component ...}.
 */
@NullMarked
package dev.mucengine.server.cli;

import org.jspecify.annotations.NullMarked;
