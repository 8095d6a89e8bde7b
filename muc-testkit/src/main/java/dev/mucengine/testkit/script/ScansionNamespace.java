package dev.mucengine.testkit.script;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code scansion:} attribute prefix. Scripts use {@code scansion:strict} without declaring
 * the prefix (the reference tool declares it on a wrapper element around every stanza), so the
 * raw XML is fixed up before parsing: any declaration the author wrote is replaced by the one
 * canonical namespace, which the matcher then recognises. Declared or not, the attribute ends up
 * in {@link #NAMESPACE}.
 */
public final class ScansionNamespace {

    /** The namespace the reference tool binds {@code scansion:} to. */
    public static final String NAMESPACE = "https://matthewwild.co.uk/projects/scansion";

    /** The attribute that overrides strict matching. */
    public static final String STRICT = "strict";

    /** The attribute value that matches any value. */
    public static final String ANY = "{scansion:any}";

    private static final Pattern DECLARATION =
            Pattern.compile("\\s+xmlns:scansion\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern USE = Pattern.compile("[\\s<]scansion:[A-Za-z_]");
    private static final Pattern ROOT_NAME = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

    private ScansionNamespace() {
    }

    /** The XML with {@code scansion:} bound to {@link #NAMESPACE} on the root, if it is used. */
    static String declare(String xml) {
        String withoutDeclaration = DECLARATION.matcher(xml).replaceAll("");
        if (!USE.matcher(withoutDeclaration).find()) {
            return withoutDeclaration;
        }
        Matcher root = ROOT_NAME.matcher(withoutDeclaration);
        if (!root.find()) {
            return withoutDeclaration;
        }
        int at = root.end();
        return withoutDeclaration.substring(0, at) + " xmlns:scansion='" + NAMESPACE + "'"
                + withoutDeclaration.substring(at);
    }
}
