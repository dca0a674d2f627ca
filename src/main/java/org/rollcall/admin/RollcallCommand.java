package org.rollcall.admin;

import picocli.CommandLine.Command;

@Command(name = "rollcall", mixinStandardHelpOptions = true, version = "Rollcall 1.0",
        description = "Rollcall database commands. Without a command, the web app is served.",
        subcommands = { StatusCommand.class, BackupCommand.class, RestoreCommand.class })
public class RollcallCommand {
}
