package org.rollcall.cli;

import org.rollcall.cli.ExportCommand;
import org.rollcall.cli.MigrateCommand;

import picocli.CommandLine.Command;

@Command(name = "rollcall", mixinStandardHelpOptions = true, version = "Rollcall 1.0",
        description = "Rollcall database commands. Without a command, the web app is served.",
        subcommands = { InitCommand.class, MigrateCommand.class, ExportCommand.class, StatusCommand.class, SchemaUpgradeCommand.class,
                BackupCommand.class, RestoreCommand.class, ImportUsersCommand.class, OneRosterExportCommand.class,
                OneRosterImportCommand.class,
                KasmSyncCommand.class, ScimTokenCommand.class })
public class RollcallCommand {
}
