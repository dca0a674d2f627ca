package org.rollcall.cli;

import java.io.PrintWriter;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * One build, two uses: with no arguments (or {@code serve}) it serves the web app; with a
 * command ({@code init}, {@code migrate}, {@code status}, ...) it runs that command and exits,
 * without opening the HTTP port.
 */
@QuarkusMain
public class RollcallMain implements QuarkusApplication {

    private static final Set<String> SERVE = Set.of("serve");

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        if (isCommand(args)) {
            int answered = CommandLineCheck.answer(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
            if (answered != CommandLineCheck.RUN) {
                System.exit(answered); // --help or a wrong command line: answered without starting the app
            }
            if (args.length == 1 && args[0].equals("status")) {
                System.exit(StatusReport.run(System.out, System.err));   // only reads: no need to start the app
            }
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("rollcall.command-mode", "true");
            System.setProperty("quarkus.banner.enabled", "false");
            // Logs and progress on stderr, so a command's report on stdout can be piped or saved.
            System.setProperty("quarkus.log.console.stderr", "true");
        }
        Quarkus.run(RollcallMain.class, args);
    }

    static boolean isCommand(String... args) {
        return args.length > 0 && !SERVE.contains(args[0]);
    }

    @Override
    public int run(String... args) {
        if (!isCommand(args)) {
            Quarkus.waitForExit();
            return 0;
        }
        return new CommandLine(RollcallCommand.class, factory).execute(args);
    }
}
