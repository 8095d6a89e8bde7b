package dev.mucengine.core.xml;

/** A child of an element: either an {@link Element} or a run of {@link Text}. */
public sealed interface Node permits Element, Text {
}
