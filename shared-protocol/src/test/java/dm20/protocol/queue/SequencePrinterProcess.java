package dm20.protocol.queue;

import dm20.protocol.message.OutboxMessage;

import java.nio.file.Path;
import java.util.Optional;

/** A second JVM for {@link CrossProcessBusTest}: prints the sequence of every outbox message, then END. */
public final class SequencePrinterProcess {

    private SequencePrinterProcess() {
    }

    public static void main(String[] args) {
        try (PartyBus bus = PartyBus.open(Path.of(args[0]));
             BusReader<OutboxMessage> reader = bus.outboxReader(Optional.empty())) {
            for (var e = reader.next(); e.isPresent(); e = reader.next()) {
                System.out.println("SEQ " + e.get().sequence() + " " + e.get().message().getClass().getSimpleName());
            }
        }
        System.out.println("END");
    }
}
