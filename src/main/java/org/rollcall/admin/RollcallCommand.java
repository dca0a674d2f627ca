package org.rollcall.admin;

import org.rollcall.admin.migrate.ExportCommand;
import org.rollcall.admin.migrate.MigrateCommand;

import picocli.CommandLine.Command;

@Command(name = "rollcall", mixinStandardHelpOptions = true, version = "Rollcall 1.0",
        description = "Rollcall database commands. Without a command, the web app is served.",
        subcommands = { InitCommand.class, MigrateCommand.class, ExportCommand.class, StatusCommand.class,
                BackupCommand.class, RestoreCommand.class })
public class RollcallCommand {
}
