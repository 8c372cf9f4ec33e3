package dm20.relay.feed;

import dm20.protocol.Viewer;
import dm20.protocol.message.Samples;

import java.util.List;
import java.util.Optional;

/** One canonical frame of every type, every optional field filled (the golden files hold these). */
final class FrameSamples {

    static final String EPOCH = "e-1";

    private FrameSamples() {
    }

    static List<Frame> all() {
        return List.of(
                new Frame.Welcome(new Frame.SeatView("s-ann", "PLAYER", "Ann (Ara)", Optional.of("p-ann"),
                        Optional.of("c-ara")), "The Sunless Citadel", EPOCH, 41),
                new Frame.Narrative(42, EPOCH, "n-1", "Night falls.", "party", Samples.AT, Optional.of("a-1")),
                new Frame.Resolution(43, EPOCH, "a-1", "The door creaks open.", Optional.of("You notice a trap."),
                        Samples.AT, Optional.of("Ara")),
                new Frame.Whisper(44, EPOCH, "w-1", "Psst.", Samples.AT),
                new Frame.Roll(45, EPOCH, "r-1", "Perception", "1d20+3", List.of(12, 17), Optional.of(17), 3, 20,
                        "private", Samples.AT, Optional.of("Ara")),
                new Frame.ActionStatus("a-1", "rejected", Optional.of("not your turn"), Optional.of(46L),
                        Optional.of(EPOCH)),
                new Frame.Sheet(47, EPOCH, Samples.sheet("c-ara", "Ara", "Ann")),
                new Frame.Combat(48, EPOCH, Samples.combat().viewFor(Viewer.player("p-ann")), true, false, true),
                new Frame.Thinking(49, EPOCH, true, Optional.of("Resolving Ara's action")),
                new Frame.Reload("a new session started"),
                new Frame.Closing("party mode stopped"),
                new Frame.Error("unknown_frame", "only 'ping' is accepted after 'hello'"),
                new Frame.Pong());
    }
}
