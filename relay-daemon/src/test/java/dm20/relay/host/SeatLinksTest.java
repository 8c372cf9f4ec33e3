package dm20.relay.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The host's own link can never be read as a link for players, whatever {@code seats.json} says. */
class SeatLinksTest {

    @TempDir
    Path dir;

    private SeatLinks.Links read(String json, Set<String> dmSeats) throws Exception {
        Path file = dir.resolve("seats.json");
        Files.writeString(file, json);
        return new SeatLinks(file).read(dmSeats);
    }

    @Test
    void read_dmSeatWithHostPath_isTheHostLinkAndNoPlayerLink() throws Exception {
        var links = read("{\"seats\":[{\"seatId\":\"seat-host\",\"role\":\"DM\",\"token\":\"HOSTTOKEN\",\"path\":\"/host#HOSTTOKEN\"},"
                + "{\"seatId\":\"seat-p1\",\"role\":\"PLAYER\",\"token\":\"P1TOKEN\",\"path\":\"/play#P1TOKEN\"}]}", Set.of());

        assertThat(links.players()).containsOnlyKeys("seat-p1");
        assertThat(links.players().get("seat-p1").path()).isEqualTo("/play#P1TOKEN");
        assertThat(links.host()).get().extracting(SeatLinks.HostLink::path).isEqualTo("/host#HOSTTOKEN");
    }

    @Test
    void read_dmSeatDisguisedAsPlayPath_neverBecomesAPlayerLink() throws Exception {
        var links = read("{\"seats\":[{\"seatId\":\"seat-host\",\"role\":\"DM\",\"token\":\"HOSTTOKEN\",\"path\":\"/play#HOSTTOKEN\"},"
                + "{\"seatId\":\"seat-x\",\"role\":\"PLAYER\",\"token\":\"XTOKEN\",\"path\":\"/play#XTOKEN\"}]}",
                Set.of("seat-x"));

        assertThat(links.players()).isEmpty();
        assertThat(links.host()).get().extracting(SeatLinks.HostLink::path).isEqualTo("/host#HOSTTOKEN");
    }

    @Test
    void read_playerSeatWithHostPath_isDropped() throws Exception {
        var links = read("{\"seats\":[{\"seatId\":\"seat-p1\",\"role\":\"PLAYER\",\"token\":\"T\",\"path\":\"/host#T\"}]}",
                Set.of());

        assertThat(links.players()).isEmpty();
        assertThat(links.host()).isEmpty();
    }

    @Test
    void read_brokenOrMissingFile_readsAsNoLinks() throws Exception {
        assertThat(read("{not json", Set.of()).players()).isEmpty();
        assertThat(read("{\"seats\":{\"seatId\":\"seat-p1\"}}", Set.of()).players()).isEmpty();
        assertThat(new SeatLinks(dir.resolve("absent.json")).read(Set.of()).host()).isEmpty();
    }

    @Test
    void read_prettyPrintedWithSurroundingWhitespace_readsTheLinks() throws Exception {
        var links = read("""

                {"seats":[{"seatId":"p1","role":"PLAYER","displayName":"Hero1","token":"token-p1","path":"/play#token-p1"},
                          {"seatId":"tv","role":"OBSERVER","displayName":"TV","token":"token-tv","path":"/play#token-tv"}]}
                """, Set.of());

        assertThat(links.players()).containsOnlyKeys("p1", "tv");
    }

    @Test
    void read_fileWrittenByTheServer_otherFieldsIgnoredAndSeatWithoutIdSkipped() throws Exception {
        var links = read("{\"seats\":[{\"seatId\":\"seat-p1\",\"role\":\"PLAYER\",\"displayName\":\"Ann\","
                + "\"playerId\":\"ann\",\"characterId\":\"c1\",\"token\":\"P1TOKEN\",\"path\":\"/play#P1TOKEN\"},"
                + "{\"role\":\"PLAYER\",\"path\":\"/play#NOID\"},"
                + "{\"seatId\":\"seat-host\",\"role\":\"DM\",\"displayName\":\"DM\",\"token\":\"HOSTTOKEN\"}]}", Set.of());

        assertThat(links.players()).containsOnlyKeys("seat-p1");
        assertThat(links.host()).get().extracting(SeatLinks.HostLink::path).isEqualTo("/host#HOSTTOKEN");
    }

    @Test
    void playerLink_hostPath_cannotBeConstructed() {
        assertThatThrownBy(() -> new SeatLinks.PlayerLink("seat-host", "/host#HOSTTOKEN"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatLinks.PlayerLink("s", "/play#")).isInstanceOf(IllegalArgumentException.class);
    }
}
