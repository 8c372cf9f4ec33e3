package dm20.mcp.game;

import java.util.Optional;

/**
 * Someone joining combat, as the DM names them.
 *
 * @param name       a character's name or id (a PC), or a monster's or NPC's name
 * @param initiative initiative roll total
 * @param kind       "pc", "monster" or "npc"; when absent a matching character makes a PC, else a monster
 * @param hp         current HP of a monster or NPC (PCs use their sheet)
 * @param maxHp      maximum HP of a monster or NPC (defaults to {@code hp})
 * @param hidden     not yet revealed to the players
 * @param ac         armor class of a monster or NPC (PCs use their sheet)
 */
public record Participant(String name, int initiative, Optional<String> kind, Optional<Integer> hp,
                          Optional<Integer> maxHp, boolean hidden, Optional<Integer> ac) {

    /** A participant without an armor class. */
    public Participant(String name, int initiative, Optional<String> kind, Optional<Integer> hp,
                       Optional<Integer> maxHp, boolean hidden) {
        this(name, initiative, kind, hp, maxHp, hidden, Optional.empty());
    }

    public Participant {
        ac = ac == null ? Optional.empty() : ac;
        CharacterDraft.requireText(name, "participant name");
        kind = kind == null ? Optional.empty() : kind.map(k -> k.strip().toLowerCase(java.util.Locale.ROOT));
        hp = hp == null ? Optional.empty() : hp;
        maxHp = maxHp == null ? Optional.empty() : maxHp;
        kind.filter(k -> !k.equals("pc") && !k.equals("monster") && !k.equals("npc")).ifPresent(k -> {
            throw new IllegalArgumentException("participant kind must be pc, monster or npc, got '" + k + "'");
        });
    }
}
