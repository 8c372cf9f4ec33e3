package dm20.mcp.party;

import dm20.mcp.game.GameException;
import dm20.mcp.storage.StorageException;
import dm20.protocol.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The DM's settings for the party, kept in {@code party/settings.json} so they survive restarts.
 *
 * @param playerRolls who sees the rolls players ask for from their sheets: {@code public} (default, everyone),
 *                    {@code private} (the rolling player and the DM) or {@code dm-only}
 */
record PartySettings(String playerRolls) {

    static final PartySettings DEFAULT = new PartySettings("public");
    private static final Logger LOG = LoggerFactory.getLogger(PartySettings.class);
    private static final String FILE = "settings.json";

    PartySettings {
        playerRolls = playerRolls == null ? "public" : playerRolls.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!playerRolls.equals("public") && !playerRolls.equals("private") && !playerRolls.equals("dm-only")) {
            throw new GameException("player_rolls must be public, private or dm-only, got '" + playerRolls + "'");
        }
    }

    /** The visibility of a roll {@code playerId} asked for. */
    Visibility rollVisibility(String playerId) {
        return switch (playerRolls) {
            case "private" -> Visibility.player(playerId);
            case "dm-only" -> Visibility.dmOnly();
            default -> Visibility.everyone();
        };
    }

    static PartySettings read(Path partyDir, JsonMapper json) {
        Path file = partyDir.resolve(FILE);
        if (!Files.exists(file)) {
            return DEFAULT;
        }
        try {
            return json.readValue(file.toFile(), PartySettings.class);
        } catch (JacksonException | GameException e) {
            LOG.warn("cannot read {} ({}); using the defaults", file, e.getClass().getSimpleName());
            return DEFAULT;
        }
    }

    void write(Path partyDir, JsonMapper json) {
        try {
            Files.createDirectories(partyDir);
            Path tmp = Files.createTempFile(partyDir, "settings", ".tmp");
            Files.writeString(tmp, json.writeValueAsString(this));
            Files.move(tmp, partyDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StorageException("cannot save " + partyDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }
}
