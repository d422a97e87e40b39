package com.talentpipeline.core.task.intake;

import io.r2dbc.spi.Readable;
import java.util.function.IntFunction;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The rows the owning module writes with a task, in the kit's one statement (so a document and its task are
 * one round trip and atomic), and how to undo them when Kafka refuses the event.
 *
 * <p>The statement is {@code WITH <ctes()>, task AS (INSERT INTO tasks ... SELECT ... FROM doc) ...
 * SELECT doc.version AS version<columns()> FROM doc<joins()>}: the owner's CTEs must end with one named
 * {@code doc} that has an integer {@code version} column (NULL when the subject has no versions). They may use
 * the kit's parameters {@code :task}, {@code :tenant}, {@code :subject}, {@code :hash}, {@code :type} and
 * {@code :now}, and bind their own in {@link #bind}.
 *
 * @param <S> what the owner reads back to undo its rows (e.g. the document row before this version)
 */
public interface OwnerRows<S> {

    /** The owner's CTEs, the last one named {@code doc} with a {@code version} column. */
    String ctes();

    /** More output columns of the final SELECT, each starting with {@code ", "}; none by default. */
    default String columns() {
        return "";
    }

    /** Joins after {@code FROM doc} for {@link #columns()}; none by default. */
    default String joins() {
        return "";
    }

    /** Binds the owner's own parameters. */
    default DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
        return spec;
    }

    /** Reads what {@link #undo} needs from the statement's row; null by default. */
    default S read(Readable row) {
        return null;
    }

    /**
     * More writes that need the new version (e.g. a resume's original file), run after the statement in the
     * same transaction; null when there are none, which keeps the write one round trip without a transaction.
     */
    default IntFunction<Mono<Void>> extraWrites() {
        return null;
    }

    /**
     * Removes or restores the owner's rows after Kafka refused the event; runs in the undo transaction after
     * the task row (and its idempotency key) was deleted.
     *
     * @param version the version the statement returned (null when the owner has none)
     * @param state   what {@link #read} returned
     */
    Mono<Void> undo(Integer version, S state);

    /** No rows of the owner's: the task alone (subject version NULL). */
    static OwnerRows<Void> none() {
        return NoRows.INSTANCE;
    }
}
