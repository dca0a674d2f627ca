package org.rollcall.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.rollcall.kasm.KasmClient.KasmException;
import org.rollcall.kasm.KasmConfig;
import org.rollcall.kasm.KasmSync;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kasm-sync", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Bring Kasm Workspaces in step with Rollcall (docs/kasm.md): read every Kasm user, then create the missing ones,"
                        + " update names and disabled flags, and add members to their classes' Kasm groups.",
                "Users that exist only in Kasm are listed, never deleted. Passwords are not sent: Kasm gets a user's password"
                        + " the next time it is set in Rollcall.",
                "" },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:Kasm says what Rollcall says (or, with --dry-run, the list of what would change was printed).",
                "1:Kasm could not be read (KASM_URL unset, unreachable, refused the key).",
                "3:Some users could not be brought in step; each is listed with the reason." })
@Dependent
public class KasmSyncCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "List what would be created, updated, disabled and added to groups; change nothing.")
    boolean dryRun;

    @Inject
    KasmSync sync;
    @Inject
    KasmConfig config;

    @Override
    public Integer call() throws SQLException {
        PrintStream out = System.out;
        if (!config.enabled()) {
            System.err.println("KASM_URL is not set: there is no Kasm to bring in step.");
            return 1;
        }
        KasmSync.Report report;
        try {
            report = sync.run(dryRun, out::println);
        } catch (KasmException e) {
            System.err.println("Kasm could not be read: " + e.getMessage());
            return 1;
        }
        String verb = dryRun ? "would be " : "";
        out.println();
        out.printf("Kasm users: %d, Rollcall users: %d%s%n", report.kasmUsers(), report.rollcallUsers(), dryRun ? " (dry run: nothing changed)" : "");
        list(out, dryRun ? "To create in Kasm" : "Created in Kasm", report.create());
        list(out, dryRun ? "To update (name or enabled)" : "Updated (name or enabled)", report.update());
        list(out, dryRun ? "To disable" : "Disabled", report.disable());
        list(out, dryRun ? "To add to groups" : "Added to groups", report.addToGroups());
        list(out, "Only in Kasm (left alone)", report.onlyInKasm());
        list(out, "Failed", report.failures());
        out.printf("Summary: %d %screated, %d %supdated, %d %sdisabled, %d group additions, %d only in Kasm, %d failed%n",
                report.create().size(), verb, report.update().size(), verb, report.disable().size(), verb, report.addToGroups().size(),
                report.onlyInKasm().size(), report.failures().size());
        return report.clean() ? 0 : 3;
    }

    private static void list(PrintStream out, String heading, List<String> items) {
        out.println(heading + ": " + items.size());
        items.forEach(i -> out.println("  " + i));
    }
}
