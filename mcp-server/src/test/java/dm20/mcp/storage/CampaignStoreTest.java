package dm20.mcp.storage;

import dm20.protocol.message.MessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignStoreTest {

    @TempDir
    Path dir;
    @Test
    void write_manyTimes_leavesOnlyTheFinalFileAndNoTemporaries() throws IOException {
        CampaignStore s = new CampaignStore(dir, new MessageCodec().json());
        for (int i = 0; i < 50; i++) {
            s.write("x.json", Map.of("n", i));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("x.json");
        }
        assertThat(s.read("x.json", new TypeReference<Map<String, Integer>>() { })).contains(Map.of("n", 49));
    }

    @Test
    void read_badJson_namesTheFileAndLeavesItUntouched() throws IOException {
        CampaignStore s = new CampaignStore(dir, new MessageCodec().json());
        Path bad = dir.resolve("characters.json");
        Files.writeString(bad, "[{\"id\": \"pc-a\",");
        assertThatThrownBy(() -> s.read("characters.json", new TypeReference<List<Object>>() { }))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("line 1");
        assertThat(Files.readString(bad)).isEqualTo("[{\"id\": \"pc-a\",");
    }

    @Test
    void read_missingFile_isEmpty() {
        CampaignStore s = new CampaignStore(dir, new MessageCodec().json());
        assertThat(s.read("none.json", new TypeReference<Map<String, Object>>() { })).isEmpty();
    }

    @Test
    void write_crashLeftATemporary_readIgnoresItAndOldFileStays() throws IOException {
        CampaignStore s = new CampaignStore(dir, new MessageCodec().json());
        s.write("game_state.json", Map.of("session", 1));
        Files.writeString(dir.resolve(".game_state.json.123.tmp"), "{\"sess");
        assertThat(s.read("game_state.json", new TypeReference<Map<String, Integer>>() { })).contains(Map.of("session", 1));
    }

    @Test
    void write_unwritableDirectory_failsNamingTheFile() throws IOException {
        Path file = dir.resolve("blocker");
        Files.writeString(file, "not a dir");
        CampaignStore s = new CampaignStore(file, new MessageCodec().json());
        assertThatThrownBy(() -> s.write("a.json", Map.of()))
                .isInstanceOf(StorageException.class).hasMessageContaining("a.json");
    }
}
