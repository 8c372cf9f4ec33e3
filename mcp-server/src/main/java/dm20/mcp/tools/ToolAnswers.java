package dm20.mcp.tools;

import dm20.mcp.game.CampaignInfo;
import dm20.mcp.game.Campaigns;
import dm20.mcp.game.GameEvent;
import dm20.mcp.game.Location;
import dm20.mcp.game.Npc;
import dm20.mcp.game.Player;
import dm20.mcp.game.Quest;
import dm20.mcp.game.TableLog;
import dm20.protocol.sheet.CharacterSheet;

import java.util.List;
import java.util.Optional;

/**
 * The game tools' answers that are not a game record themselves: one record per answer, written as the tool
 * result's JSON text with the shared JSON rules (absent {@code Optional}s are left out). Component names are the
 * wire's field names: add components only at the end.
 */
public final class ToolAnswers {

    private ToolAnswers() {
    }

    /** {@code create_campaign}, {@code load_campaign}, {@code get_campaign_info}. */
    public record CampaignOverview(CampaignInfo campaign, String dir, int characters, int players, boolean inCombat) {
    }

    /** {@code list_campaigns}. */
    public record CampaignList(List<Campaigns.Summary> campaigns) {
    }

    /**
     * One character in {@code list_characters}; {@code hp}, {@code armorClass} and {@code conditions} only for
     * a viewer who may see the sheet.
     */
    public record CharacterSummary(String id, String name, List<CharacterSheet.ClassLevel> classes, int level,
                                   String race, Optional<String> playerId, Optional<CharacterSheet.HitPoints> hp,
                                   Optional<Integer> armorClass, Optional<List<String>> conditions) {
    }

    /** {@code list_characters}. */
    public record CharacterList(List<CharacterSummary> characters) {
    }

    /** {@code delete_character}. */
    public record Deleted(String deleted, String name) {
    }

    /** {@code death_save}. */
    public record DeathSave(int roll, CharacterSheet.DeathSaves deathSaves, boolean stable, boolean dead,
                            CharacterSheet.HitPoints hp) {
    }

    /** {@code get_feed}. */
    public record Feed(List<TableLog.Entry> entries) {
    }

    /** {@code list_players}. */
    public record PlayerList(List<Player> players) {
    }

    /** {@code get_events}. */
    public record EventList(List<GameEvent> events) {
    }

    /** {@code list_npcs}. */
    public record NpcList(List<Npc> npcs) {
    }

    /** {@code list_locations}. */
    public record LocationList(List<Location> locations) {
    }

    /** {@code list_quests}. */
    public record QuestList(List<Quest> quests) {
    }
}
