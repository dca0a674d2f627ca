package org.rollcall.cli;

import java.io.PrintWriter;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Answers {@code --help}, {@code --version} and a wrong command line before the application
 * starts: they need no database, so they neither create ./data nor migrate one, and they answer
 * at once instead of after the seconds Quarkus, Hibernate and Flyway take to start.
 */
final class CommandLineCheck {

    /** What {@link #answer} returns when the command line is right and the command is to run. */
    static final int RUN = Integer.MIN_VALUE;

    private CommandLineCheck() {
    }

    /** The exit code when the command line was answered here (help 0, usage error 2), else {@link #RUN}. */
    static int answer(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(RollcallCommand.class, new ParseOnlyFactory());
        withoutPrompts(cli);
        return cli.setOut(out).setErr(err).setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            CommandLine last = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
            Object command = last.getCommandSpec().userObject();
            if (!(command instanceof Runnable || command instanceof java.util.concurrent.Callable)) {
                // e.g. "backup" alone: it only groups its subcommands
                throw new CommandLine.ParameterException(last, "Name one of the commands of '"
                        + last.getCommandSpec().qualifiedName() + "'.");
            }
            return RUN;
        }).execute(args);
    }

    /**
     * The options that ask for a password take their value without asking here: the command line
     * is only checked, and the question is asked once, when the command runs.
     */
    private static void withoutPrompts(CommandLine cli) {
        CommandSpec spec = cli.getCommandSpec();
        List<OptionSpec> options = spec.options();
        int first = 0;
        while (first < options.size() && !options.get(first).interactive()) {
            first++;
        }
        // removed and added again from the first one on, so the help lists them in their order
        for (OptionSpec option : new ArrayList<>(options.subList(first, options.size()))) {
            spec.remove((ArgSpec) option);
            spec.addOption(option.interactive() ? option.toBuilder().interactive(false).build() : option);
        }
        cli.getSubcommands().values().forEach(CommandLineCheck::withoutPrompts);
    }

    /**
     * Creates the command objects picocli parses into without their services (which only the
     * running application has): the check reads their options and never calls them.
     */
    private static final class ParseOnlyFactory implements CommandLine.IFactory {

        private final CommandLine.IFactory standard = CommandLine.defaultFactory();

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return standard.create(type);
            } catch (Exception noConstructorWithoutArguments) {
                Constructor<?> constructor = type.getDeclaredConstructors()[0];
                Class<?>[] parameters = constructor.getParameterTypes();
                Object[] none = new Object[parameters.length];
                for (int i = 0; i < parameters.length; i++) {
                    none[i] = parameters[i].isPrimitive() ? Array.get(Array.newInstance(parameters[i], 1), 0) : null;
                }
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(none));
            }
        }
    }
}
