package org.rollcall.cli;

import org.rollcall.common.DomainException;

/** How a command reports a refusal: the reason on stderr and exit code 1, no stack trace. */
final class BackupCli {

    interface Body {
        void run() throws Exception;
    }

    private BackupCli() {
    }

    static int run(Body body) {
        try {
            body.run();
            return 0;
        } catch (DomainException e) {
            StringBuilder message = new StringBuilder("Error: ").append(e.getMessage());
            e.fieldErrors().forEach(f -> message.append("\n  ").append(f.field()).append(": ").append(f.message()));
            System.err.println(message);
            return 1;
        } catch (Exception e) {
            System.err.println("Error: " + e.getMessage());
            return 1;
        }
    }
}
