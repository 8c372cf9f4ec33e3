package dm20.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may see a piece of information.
 *
 * @param scope   the audience
 * @param players for {@link Scope#PLAYERS}, the player ids that may see it (at least one); empty otherwise
 */
public record Visibility(Scope scope, Set<String> players) {

    /** The audiences, from widest to narrowest. */
    public enum Scope {
        /** Everyone, observers included. */
        PUBLIC,
        /** Every player at the table, but not observers. */
        PARTY,
        /** Only the listed players (one for a private note, several for a subset). */
        PLAYERS,
        /** Only the DM; never sent to the web. */
        DM_ONLY
    }

    private static final Visibility PUBLIC = new Visibility(Scope.PUBLIC, Set.of());
    private static final Visibility PARTY = new Visibility(Scope.PARTY, Set.of());
    private static final Visibility DM_ONLY = new Visibility(Scope.DM_ONLY, Set.of());

    public Visibility {
        Objects.requireNonNull(scope, "scope");
        players = players == null ? Set.of() : Set.copyOf(new TreeSet<>(players));
        if (scope == Scope.PLAYERS && players.isEmpty()) {
            throw new IllegalArgumentException("visibility PLAYERS needs at least one player id");
        }
        if (scope != Scope.PLAYERS && !players.isEmpty()) {
            throw new IllegalArgumentException("visibility " + scope + " takes no player ids, got " + players);
        }
        if (players.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("visibility player ids must not be blank: " + players);
        }
    }

    /** Everyone, observers included. */
    public static Visibility everyone() {
        return PUBLIC;
    }

    /** Every player, not observers. */
    public static Visibility party() {
        return PARTY;
    }

    /** The DM alone. */
    public static Visibility dmOnly() {
        return DM_ONLY;
    }

    /** The listed players (and the DM). */
    public static Visibility players(Collection<String> playerIds) {
        return new Visibility(Scope.PLAYERS, Set.copyOf(playerIds));
    }

    /** One player (and the DM). */
    public static Visibility player(String playerId) {
        return players(List.of(playerId));
    }

    /** True unless everyone may see it. Not part of the wire format. */
    @JsonIgnore
    public boolean isRestricted() {
        return scope != Scope.PUBLIC;
    }
}
