package dm20.relay.feed;

import dm20.protocol.CombatState;
import dm20.protocol.Role;
import dm20.protocol.message.MessageCodec;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.Envelope;
import dm20.relay.Fixtures;
import dm20.relay.state.Seat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class FeedProjectorTest {

    private static final Pattern SECRET = Pattern.compile("SECRET\\[([^\\]]*)\\]");
    private static final List<Envelope<OutboxMessage>> SESSION = TableScript.session(60);
    private static final MessageCodec BUS = new MessageCodec();
    private final FrameCodec codec = new FrameCodec(BUS);

    private List<String> framesFor(Seat seat) {
        List<String> out = new ArrayList<>();
        for (Envelope<OutboxMessage> e : SESSION) {
            FeedProjector.project(e, seat, "e1").forEach(f -> out.add(codec.encode(f)));
        }
        return out;
    }

    @Test
    void project_everySeat_neverReceivesDmOnlyContent() {
        for (Seat seat : Fixtures.seats()) {
            assertThat(framesFor(seat)).as(seat.seatId()).isNotEmpty().noneMatch(f -> f.contains("DMONLY"));
        }
    }

    @Test
    void project_player_receivesOnlySecretsAddressedToThem() {
        for (String p : Fixtures.PLAYERS) {
            for (String frame : framesFor(Fixtures.seat(p))) {
                Matcher m = SECRET.matcher(frame);
                while (m.find()) {
                    assertThat(List.of(m.group(1).split(","))).as("frame for %s: %s", p, frame).contains(p);
                }
            }
        }
    }

    @Test
    void project_player_receivesEverySecretAddressedToThem() {
        for (String p : Fixtures.PLAYERS) {
            long expected = SESSION.stream().map(e -> BUS.encode(e.message()))
                    .flatMap(json -> SECRET.matcher(json).results()).filter(r -> r.group(1).contains(p)).count();
            long got = framesFor(Fixtures.seat(p)).stream().flatMap(f -> SECRET.matcher(f).results()).count();
            assertThat(got).as(p).isEqualTo(expected).isGreaterThan(20);
        }
    }

    @Test
    void project_observerAndDmSeat_receiveOnlyPublicContent() {
        for (String seatId : List.of("tv", "dm")) {
            List<String> frames = framesFor(Fixtures.seat(seatId));
            assertThat(frames).as(seatId)
                    .noneMatch(f -> f.contains("SECRET") || f.contains("PARTY") || f.contains("SHEET"))
                    .noneMatch(f -> f.contains("\"type\":\"whisper\"") || f.contains("\"type\":\"sheet\"")
                            || f.contains("\"type\":\"action_status\""));
            assertThat(frames.stream().filter(f -> f.contains("PUBLIC scene"))).hasSize(60);
            assertThat(frames.stream().filter(f -> f.contains("PUBLIC outcome"))).hasSize(48);
        }
    }

    @Test
    void project_resolutionWithPrivatePart_givesRecipientBothNarrativeAndPrivateText() {
        for (String p : Fixtures.PLAYERS) {
            List<String> resolutions = framesFor(Fixtures.seat(p)).stream()
                    .filter(f -> f.contains("\"type\":\"resolution\"")).toList();
            assertThat(resolutions).hasSize(48).allMatch(f -> f.contains("PUBLIC outcome"));
            assertThat(resolutions.stream().filter(f -> f.contains("\"private\":"))).hasSize(12)
                    .allMatch(f -> f.contains("SECRET[" + p + "]"));
        }
    }

    @Test
    void project_resolutionAndRollWithActor_carryTheActorToEverySeat_withoutIt_noField() {
        var resolved = new OutboxMessage.ActionResolved("a9", "p1", "Thorin swings.", List.of(), java.util.Optional.empty(),
                Fixtures.T0, java.util.Optional.of("Thorin"));
        var rolled = new OutboxMessage.DiceRolled("r9", "Attack", "1d20+5", List.of(12), java.util.Optional.empty(), 5, 17,
                dm20.protocol.Visibility.everyone(), Fixtures.T0, java.util.Optional.of("Thorin"));
        for (String seat : List.of("p1", "p2")) {
            List<String> frames = new ArrayList<>();
            FeedProjector.project(new Envelope<>(900, resolved), Fixtures.seat(seat), "e1").forEach(f -> frames.add(codec.encode(f)));
            FeedProjector.project(new Envelope<>(901, rolled), Fixtures.seat(seat), "e1").forEach(f -> frames.add(codec.encode(f)));
            assertThat(frames.stream().filter(f -> f.contains("\"type\":\"resolution\"") || f.contains("\"type\":\"roll\"")))
                    .as(seat).hasSize(2).allMatch(f -> f.contains("\"actor\":\"Thorin\""));
        }
        var anonymous = new OutboxMessage.ActionResolved("a8", "p1", "It happens.", List.of(), java.util.Optional.empty(), Fixtures.T0);
        assertThat(FeedProjector.project(new Envelope<>(902, anonymous), Fixtures.seat("p2"), "e1"))
                .extracting(codec::encode).allMatch(f -> !f.contains("actor"));
    }

    @Test
    void project_actionStatusAndSheets_goOnlyToTheirOwner() {
        for (String p : Fixtures.PLAYERS) {
            List<String> frames = framesFor(Fixtures.seat(p));
            assertThat(frames.stream().filter(f -> f.contains("\"type\":\"action_status\""))).hasSize(30);
            assertThat(frames.stream().filter(f -> f.contains("\"type\":\"sheet\""))).hasSize(15)
                    .allMatch(f -> f.contains("SHEET[" + p + "]"));
        }
    }

    @Test
    void project_combat_hidesHiddenCombatantsAndMonsterHpFromEveryWebSeat() {
        Envelope<OutboxMessage> combat = SESSION.stream()
                .filter(e -> e.message() instanceof OutboxMessage.CombatUpdated).findFirst().orElseThrow();
        for (Seat seat : Fixtures.seats()) {
            Frame.Combat frame = (Frame.Combat) FeedProjector.project(combat, seat, "e1").getFirst();
            assertThat(frame.combat().order()).extracting(CombatState.Combatant::name).doesNotContain("Assassin")
                    .contains("Goblin");
            assertThat(frame.combat().order()).filteredOn(c -> c.kind() != CombatState.Kind.PC)
                    .allMatch(c -> c.hp().isEmpty() && c.maxHp().isEmpty());
            assertThat(codec.encode(frame)).doesNotContain("Assassin");
        }
    }

    @Test
    void project_combat_marksOnlyTheCurrentPlayersTurn() {
        var combat = new Envelope<OutboxMessage>(9, new OutboxMessage.CombatUpdated(Fixtures.roundRobin("c2"),
                Fixtures.T0));
        for (Seat seat : Fixtures.seats()) {
            Frame.Combat frame = (Frame.Combat) FeedProjector.project(combat, seat, "e1").getFirst();
            boolean mine = seat.seatId().equals("p2");
            assertThat(frame.yourTurn()).as(seat.seatId()).isEqualTo(mine);
            assertThat(frame.canAct()).as(seat.seatId()).isEqualTo(mine);
            assertThat(frame.seq()).isEqualTo(9);
        }
    }

    @Test
    void project_everyFrameFromTheOutbox_carriesSeqAndEpoch() {
        for (Seat seat : Fixtures.seats()) {
            assertThat(framesFor(seat)).allMatch(f -> f.contains("\"seq\":") && f.contains("\"epoch\":\"e1\""));
        }
    }

    @Test
    void project_sessionAndSeatMessages_produceNoFrames() {
        for (Envelope<OutboxMessage> e : Fixtures.opening("e1", 1)) {
            for (Seat seat : Fixtures.seats()) {
                assertThat(FeedProjector.project(e, seat, "e1")).isEmpty();
            }
        }
        assertThat(Fixtures.seat("dm").role()).isEqualTo(Role.DM);
    }
}
