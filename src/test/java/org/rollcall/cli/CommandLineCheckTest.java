package org.rollcall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as checked before the application starts: help, usage errors, and what is left to run. */
class CommandLineCheckTest {

    /** picocli's usage help width: a wrapped line ends where a space and the next word would not fit before it. */
    private static final int WIDTH = 80;

    private record Answer(int exitCode, String out, String err) {
    }

    private static Answer check(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLineCheck.answer(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Answer(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "--help", "init --help", "migrate --help", "export --help", "status --help", "backup --help",
            "backup create --help", "backup prune --help", "restore --help" })
    void helpIsAnsweredInWholeSentences(String command) {
        Answer help = check(command.split(" "));
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: rollcall"), help.out());
        List<String> broken = brokenLines(help.out());
        assertTrue(broken.isEmpty(), "lines that stop mid-sentence although the next word fits: " + broken + "\n" + help.out());
    }

    @Test
    void aWrongCommandLineIsAUsageError() {
        Answer unknown = check("status", "--no-such-option");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("Unknown option: '--no-such-option'") && unknown.err().contains("Usage: rollcall status"),
                unknown.err());
        assertEquals(2, check("backup", "create").exitCode(), "NAME is missing");
        Answer group = check("backup");
        assertEquals(2, group.exitCode(), "backup alone names no command");
        assertTrue(group.err().contains("Name one of the commands of 'rollcall backup'."), group.err());
    }

    @Test
    void aRightCommandLineIsLeftToRun() {
        assertEquals(CommandLineCheck.RUN, check("status").exitCode());
        assertEquals(CommandLineCheck.RUN, check("backup", "create", "nightly", "--incremental").exitCode());
        assertEquals(CommandLineCheck.RUN, check("migrate", "old.json", "--dry-run", "--teachers", "ada,alan").exitCode());
    }

    @Test
    void anOptionThatAsksForAPasswordDoesNotAskWhileChecking() {
        InputStream stdin = System.in;
        ByteArrayInputStream typed = new ByteArrayInputStream("the-password\n".getBytes());
        System.setIn(typed);
        try {
            assertEquals(CommandLineCheck.RUN, check("migrate", "jdbc:mysql://old:3306/db", "--source-password").exitCode());
            assertEquals(CommandLineCheck.RUN, check("init", "--create-app-user", "rollcall_app", "--app-password").exitCode());
            assertEquals("the-password\n".length(), typed.available(), "the password is left for the command to read");
        } finally {
            System.setIn(stdin);
        }
    }

    /** Lines of running text that end without ending a sentence, although the next line's first word would fit. */
    private static List<String> brokenLines(String text) {
        String[] lines = text.split("\n");
        List<String> broken = new ArrayList<>();
        for (int i = 0; i + 1 < lines.length; i++) {
            String line = lines[i].stripTrailing();
            String next = lines[i + 1].strip();
            boolean structure = line.strip().startsWith("-") || line.strip().startsWith("[") || line.startsWith("Usage:")
                    || next.startsWith("-") || next.startsWith("[");
            if (structure || line.isBlank() || next.isEmpty() || line.matches(".*[.:;,]$")) {
                continue;
            }
            String word = next.split("\\s+", 2)[0];
            if (line.length() + 1 + word.length() < WIDTH) {
                broken.add(line);
            }
        }
        return broken;
    }
}
