package dm20.mcp.tools;

import dm20.mcp.game.Campaign;
import dm20.mcp.game.Game;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.List;

import static dm20.mcp.tools.Param.Type.TEXT;

/** create_campaign, load_campaign, list_campaigns, get_campaign_info. */
public final class CampaignTools implements ToolGroup {

    private static final Param CAMPAIGN = Param.required("campaign", TEXT, "the campaign's name or id");

    private final ToolKit kit;
    private final Game game;

    public CampaignTools(ToolKit kit, Game game) {
        this.kit = kit;
        this.game = game;
    }

    @Override
    public List<SyncToolSpecification> tools() {
        return List.of(
                kit.tool("create_campaign", Hints.ADD, "Create a new campaign folder and make it the current campaign.",
                        List.of(Param.required("name", TEXT, "campaign name"),
                                Param.optional("description", TEXT, "what the campaign is about")),
                        a -> info(game.campaigns().create(a.text("name"), a.optText("description").orElse("")))),
                kit.tool("load_campaign", Hints.SET, "Load a campaign by name or id and make it current.",
                        List.of(CAMPAIGN), a -> info(game.campaigns().load(a.text("campaign")))),
                kit.tool("list_campaigns", Hints.READ, "List the campaigns under the campaign root.", List.of(),
                        a -> new ToolAnswers.CampaignList(game.campaigns().list())),
                kit.tool("get_campaign_info", Hints.READ, "The current campaign: name, counts, combat status, folder.",
                        List.of(), a -> info(game.campaigns().current())));
    }

    private static ToolAnswers.CampaignOverview info(Campaign c) {
        return new ToolAnswers.CampaignOverview(c.info(), c.dir().toString(), c.characters().size(), c.players().size(),
                c.combat().active());
    }
}
