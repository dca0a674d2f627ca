package org.rollcall.cli;

import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.rollcall.auth.Actor;
import org.rollcall.scim.ProvisioningClients;
import org.rollcall.scim.ProvisioningClients.ClientView;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "scim-token", mixinStandardHelpOptions = true,
        description = "Create, list and revoke the provisioning clients that may use /scim/v2 (identity providers, student information systems).",
        subcommands = { ScimTokenCommand.Create.class, ScimTokenCommand.ListClients.class, ScimTokenCommand.Revoke.class })
public class ScimTokenCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a provisioning client and print its secret, once: it is not stored and cannot be shown again.")
    @Dependent
    public static class Create implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "The client's name (letters, digits, '.', '_', '-'), e.g. entra.")
        String name;

        @Inject
        ProvisioningClients clients;

        @Override
        public Integer call() {
            return BackupCli.run(() -> {
                ProvisioningClients.CreatedClient created = clients.create(Actor.SYSTEM, name);
                System.out.println("Provisioning client '" + created.client().name() + "' created. Its secret (shown once):");
                System.out.println(created.secret());
                System.out.println("Send it as 'Authorization: Bearer <secret>', or as HTTP Basic with the name "
                        + created.client().name() + ", to /scim/v2 (docs/scim.md).");
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List provisioning clients with their last use.")
    @Dependent
    public static class ListClients implements Callable<Integer> {

        @Inject
        ProvisioningClients clients;

        @Override
        public Integer call() {
            return BackupCli.run(() -> {
                List<ClientView> all = clients.list(Actor.SYSTEM);
                if (all.isEmpty()) {
                    System.out.println("No provisioning clients.");
                }
                for (ClientView c : all) {
                    System.out.printf("%-24s %-14s created %s  last used %s%s%n", c.name(), c.prefix() + "...", c.createdAt(),
                            c.lastUsedAt() == null ? "never" : c.lastUsedAt(), c.revoked() ? "  REVOKED " + c.revokedAt() : "");
                }
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a provisioning client: its secret and access tokens stop working at once.")
    @Dependent
    public static class Revoke implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "The client's name.")
        String name;

        @Inject
        ProvisioningClients clients;

        @Override
        public Integer call() {
            return BackupCli.run(() -> {
                ClientView revoked = clients.revoke(Actor.SYSTEM, name);
                System.out.println("Provisioning client '" + revoked.name() + "' is revoked.");
            });
        }
    }
}
