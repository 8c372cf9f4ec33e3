package dm20.mcp.party;

import dm20.mcp.engine.PlayerChecks;
import dm20.mcp.game.Campaign;
import dm20.mcp.game.DiceRoller;
import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.mcp.game.Player;
import dm20.protocol.CombatState;
import dm20.protocol.Role;
import dm20.protocol.TurnRules;
import dm20.protocol.Viewer;
import dm20.protocol.VisibilityRules;
import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.InboxMessage.HostRequested;
import dm20.protocol.message.InboxMessage.RollRequested;
import dm20.protocol.message.InboxMessage.TurnEndRequested;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.message.OutboxMessage.DiceRolled;
import dm20.protocol.sheet.CharacterSheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Carries out what the phones asked for beside actions, on the party's request thread (never the inbox
 * poller): the host screen's controls (lock, new TV link, kick — through the same {@link DmLoop} paths as
 * {@code party_kick}/{@code party_token}), a player's roll from their sheet (rolled here with the character's
 * modifiers, posted with the DM's visibility for player rolls, and kept for the DM's next
 * {@code party_next}/{@code party_wait}), and "End my turn" (passed only if {@link TurnRules#mayEndTurn}
 * says it is still theirs). The relay checked each request already; everything is checked again here
 * against the campaign, and a request that no longer holds tells the player why in a whisper and changes
 * nothing. Lock order as in {@link DmLoop}: the party service's monitor before the game lock.
 */
final class TableRequests implements Consumer<InboxMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(TableRequests.class);

    private final PartyService party;
    private final DmLoop loop;
    private final Game game;
    private final PlayerChecks checks;
    private final PlayerRolls rolls;

    TableRequests(PartyService party, DmLoop loop, Game game, PlayerChecks checks, PlayerRolls rolls) {
        this.party = party;
        this.loop = loop;
        this.game = game;
        this.checks = checks;
        this.rolls = rolls;
    }

    @Override
    public void accept(InboxMessage message) {
        switch (message) {
            case HostRequested h -> host(h);
            case RollRequested r -> roll(r);
            case TurnEndRequested t -> endTurn(t);
            case InboxMessage.ActionSubmitted a -> { }
            case InboxMessage.PresenceChanged p -> { }
            case InboxMessage.RelayStarted s -> { }
            case InboxMessage.RelayFailed f -> { }
            case InboxMessage.RelayStopped s -> { }
        }
    }

    private void host(HostRequested h) {
        SeatBook seats = party.seats();
        boolean fromHost = game.lock().call(() -> seats.byId(h.seatId()).map(s -> s.role() == Role.DM).orElse(false));
        if (!fromHost) {
            LOG.warn("a host request from a seat that is not the host's was ignored");
            return;
        }
        switch (h.command()) {
            case LOCK -> lock(seats, true, h.seated());
            case UNLOCK -> lock(seats, false, List.of());
            case ROTATE_OBSERVER -> loop.rotate(SeatBook.TV);
            case KICK -> loop.kick(h.target().orElseThrow());
        }
        LOG.info("host screen: {} done", h.command());
    }

    private void lock(SeatBook seats, boolean locked, List<String> seated) {
        PartySession s = party.requireSession();
        game.lock().run(() -> {
            List<String> known = seated.stream().filter(id -> seats.byId(id).filter(x -> x.role() != Role.DM).isPresent())
                    .toList();
            s.publish(new OutboxMessage.RoomLockChanged(locked, known, game.clock().instant()));
        });
    }

    private void roll(RollRequested r) {
        PartySettings settings = party.settings();
        Optional<String> refused = game.lock().call(() -> {
            Campaign c = game.campaigns().current();
            Optional<String> owner = c.ownerOf(r.characterId()).map(Player::id);
            Optional<CharacterSheet> sheet = c.character(r.characterId());
            if (sheet.isEmpty() || !VisibilityRules.canRollFor(r.characterId(), Viewer.player(r.playerId()), owner)) {
                return Optional.of("You can only roll for your own character.");
            }
            PlayerChecks.Check check;
            try {
                check = checks.check(sheet.get(), r.kind(), r.name());
            } catch (GameException e) {
                return Optional.of("Your roll could not be made: " + e.getMessage());
            }
            DiceRolled posted = game.talk().rolled(game.dice().roll(notation(check.modifier()), edge(r.edge())),
                    check.label() + edgeWords(r.edge()), settings.rollVisibility(r.playerId()),
                    Optional.of(sheet.get().name()));
            rolls.add(new PartyAnswer.PlayerRoll(sheet.get().name(), r.playerId(), posted.label(), posted.notation(),
                    posted.dice(), posted.kept(), posted.modifier(), posted.total(), settings.playerRolls(),
                    posted.at().toString()));
            return Optional.<String>empty();
        });
        refused.ifPresent(text -> whisper(r.playerId(), text));
    }

    private void endTurn(TurnEndRequested t) {
        party.requireSession();
        Optional<String> refused = game.lock().call(() -> {
            CombatState combat = game.campaigns().current().combat();
            Viewer viewer = Viewer.player(t.playerId());
            return switch (TurnRules.mayEndTurn(combat, viewer)) {
                case TurnRules.Decision.Allowed a -> {
                    game.combat().next(viewer);
                    yield Optional.<String>empty();
                }
                case TurnRules.Decision.Refused no -> Optional.of("Your turn was not ended: " + no.message() + ".");
            };
        });
        refused.ifPresent(text -> whisper(t.playerId(), text));
    }

    private void whisper(String playerId, String text) {
        game.lock().run(() -> game.talk().whisper(List.of(playerId), text));
    }

    static String notation(int modifier) {
        return modifier == 0 ? "1d20" : modifier > 0 ? "1d20+" + modifier : "1d20" + modifier;
    }

    private static DiceRoller.Edge edge(InboxMessage.RollEdge e) {
        return switch (e) {
            case NORMAL -> DiceRoller.Edge.NONE;
            case ADVANTAGE -> DiceRoller.Edge.ADVANTAGE;
            case DISADVANTAGE -> DiceRoller.Edge.DISADVANTAGE;
        };
    }

    private static String edgeWords(InboxMessage.RollEdge e) {
        return switch (e) {
            case NORMAL -> "";
            case ADVANTAGE -> " (advantage)";
            case DISADVANTAGE -> " (disadvantage)";
        };
    }
}
