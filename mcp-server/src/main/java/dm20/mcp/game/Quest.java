package dm20.mcp.game;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A quest; {@code status} is one of active, completed, failed. */
public record Quest(String id, String name, String description, String status, List<String> objectives,
                    String notes) {

    /** The allowed statuses. */
    public static final Set<String> STATUSES = Set.of("active", "completed", "failed");

    public Quest {
        Objects.requireNonNull(id, "id");
        CharacterDraft.requireText(name, "name");
        description = Objects.requireNonNullElse(description, "");
        status = status == null || status.isBlank() ? "active" : status.strip().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("quest status must be active, completed or failed, got '" + status + "'");
        }
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        notes = Objects.requireNonNullElse(notes, "");
    }
}
