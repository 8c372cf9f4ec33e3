package dm20.relay;

import dm20.protocol.lock.ProcessLock;
import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.InboxMessage.ActionSubmitted;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.BusException;
import dm20.protocol.queue.BusReader;
import dm20.protocol.queue.Envelope;
import dm20.protocol.queue.PartyBus;
import dm20.relay.feed.FrameCodec;
import dm20.relay.host.HostApi;
import dm20.protocol.qr.QrCodes;
import dm20.relay.host.SeatLinks;
import dm20.relay.http.BearerAuth;
import dm20.relay.http.Pages;
import dm20.relay.http.PlayerApi;
import dm20.relay.http.Responses;
import dm20.relay.live.ActionService;
import dm20.relay.live.LiveTable;
import dm20.relay.net.LanAddresses;
import dm20.relay.state.ActionLimiter;
import dm20.relay.state.TableState;
import dm20.relay.ws.Sockets;
import io.helidon.webserver.WebServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The relay-daemon's composition root. Start order: parse options, open the bus, take the campaign lock,
 * fold the outbox (and read back this session's queued actions from the inbox), bind synchronously, report
 * {@code relay_started}, then follow the outbox live. Any start failure is reported on stderr (one line)
 * and as {@code relay_failed}, and the process exits with {@link #EXIT_START_FAILED}.
 */
public final class RelayMain {

    /** Exit code when the relay cannot start (port taken, campaign locked, bus unusable). */
    public static final int EXIT_START_FAILED = 2;
    /** Exit code for a bad command line. */
    public static final int EXIT_USAGE = 64;

    private RelayMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        RelayOptions options;
        try {
            switch (RelayOptions.read(args)) {
                case RelayOptions.Invocation.Run run -> options = run.options();
                case RelayOptions.Invocation.Help help -> {
                    System.out.print(help.text());
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("relay-daemon: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        String instanceId = randomId();
        PartyBus bus;
        try {
            bus = PartyBus.open(options.campaign());
        } catch (BusException e) {
            System.err.println("relay-daemon: cannot start: " + e.getMessage());
            System.exit(EXIT_START_FAILED);
            return;
        }
        start(options, instanceId, bus, Clock.systemUTC());
    }

    /**
     * A fresh id in UUID form, for this relay run and for the actions and requests it records. None is a secret: an
     * action is found only among its own seat's (the API checks the token's seat), so they come from
     * {@link ThreadLocalRandom}, not {@code SecureRandom}, whose seeding took ≈ 20 ms of a start and whose draws were
     * 2.5 % of a POST's CPU (docs/performance.md). 122 random bits as in a random UUID; unique across restarts in
     * practice, like one.
     */
    static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;                      // version 4
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;  // IETF variant
        return new UUID(msb, lsb).toString();
    }

    private static void start(RelayOptions options, String instanceId, PartyBus bus, Clock clock) {
        Optional<ProcessLock> lock;
        try {
            lock = ProcessLock.tryAcquire(bus.partyDir().resolve("relay.lock"));
        } catch (java.io.IOException e) {
            lock = Optional.empty();
        }
        if (lock.isEmpty()) {
            fail(bus, instanceId, clock, "another relay already serves " + options.campaign()
                    + " (" + ProcessLock.holder(bus.partyDir().resolve("relay.lock")) + ")");
            return;
        }
        Limits limits = options.limits();
        TableState state = new TableState();
        BusReader<OutboxMessage> outbox = restore(bus, state);
        List<String> urls = new ArrayList<>();
        InboxPresence presence = new InboxPresence(bus.inboxWriter(), clock);
        LiveTable table = new LiveTable(state, presence, clock,
                limits.socketsPerSeat(), limits.observerSockets());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("relay-timer").daemon(true).factory());
        Sockets sockets = new Sockets(table, new FrameCodec(), clock, timer,
                new Sockets.Limits(limits.maxFrameBytes(), limits.socketQueueFrames(), limits.helloTimeout(),
                        options.heartbeat().multipliedBy(3)));
        Responses out = new Responses();
        WebServer server = RelayServer.build(options, limits, playerApi(bus, table, limits, clock),
                hostApi(bus, table, () -> List.copyOf(urls)), new Pages(RelayMain.class.getClassLoader(), out),
                sockets, out, requests(bus, table, limits, clock));
        Optional<String> bindError = bind(server);
        if (bindError.isPresent()) {
            lock.get().close();
            fail(bus, instanceId, clock, "cannot listen on " + options.host() + ":" + options.port() + ": "
                    + bindError.get());
            return;
        }
        urls.addAll(baseUrls(options, server.port()));
        Lifecycle lifecycle = new Lifecycle(instanceId, bus, server, table, sockets, lock.get(), clock, timer,
                presence);
        lifecycle.running(outbox, urls);
        timer.scheduleAtFixedRate(sockets::sweep, options.heartbeat().toMillis(), options.heartbeat().toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Starts the server; Helidon logs a bind failure and leaves the server stopped rather than throwing. */
    private static Optional<String> bind(WebServer server) {
        try {
            server.start();
        } catch (RuntimeException e) {
            return Optional.of(rootMessage(e));
        }
        return server.isRunning() && server.port() > 0 ? Optional.empty()
                : Optional.of("the address is in use or not available");
    }

    /**
     * Folds the bus into {@code state} as a restarted relay must: the outbox from the latest {@code session_opened}
     * (which resets the table, so the result is that of folding the whole outbox; a campaign's bus holds every
     * session it ever played), and this session's actions and who had joined it from the inbox, after the inbox's end
     * at the opening when the opening says where that was.
     *
     * @return the outbox reader, at the outbox's end, to follow it live from there
     */
    static BusReader<OutboxMessage> restore(PartyBus bus, TableState state) {
        BusReader<OutboxMessage> outbox = bus.outboxReader(Optional.empty());
        Optional<Long> inboxEnd = outbox.rewindToLast(OutboxMessage.SessionOpened.class)
                .flatMap(e -> e.message().resume()).map(OutboxMessage.Resume::inboxEnd);
        for (Optional<Envelope<OutboxMessage>> e = outbox.next(); e.isPresent(); e = outbox.next()) {
            state.apply(e.get());
        }
        InboxSoFar inbox = inboxSoFar(bus, inboxEnd);
        state.restoreSubmissions(inbox.submitted());
        state.restoreJoined(inbox.attached());
        return outbox;
    }

    /**
     * This session's part of the inbox as a restarted relay needs it: the actions players queued, and when each seat
     * last gained a socket (a presence report whose count went up; counts start again at each {@code relay_started},
     * as a new relay counts its own sockets from zero).
     */
    private record InboxSoFar(List<ActionSubmitted> submitted, Map<String, Instant> attached) { }

    private static InboxSoFar inboxSoFar(PartyBus bus, Optional<Long> after) {
        List<ActionSubmitted> found = new ArrayList<>();
        Map<String, Instant> attached = new HashMap<>();
        Map<String, Integer> sockets = new HashMap<>();
        try (BusReader<InboxMessage> inbox = bus.inboxReader(Optional.empty())) {
            after.ifPresent(inbox::seekAfter);
            for (var e = inbox.next(); e.isPresent(); e = inbox.next()) {
                switch (e.get().message()) {
                    case ActionSubmitted s -> found.add(s);
                    case InboxMessage.RelayStarted r -> sockets.clear();
                    case InboxMessage.PresenceChanged p -> {
                        if (p.connections() > sockets.getOrDefault(p.seatId(), 0)) {
                            attached.put(p.seatId(), p.at());
                        }
                        sockets.put(p.seatId(), p.connections());
                    }
                    default -> { }
                }
            }
        }
        return new InboxSoFar(found, attached);
    }

    private static PlayerApi playerApi(PartyBus bus, LiveTable table, Limits limits, Clock clock) {
        ActionService actions = new ActionService(table, bus.inboxWriter(),
                new ActionLimiter(limits.actionsPerMinute(), Duration.ofMinutes(1)), clock,
                () -> "act-" + randomId(), limits.maxActionChars());
        Responses out = new Responses();
        return new PlayerApi(table, actions, new BearerAuth(table), out, clock,
                limits.maxBodyBytes());
    }

    /** The host controls and the players' roll and end-turn requests, each appended to the inbox. */
    private static io.helidon.webserver.http.HttpService[] requests(PartyBus bus, LiveTable table, Limits limits,
                                                                    Clock clock) {
        Responses out = new Responses();
        dm20.relay.http.JsonBody body = new dm20.relay.http.JsonBody(out, limits.maxBodyBytes());
        BearerAuth auth = new BearerAuth(table);
        return new io.helidon.webserver.http.HttpService[] {
            new dm20.relay.host.HostControls(table, auth, out, body, bus.inboxWriter(), clock,
                    () -> "host-" + randomId()),
            new dm20.relay.http.TableRequests(table, auth, out, body, bus.inboxWriter(),
                    new ActionLimiter(limits.actionsPerMinute(), Duration.ofMinutes(1)), clock,
                    () -> "req-" + randomId())
        };
    }

    private static HostApi hostApi(PartyBus bus, LiveTable table, java.util.function.Supplier<List<String>> urls) {
        return new HostApi(table, new BearerAuth(table), new Responses(),
                new SeatLinks(bus.partyDir().resolve("seats.json")), new QrCodes(256), urls);
    }

    /** Base URLs for links, preferred first: --public-url, then the bound host or the ranked LAN addresses. */
    static List<String> baseUrls(RelayOptions options, int port) {
        List<String> urls = new ArrayList<>();
        options.publicUrl().ifPresent(urls::add);
        if (options.wildcardHost()) {
            urls.addAll(LanAddresses.urls(LanAddresses.local(), port));
        } else {
            urls.add("http://" + options.host() + ":" + port);
        }
        return urls.stream().distinct().toList();
    }

    private static void fail(PartyBus bus, String instanceId, Clock clock, String reason) {
        System.err.println("relay-daemon: cannot start: " + reason);
        try {
            bus.inboxWriter().append(new InboxMessage.RelayFailed(instanceId, reason, clock.instant()));
        } catch (BusException e) {
            System.err.println("relay-daemon: cannot report the failure on the inbox: " + e.getMessage());
        }
        bus.close();
        System.exit(EXIT_START_FAILED);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
