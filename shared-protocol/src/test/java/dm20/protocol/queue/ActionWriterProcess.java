package dm20.protocol.queue;

import dm20.protocol.message.InboxMessage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A second JVM for {@link CrossProcessBusTest}: appends actions {@code from..to-1} to the inbox of a
 * campaign directory (or from {@code resume}: after the last one in the queue) and prints {@code ACK <n> <sequence>} after each append returned, the way the relay
 * answers a phone only after the append. Optional third argument: microseconds to pause between appends.
 */
public final class ActionWriterProcess {

    private ActionWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int from = "resume".equals(args[1]) ? nextAfterLastWritten(dir) : Integer.parseInt(args[1]);
        int to = Integer.parseInt(args[2]);
        long pauseMicros = args.length > 3 ? Long.parseLong(args[3]) : 0;
        PrintStream out = new PrintStream(System.out, true);
        try (PartyBus bus = PartyBus.open(dir)) {
            BusWriter<InboxMessage> writer = bus.inboxWriter();
            for (int n = from; n < to; n++) {
                long seq = writer.append(new InboxMessage.ActionSubmitted("a-" + n, "s-1", "p-1", "c-1",
                        "action " + n, false, Instant.now()));
                out.println("ACK " + n + " " + seq);
                if (pauseMicros > 0) {
                    Thread.sleep(pauseMicros / 1000, (int) (pauseMicros % 1000) * 1000);
                }
            }
            out.println("DONE");
        }
    }

    /** What a restarted writer does: continue after the last action that made it into the queue. */
    static int nextAfterLastWritten(Path dir) {
        int next = 0;
        try (PartyBus bus = PartyBus.open(dir); BusReader<InboxMessage> reader = bus.inboxReader(Optional.empty())) {
            for (var e = reader.next(); e.isPresent(); e = reader.next()) {
                String id = ((InboxMessage.ActionSubmitted) e.get().message()).actionId();
                next = Math.max(next, Integer.parseInt(id.substring(2)) + 1);
            }
        }
        return next;
    }
}
