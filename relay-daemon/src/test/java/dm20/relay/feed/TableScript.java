package dm20.relay.feed;

import dm20.protocol.Visibility;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.message.OutboxMessage.ActionClaimed;
import dm20.protocol.message.OutboxMessage.ActionRejected;
import dm20.protocol.message.OutboxMessage.ActionResolved;
import dm20.protocol.message.OutboxMessage.CharacterUpdated;
import dm20.protocol.message.OutboxMessage.CombatUpdated;
import dm20.protocol.message.OutboxMessage.DiceRolled;
import dm20.protocol.message.OutboxMessage.DmThinking;
import dm20.protocol.message.OutboxMessage.PrivateMessageSent;
import dm20.protocol.message.OutboxMessage.PrivatePart;
import dm20.protocol.queue.Envelope;
import dm20.relay.Fixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dm20.relay.Fixtures.PLAYERS;
import static dm20.relay.Fixtures.T0;

/**
 * A long deterministic session covering every outbox message type and audience. Text is tagged so a
 * test can tell who may see it: {@code SECRET[p1,p3]} only those players, {@code PARTY} players only,
 * {@code DMONLY} nobody on the web, {@code SHEET[pN]} only its owner, {@code PUBLIC} everyone.
 */
public final class TableScript {

    private TableScript() {
    }

    /** {@code rounds} × 12 feed messages after the session opening, sequences from 1. */
    public static List<Envelope<OutboxMessage>> session(int rounds) {
        List<Envelope<OutboxMessage>> out = new ArrayList<>(Fixtures.opening("e1", 1));
        long seq = out.getLast().sequence();
        for (int i = 0; i < rounds; i++) {
            for (OutboxMessage m : round(i)) {
                out.add(new Envelope<>(++seq, m));
            }
        }
        return out;
    }

    private static List<OutboxMessage> round(int i) {
        String p = PLAYERS.get(i % 4);
        String q = PLAYERS.get((i + 1) % 4);
        String action = "a" + i;
        List<OutboxMessage> m = new ArrayList<>();
        m.add(Fixtures.narrative("n" + i, "PUBLIC scene " + i, Visibility.everyone()));
        m.add(Fixtures.narrative("party" + i, "PARTY only " + i, Visibility.party()));
        m.add(Fixtures.narrative("s" + i, "SECRET[" + p + "] note " + i, Visibility.player(p)));
        m.add(Fixtures.narrative("d" + i, "DMONLY plan " + i, Visibility.dmOnly()));
        m.add(new PrivateMessageSent("w" + i, List.of(p, q), "SECRET[" + p + "," + q + "] whisper " + i, T0));
        m.add(new DiceRolled("r" + i, i % 3 == 0 ? "DMONLY hidden" : i % 3 == 1 ? "SECRET[" + p + "] perception"
                : "PUBLIC attack", "1d20+3", List.of(12), Optional.empty(), 3, 15,
                i % 3 == 0 ? Visibility.dmOnly() : i % 3 == 1 ? Visibility.player(p) : Visibility.everyone(), T0));
        m.add(new ActionClaimed(action, p, T0));
        m.add(i % 5 == 4 ? new ActionRejected(action, p, "SECRET[" + p + "] not now", T0)
                : new ActionResolved(action, p, "PUBLIC outcome " + i,
                List.of(new PrivatePart(q, "SECRET[" + q + "] you notice " + i)), Optional.of("DMONLY notes " + i), T0));
        m.add(new CharacterUpdated("c" + p.substring(1), Optional.of(p),
                Fixtures.sheet("c" + p.substring(1), "SHEET[" + p + "] v" + i), T0));
        m.add(new CombatUpdated(Fixtures.roundRobin("c" + q.substring(1)), T0));
        m.add(new DmThinking(i % 2 == 0, Optional.of("PUBLIC thinking"), T0));
        m.add(Fixtures.narrative("x" + i, "SECRET[" + p + "," + q + "] pair " + i, Visibility.players(List.of(p, q))));
        return m;
    }
}
