package dm20.mcp.game;

import java.time.Instant;
import java.util.Objects;

/**
 * A campaign's identity.
 *
 * @param id          the folder name (a slug of the first name), stable
 * @param name        display name
 * @param description free text
 * @param createdAt   when it was created
 */
public record CampaignInfo(String id, String name, String description, Instant createdAt) {
    public CampaignInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
