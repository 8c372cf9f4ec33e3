package dm20.protocol.queue;

import dm20.protocol.message.OutboxMessage;
import dm20.protocol.Visibility;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM for {@link BusFootprintTest}: what either process does with the bus — opens it, appends to the inbox
 * and the outbox, tails the outbox with a {@link BusPoller} — then prints {@code READ <n>} and exits.
 */
public final class BusRoundTripProcess {

    private BusRoundTripProcess() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        CountDownLatch read = new CountDownLatch(count);
        try (PartyBus bus = PartyBus.open(Path.of(args[0]));
             BusPoller<OutboxMessage> poller = new BusPoller<>("round-trip", bus.outboxReader(Optional.empty()),
                     e -> read.countDown())) {
            for (int i = 0; i < count; i++) {
                bus.inboxWriter().append(new dm20.protocol.message.InboxMessage.ActionSubmitted("a-" + i, "s-1",
                        "p-1", "c-1", "action " + i, false, Instant.now()));
                bus.outboxWriter().append(new OutboxMessage.NarrativePosted("n-" + i, "line " + i, Visibility.party(),
                        Instant.now()));
            }
            if (!read.await(30, TimeUnit.SECONDS)) {
                System.out.println("TIMEOUT " + read.getCount());
                System.exit(1);
            }
        }
        System.out.println("READ " + count);
    }
}
