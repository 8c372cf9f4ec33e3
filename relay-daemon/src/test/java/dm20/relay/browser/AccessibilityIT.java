package dm20.relay.browser;

import dm20.protocol.Role;
import dm20.protocol.Visibility;
import dm20.relay.browser.TableScript.SeatKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (from npm, injected by the test) finds no violation on the player page at phone size (feed, combat,
 * whispers tab, sheet open), the TV view at 1920×1080 and the host screen at 1280×800.
 */
@TableTitle("The Goblin Warrens")
class AccessibilityIT extends BrowserTest {

    @AfterEach
    void phoneAgain() {
        table.endCombat();
        browser.phone();
    }

    private void story() {
        table.narrative("Rain hammers the ruined watchtower. **What do you do?**", Visibility.everyone());
        table.roll("Athletics", 16, Visibility.everyone());
    }

    @Test
    void playerPage_phoneInCombatWithWhispersAndSheet_hasNoAxeViolations() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey ben = table.player("Ben (Bor)");
        table.sheet(ann, TableScript.sampleSheet(ann, "Ara", 12));
        story();
        table.whisper("You notice a loose stone.", ann.playerId());
        table.combat(List.of(ann, ben), List.of("Ara", "Bor"), ann, Optional.of(ben));
        t.join(ann);
        browser.untilText("#cb-name", "Ara");
        browser.until(d -> browser.visible("#combat"));

        assertThat(browser.axe()).as("feed in combat").isEmpty();
        browser.find("#tab-private").click();
        browser.untilText("#private", "loose stone");
        assertThat(browser.axe()).as("whispers tab").isEmpty();
        browser.find("#tab-feed").click();
        browser.find("#charbar").click();
        browser.until(d -> browser.visible("#sheet"));
        assertThat(browser.axe()).as("sheet open").isEmpty();
    }

    @Test
    void tvView_at1920_hasNoAxeViolations() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey tv = table.seat(Role.OBSERVER, "Table TV");
        story();
        table.combat(List.of(ann), List.of("Ara"), ann, Optional.empty());
        browser.viewport(1920, 1080, false);
        t.join(tv);
        browser.until(d -> browser.visible("#combat"));

        assertThat(browser.axe()).isEmpty();
    }

    @Test
    void hostScreen_at1280_hasNoAxeViolations() throws Exception {
        SeatKey dm = table.seat(Role.DM, "Host");
        SeatKey ann = table.player("Ann (Ara)");
        Files.createDirectories(campaign.resolve("party"));
        Files.writeString(campaign.resolve("party").resolve("seats.json"), "{\"seats\":["
                + "{\"seatId\":\"" + dm.seatId() + "\",\"role\":\"DM\",\"displayName\":\"Host\",\"token\":\"" + dm.token()
                + "\",\"path\":\"/host#" + dm.token() + "\"},"
                + "{\"seatId\":\"" + ann.seatId() + "\",\"role\":\"PLAYER\",\"displayName\":\"Ann (Ara)\",\"token\":\""
                + ann.token() + "\",\"path\":\"/play#" + ann.token() + "\"}]}");
        t.awaitSeat(dm.token());
        browser.fresh(t.relay().base());
        browser.viewport(1280, 800, false);
        browser.driver().get(t.relay().base() + "/host#" + dm.token());
        browser.until(d -> browser.js("return document.querySelectorAll('#h-seats img').length > 0"));

        assertThat(browser.axe()).as("host screen").isEmpty();
        browser.find("[data-seat='" + ann.seatId() + "']").click();
        browser.until(d -> browser.visible("#big"));
        assertThat(browser.axe()).as("one code large").isEmpty();
    }
}
