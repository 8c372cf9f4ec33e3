package dm20.mcp.engine;

import dm20.mcp.game.GameException;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Someone (or a group) joining a fight, as the DM names them: a character, an SRD monster by name and
 * count ("3 goblins"), or a hand-made monster with its numbers.
 *
 * @param name       character name or id, or a monster's name (singular or plural)
 * @param count      how many of that monster, 1..50
 * @param initiative initiative total; rolled (d20 + DEX modifier) when absent
 * @param kind       "pc", "monster" or "npc", when the DM says
 * @param hp         HP of a monster (overrides the stat block)
 * @param maxHp      max HP of a monster
 * @param hidden     not yet revealed to the players
 * @param ac         armor class of a hand-made monster (overrides the stat block)
 * @param rollHp     roll an SRD monster's hit dice instead of taking the average
 */
public record Recruit(String name, int count, Optional<Integer> initiative, Optional<String> kind,
                      Optional<Integer> hp, Optional<Integer> maxHp, boolean hidden, Optional<Integer> ac,
                      boolean rollHp) {

    private static final Pattern COUNTED = Pattern.compile("^(\\d+)\\s*[x×]?\\s+(.+)$");

    public Recruit {
        if (name == null || name.isBlank()) {
            throw new GameException("each participant needs a name (a character, or a monster such as '2 goblins')");
        }
        name = name.strip();
        if (count < 1 || count > 50) {
            throw new GameException("count must be 1..50, got " + count + " for '" + name + "'");
        }
        initiative = initiative == null ? Optional.empty() : initiative;
        kind = kind == null ? Optional.empty() : kind.map(k -> k.strip().toLowerCase(Locale.ROOT));
        hp = hp == null ? Optional.empty() : hp;
        maxHp = maxHp == null ? Optional.empty() : maxHp;
        ac = ac == null ? Optional.empty() : ac;
    }

    /** A name that may start with a count: "3 goblins" is three of "goblins"; "Thorin" is one. */
    public static Recruit named(String text) {
        Matcher m = COUNTED.matcher(text.strip());
        if (m.matches()) {
            return new Recruit(m.group(2), Integer.parseInt(m.group(1)), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), false, Optional.empty(), false);
        }
        return new Recruit(text, 1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), false);
    }

    /** Singular forms to try for a monster name: as given, then without a plural ending. */
    java.util.List<String> singulars() {
        String n = name;
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of(n));
        String l = n.toLowerCase(Locale.ROOT);
        if (l.endsWith("ves")) {
            out.add(n.substring(0, n.length() - 3) + "f");
        }
        if (l.endsWith("ies")) {
            out.add(n.substring(0, n.length() - 3) + "y");
        }
        if (l.endsWith("es")) {
            out.add(n.substring(0, n.length() - 2));
        }
        if (l.endsWith("s")) {
            out.add(n.substring(0, n.length() - 1));
        }
        if (l.endsWith("men")) {
            out.add(n.substring(0, n.length() - 3) + "man");
        }
        return out;
    }
}
