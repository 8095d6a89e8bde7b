package dev.mucengine.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds scripts: a file is itself, a directory is every {@code *.scs} below it, in sorted order. */
public final class ScriptFiles {

    private ScriptFiles() {
    }

    /**
     * The scripts at {@code path}.
     *
     * @param path a script file, or a directory searched recursively
     * @return {@code path} itself if it is not a directory (whatever its name), else every regular
     *     {@code *.scs} file below it, sorted by path
     * @throws IOException if the directory cannot be walked
     */
    public static List<Path> find(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".scs"))
                    .sorted()
                    .toList();
        }
    }
}
