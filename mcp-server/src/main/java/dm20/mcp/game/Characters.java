package dm20.mcp.game;

import dm20.protocol.Viewer;
import dm20.protocol.message.OutboxMessage.CharacterUpdated;
import dm20.protocol.sheet.CharacterSheet;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The current campaign's characters: create, find by name or id, change under the permission rules,
 * delete. Every change is saved and announced as {@code CharacterUpdated} with the owning player. Not
 * thread-safe: callers hold the {@link GameLock}.
 */
public final class Characters {

    private final Campaigns campaigns;
    private final TableFeed feed;
    private final Clock clock;
    private final CharacterRules rules;

    public Characters(Campaigns campaigns, TableFeed feed, Clock clock, CharacterRules rules) {
        this.campaigns = campaigns;
        this.feed = feed;
        this.clock = clock;
        this.rules = rules;
    }

    /** Creates a character (DM only); its id is {@code pc-<slug of the name>}, never reused for another. */
    public CharacterSheet create(Viewer viewer, CharacterSpec spec) {
        return createByRules(viewer, spec).sheet();
    }

    /**
     * Creates a character (DM only), derived from the class and race data where the rules know them
     * ({@link CharacterRules}); the answer says what was derived.
     */
    public CharacterRules.Created createByRules(Viewer viewer, CharacterSpec spec) {
        Permissions.requireDm(viewer, "create characters");
        Campaign c = campaigns.current();
        requireFreeName(c, spec.name(), Optional.empty());
        String base = "pc-" + Names.slug(spec.name());
        String id = base;
        for (int n = 2; c.characters.containsKey(id); n++) {
            id = base + "-" + n;
        }
        CharacterRules.Created created = rules.create(id, spec);
        put(created.sheet());
        return created;
    }

    /**
     * Raises a character one level in its class ({@link LevelUp}); saved and announced like any change.
     *
     * @param roll      roll the hit die instead of taking the average
     * @param increases the ability score improvement, at the levels that give one
     */
    public LevelUp.Result levelUp(Viewer viewer, String query, boolean roll, java.util.Map<String, Integer> increases) {
        CharacterSheet before = find(query);
        Permissions.requireCanChange(viewer, before, campaigns.current().ownerOf(before.id()));
        LevelUp.Result result = LevelUp.apply(before, rules, roll, increases);
        put(result.sheet());
        return result;
    }

    /** A character by id or case-insensitive name. @throws GameException with "did you mean" */
    public CharacterSheet find(String query) {
        return Names.find("character", query, campaigns.current().characters.values(), CharacterSheet::id,
                CharacterSheet::name);
    }

    /** A character's sheet, if {@code viewer} may see it. */
    public CharacterSheet get(Viewer viewer, String query) {
        CharacterSheet s = find(query);
        Permissions.requireCanView(viewer, s, campaigns.current().ownerOf(s.id()));
        return s;
    }

    /** All characters, in creation order. */
    public List<CharacterSheet> list() {
        return campaigns.current().characters();
    }

    /** Applies {@code change} to a character {@code viewer} may change; saves and announces the result. */
    public CharacterSheet change(Viewer viewer, String query, UnaryOperator<CharacterSheet> change) {
        CharacterSheet before = find(query);
        Permissions.requireCanChange(viewer, before, campaigns.current().ownerOf(before.id()));
        CharacterSheet after = change.apply(before);
        if (!after.id().equals(before.id())) {
            throw new IllegalStateException("a change must keep the character id " + before.id());
        }
        requireFreeName(campaigns.current(), after.name(), Optional.of(before.id()));
        return put(after);
    }

    /** Deletes a character (DM only); its player seat, if any, becomes an observer seat. */
    public CharacterSheet delete(Viewer viewer, String query) {
        Permissions.requireDm(viewer, "delete characters");
        Campaign c = campaigns.current();
        CharacterSheet s = find(query);
        if (c.combat().order().stream().anyMatch(x -> x.id().equals(s.id()))) {
            throw new GameException(s.name() + " is in combat; end_combat first");
        }
        c.ownerOf(s.id()).ifPresent(p -> {
            c.players.put(p.id(), new Player(p.id(), p.name(), dm20.protocol.Role.OBSERVER, Optional.empty()));
            c.save(Campaign.PLAYERS);
        });
        c.characters.remove(s.id());
        c.save(Campaign.CHARACTERS);
        return s;
    }

    /** Stores a sheet (new or changed), saves, and announces it. For the game's own rule changes. */
    CharacterSheet put(CharacterSheet sheet) {
        Campaign c = campaigns.current();
        c.characters.put(sheet.id(), sheet);
        c.save(Campaign.CHARACTERS);
        feed.publish(new CharacterUpdated(sheet.id(), c.ownerOf(sheet.id()).map(Player::id), sheet, clock.instant()));
        return sheet;
    }

    private static void requireFreeName(Campaign c, String name, Optional<String> self) {
        c.characters.values().stream()
                .filter(s -> s.name().equalsIgnoreCase(name.strip()) && !Optional.of(s.id()).equals(self))
                .findFirst().ifPresent(s -> {
                    throw new GameException("a character named '" + s.name() + "' already exists (" + s.id() + ")");
                });
    }
}
