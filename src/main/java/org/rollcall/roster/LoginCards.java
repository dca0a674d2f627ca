package org.rollcall.roster;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rollcall.auth.Actor;

/**
 * One-time passwords on their way to paper: kept in memory (never in the database or a log) for
 * the account that made them, for 15 minutes or until they say they are done, so that they can
 * print the cards ({@code /roster/cards/{id}}) and download the passwords once as a CSV. Whatever
 * hands out passwords (an import, a class's bulk password reset) keeps them here and links there.
 */
@ApplicationScoped
public class LoginCards {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    /** The cards and whether their passwords were downloaded already (that download is once only). */
    record Sheet(List<LoginCard> cards, boolean downloaded) {
    }

    @Inject
    Clock clock;
    private ShortLived<Sheet> sheets;

    @PostConstruct
    void create() {
        sheets = new ShortLived<>(LIFETIME, clock);
    }

    /** Keeps the cards for their owner; returns the id of their page, {@code /roster/cards/{id}}. */
    public String keep(Actor owner, List<LoginCard> cards) {
        return sheets.keep(owner, new Sheet(List.copyOf(cards), false));
    }

    /** The cards, to their owner, until they expire or are forgotten. */
    public Optional<List<LoginCard>> find(Actor owner, String id) {
        return sheets.find(owner, id).map(Sheet::cards);
    }

    /** Whether the passwords' download was used up. */
    boolean downloaded(Actor owner, String id) {
        return sheets.find(owner, id).map(Sheet::downloaded).orElse(true);
    }

    /** The passwords as a CSV (name, username, password, classes), the first time only. */
    Optional<String> downloadOnce(Actor owner, String id) {
        Optional<Sheet> sheet = sheets.find(owner, id).filter(s -> !s.downloaded());
        sheet.ifPresent(s -> sheets.replace(owner, id, new Sheet(s.cards(), true)));
        return sheet.map(s -> csv(s.cards()));
    }

    public void forget(Actor owner, String id) {
        sheets.forget(owner, id);
    }

    private static String csv(List<LoginCard> cards) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("name", "username", "password", "classes");
            for (LoginCard card : cards) {
                printer.printRecord(CsvCells.safe(card.displayName()), CsvCells.safe(card.username()), CsvCells.safe(card.password()),
                        CsvCells.safe(card.classes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
