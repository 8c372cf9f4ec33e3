package dm20.mcp.engine;

import dm20.mcp.game.DiceRoller;
import dm20.mcp.game.DiceRoller.Edge;
import dm20.mcp.game.DiceRoller.Roll;
import dm20.mcp.game.TableTalk;
import dm20.protocol.Visibility;

/**
 * The engine's dice: every roll is rolled by the game's {@link DiceRoller} and posted to the table through
 * {@link TableTalk} with a label written once the outcome is known ("Goblin attacks Thorin: 17 vs AC 18 —
 * miss"), so players see what the engine decided as it happens.
 */
final class TableDice {

    private final DiceRoller dice;
    private final TableTalk talk;

    TableDice(DiceRoller dice, TableTalk talk) {
        this.dice = dice;
        this.talk = talk;
    }

    /** Rolls without posting; call {@link #post} once the label is known. */
    Roll roll(String notation, Edge edge) {
        return dice.roll(notation, edge);
    }

    /** Rolls a d20 plus {@code bonus}, with advantage or disadvantage. */
    Roll d20(int bonus, Edge edge) {
        return dice.roll(DamageMath.plus("1d20", bonus), edge);
    }

    /** Posts a roll to the table. */
    void post(Roll roll, String label, Visibility visibility) {
        talk.rolled(roll, label, visibility);
    }

    /** The d20 face that counted (the kept one under advantage or disadvantage). */
    static int natural(Roll r) {
        return r.kept().orElse(r.dice().get(0));
    }

    /** Announces an event (a condition ends, concentration breaks, someone falls) to the table. */
    void announce(String text, Visibility visibility) {
        talk.share(text, visibility);
    }
}
