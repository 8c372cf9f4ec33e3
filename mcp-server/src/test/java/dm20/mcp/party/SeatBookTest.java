package dm20.mcp.party;

import dm20.mcp.game.GameException;
import dm20.mcp.game.Player;
import dm20.protocol.Role;
import dm20.protocol.Tokens;
import dm20.protocol.message.MessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeatBookTest {

    @TempDir
    Path party;

    private final Tokens tokens = new Tokens(new SecureRandom());
    private final MessageCodec codec = new MessageCodec();

    private static List<Player> players(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Player("player-p" + i, "P" + i, Role.PLAYER,
                Optional.of("pc-" + i))).toList();
    }

    @Test
    void sync_twelvePlayers_issuesASeatEachPlusHostAndTv() {
        List<SeatLink> seats = new SeatBook(party, codec.json(), tokens).sync(players(12), id -> "Hero " + id);

        assertThat(seats).hasSize(14);
        assertThat(seats).filteredOn(s -> s.role() == Role.PLAYER).hasSize(12);
        assertThat(seats).extracting(SeatLink::token).doesNotHaveDuplicates().allMatch(t -> t.length() >= 22);
        assertThat(seats).extracting(SeatLink::seatId).contains(SeatBook.HOST, SeatBook.TV);
    }

    @Test
    void sync_reopened_keepsEveryTokenSoLinksSurviveRestarts() {
        List<SeatLink> first = new SeatBook(party, codec.json(), tokens).sync(players(3), id -> id);

        List<SeatLink> second = new SeatBook(party, codec.json(), tokens).sync(players(3), id -> id);

        assertThat(second).extracting(SeatLink::token).containsExactlyElementsOf(first.stream().map(SeatLink::token).toList());
    }

    @Test
    void seatsFile_isOwnerOnlyAndHoldsPaths() throws Exception {
        SeatBook book = new SeatBook(party, codec.json(), tokens);
        List<SeatLink> seats = book.sync(players(2), id -> id);

        assertThat(Files.getPosixFilePermissions(book.filePath())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(book.filePath())).contains("\"path\":\"/play#" + seats.get(1).token() + "\"")
                .contains("/host#");
    }

    @Test
    void rotate_givesANewTokenAndPersistsIt() {
        SeatBook book = new SeatBook(party, codec.json(), tokens);
        SeatLink before = book.sync(players(2), id -> id).get(1);

        SeatLink after = book.rotate(before.seatId());

        assertThat(after.token()).isNotEqualTo(before.token());
        assertThat(after.tokenHash()).isEqualTo(Tokens.hash(after.token()));
        assertThat(new SeatBook(party, codec.json(), tokens).byId(before.seatId())).map(SeatLink::token)
                .contains(after.token());
    }

    @Test
    void find_byPlayerCharacterOrName_andUnknownNamesTheSeats() {
        SeatBook book = new SeatBook(party, codec.json(), tokens);
        book.sync(players(2), id -> "Hero " + id);

        assertThat(book.find("player-p1").seatId()).isEqualTo("seat-player-p1");
        assertThat(book.find("pc-0").seatId()).isEqualTo("seat-player-p0");
        assertThat(book.find("hero pc-1").seatId()).isEqualTo("seat-player-p1");
        assertThatThrownBy(() -> book.find("Zed")).isInstanceOf(GameException.class).hasMessageContaining("P0 (Hero pc-0)");
    }

    @Test
    void seatsFile_corrupt_isAClearErrorNamingTheFile() throws Exception {
        Files.writeString(party.resolve("seats.json"), "{\"seats\": [ {\"seatId\": ");

        assertThatThrownBy(() -> new SeatBook(party, codec.json(), tokens)).hasMessageContaining("seats.json");
    }

    @Test
    void seatLink_toString_neverShowsTheToken() {
        SeatLink seat = new SeatBook(party, codec.json(), tokens).sync(players(1), id -> id).get(1);

        assertThat(seat.toString()).doesNotContain(seat.token());
    }
}
