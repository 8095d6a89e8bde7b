/** The scansion script language: the parsed model of a script and the parser that builds it. */
@NullMarked
package dev.mucengine.testkit.script;

import org.jspecify.annotations.NullMarked;
