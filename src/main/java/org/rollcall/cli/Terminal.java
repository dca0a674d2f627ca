package org.rollcall.cli;

import java.io.Console;

import jakarta.enterprise.context.ApplicationScoped;

/** The operator's terminal, when there is one: destructive commands ask before acting only there. */
@ApplicationScoped
public class Terminal {

    /** True when a person can answer: stdin and stdout are a terminal. */
    public boolean interactive() {
        return System.console() != null;
    }

    /** The line typed after the prompt, or null when there is no terminal or input ended. */
    public String readLine(String prompt) {
        Console console = System.console();
        return console == null ? null : console.readLine("%s", prompt);
    }
}
