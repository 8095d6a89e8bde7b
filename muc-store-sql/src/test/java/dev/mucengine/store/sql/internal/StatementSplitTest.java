package dev.mucengine.store.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A migration script is cut into statements at each ';' ending a line; comment lines go. */
class StatementSplitTest {

    @Test
    void statementsEndWithASemicolonAtTheEndOfALine() {
        String script = """
                -- a comment; with a semicolon;
                CREATE TABLE a (
                    x TEXT DEFAULT 'a;b'
                );

                CREATE INDEX a_x ON a (x);
                -- trailing comment
                """;
        assertThat(SchemaMigrations.statements(script)).containsExactly(
                "CREATE TABLE a (\n    x TEXT DEFAULT 'a;b'\n)", "CREATE INDEX a_x ON a (x)");
    }
}
