package dm20.mcp.game;

import dm20.protocol.Viewer;
import dm20.protocol.Visibility;
import dm20.protocol.VisibilityRules;
import dm20.protocol.message.OutboxMessage.DiceRolled;
import dm20.protocol.message.OutboxMessage.NarrativePosted;
import dm20.protocol.message.OutboxMessage.PrivateMessageSent;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What is said at the table and to whom (the PrivateInfoManager): narration with a visibility, whispers
 * to one or several players, dice rolls (hidden ones too). Each is logged for the OutputFilter and
 * announced on the {@link TableFeed}. Not thread-safe: callers hold the {@link GameLock}.
 */
public final class TableTalk {

    private final Campaigns campaigns;
    private final TableFeed feed;
    private final Clock clock;
    private final Supplier<String> ids;

    public TableTalk(Campaigns campaigns, TableFeed feed, Clock clock) {
        this(campaigns, feed, clock, () -> UUID.randomUUID().toString());
    }

    TableTalk(Campaigns campaigns, TableFeed feed, Clock clock, Supplier<String> ids) {
        this.campaigns = campaigns;
        this.feed = feed;
        this.clock = clock;
        this.ids = ids;
    }

    /** Posts narration to {@code visibility}'s audience. */
    public NarrativePosted share(String text, Visibility visibility) {
        NarrativePosted m = new NarrativePosted(ids.get(), text, visibility, clock.instant());
        log(m.postId(), "narrative", text, visibility);
        feed.publish(m);
        return m;
    }

    /** Whispers {@code text} to the given players only. */
    public PrivateMessageSent whisper(List<String> playerIds, String text) {
        PrivateMessageSent m = new PrivateMessageSent(ids.get(), playerIds, text, clock.instant());
        log(m.messageId(), "whisper", text, Visibility.players(playerIds));
        feed.publish(m);
        return m;
    }

    /** Announces a roll to {@code visibility}'s audience, with nobody named as the roller. */
    public DiceRolled rolled(DiceRoller.Roll roll, String label, Visibility visibility) {
        return rolled(roll, label, visibility, java.util.Optional.empty());
    }

    /** Announces a roll by {@code actor} (a character's or monster's name) to {@code visibility}'s audience. */
    public DiceRolled rolled(DiceRoller.Roll roll, String label, Visibility visibility, java.util.Optional<String> actor) {
        DiceRolled m = new DiceRolled(ids.get(), label, roll.notation(), roll.dice(), roll.kept(), roll.modifier(),
                roll.total(), visibility, clock.instant(), actor);
        log(m.rollId(), "roll", (label.isBlank() ? "" : label + ": ") + roll.notation() + " = " + roll.total(),
                visibility);
        feed.publish(m);
        return m;
    }

    /** The last {@code limit} entries {@code viewer} may see. */
    public List<TableLog.Entry> visibleTo(Viewer viewer, int limit) {
        return campaigns.current().log.visibleTo(viewer, limit);
    }

    /** Whether {@code viewer} may see something with {@code visibility} (the one rule, from the protocol). */
    public static boolean canSee(Visibility visibility, Viewer viewer) {
        return VisibilityRules.canSee(visibility, viewer);
    }

    private void log(String id, String kind, String text, Visibility visibility) {
        campaigns.current().log.add(new TableLog.Entry(id, kind, text, visibility, clock.instant()));
    }
}
