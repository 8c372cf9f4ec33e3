package dm20.mcp.rules;

/** Six ability scores. */
public record AbilityScores(int str, int dex, int con, int intelligence, int wis, int cha) {

    public AbilityScores {
        for (int s : new int[] {str, dex, con, intelligence, wis, cha}) {
            if (s < 1 || s > 30) {
                throw new IllegalArgumentException("ability scores are 1-30, got " + s);
            }
        }
    }

    /** The score of one ability. */
    public int score(Ability a) {
        return switch (a) {
            case STR -> str;
            case DEX -> dex;
            case CON -> con;
            case INT -> intelligence;
            case WIS -> wis;
            case CHA -> cha;
        };
    }

    /** The modifier of one ability. */
    public int modifier(Ability a) {
        return Ability.modifier(score(a));
    }
}
