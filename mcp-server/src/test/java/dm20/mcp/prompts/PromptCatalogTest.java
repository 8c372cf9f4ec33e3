package dm20.mcp.prompts;

import dm20.mcp.AllTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prompts are the Claude Code command files: same set, same words, one table voice. */
class PromptCatalogTest {

    static final Path COMMANDS = Path.of("../.claude/commands/dm");

    @Test
    void catalog_names_areExactlyTheCommandFiles() throws IOException {
        try (Stream<Path> files = Files.list(COMMANDS)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).toList())
                    .containsExactlyInAnyOrderElementsOf(PromptCatalog.NAMES);
        }
    }

    @Test
    void packagedPrompts_equalTheCommandFilesInTheRepository() throws IOException {
        for (CommandFile packaged : PromptCatalog.packaged().commands()) {
            CommandFile repo = CommandFile.parse(packaged.name(), Files.readString(COMMANDS.resolve(packaged.name() + ".md")));
            assertThat(packaged).as(packaged.name()).isEqualTo(repo);
        }
    }

    @Test
    void everyCommand_carriesTheTableVoice() {
        for (CommandFile c : PromptCatalog.packaged().commands()) {
            assertThat(c.body().replaceAll("\\s+", " ")).as(c.name()).contains(PromptCatalog.TABLE_VOICE);
        }
    }

    /** The rules engine's tools, landing in parallel; the combat prompt names them already. */
    static final Set<String> ENGINE_TOOLS = Set.of("attack", "cast_spell", "saving_throw", "apply_condition",
            "build_encounter", "search_rules");

    @Test
    void everyCommand_namesOnlyToolsAndParametersTheServerHas(@TempDir Path root) {
        Set<String> known = new HashSet<>(ENGINE_TOOLS);
        for (var spec : AllTools.on(root).specifications()) {
            known.add(spec.tool().name());
            known.addAll(((Map<?, ?>) spec.tool().inputSchema().get("properties")).keySet().stream()
                    .map(Object::toString).toList());
        }
        Pattern snake = Pattern.compile("`([a-z]+_[a-z0-9_]+)`");
        for (CommandFile c : PromptCatalog.packaged().commands()) {
            Matcher m = snake.matcher(c.body());
            while (m.find()) {
                assertThat(known).as(c.name() + " names `" + m.group(1) + "`").contains(m.group(1));
            }
        }
        assertThat(PromptCatalog.packaged().command("combat").orElseThrow().body())
                .contains(ENGINE_TOOLS.stream().map(t -> "`" + t + "`").toList());
    }

    @Test
    void partyNext_asksForThirdPersonNarrative_notSecondPersonForTheActor() {
        String body = PromptCatalog.packaged().command("party-next").orElseThrow().body();
        assertThat(body).doesNotContain("second person for the actor").contains("third person naming");
    }

    @Test
    void specifications_oneMcpPromptPerCommand_withArgumentsFromTheHint() {
        var specs = PromptCatalog.packaged().specifications();
        assertThat(specs).extracting(s -> s.prompt().name()).containsExactlyElementsOf(PromptCatalog.NAMES);
        var kick = specs.stream().filter(s -> s.prompt().name().equals("party-kick")).findFirst().orElseThrow();
        assertThat(kick.prompt().arguments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("seat");
            assertThat(a.required()).isTrue();
        });
        var mode = specs.stream().filter(s -> s.prompt().name().equals("party-mode")).findFirst().orElseThrow();
        assertThat(mode.prompt().arguments()).extracting(a -> a.name()).containsExactly("port", "public_url");
    }

    @Test
    void render_arguments_replaceDollarArgumentsJoinedInOrder() {
        CommandFile mode = PromptCatalog.packaged().command("party-mode").orElseThrow();
        assertThat(mode.render(Map.of("public_url", "http://tv:9000", "port", "9000")))
                .contains("\"9000 http://tv:9000\"").doesNotContain("$ARGUMENTS");
        assertThat(mode.render(Map.of())).contains("\"\"").doesNotContain("$ARGUMENTS");
    }

    @Test
    void render_missingRequiredArgument_isAClearError() {
        CommandFile kick = PromptCatalog.packaged().command("party-kick").orElseThrow();
        assertThatThrownBy(() -> kick.render(Map.of())).hasMessageContaining("party-kick")
                .hasMessageContaining("'seat'");
    }

    @Test
    void render_unknownArgument_isAClearError() {
        CommandFile kick = PromptCatalog.packaged().command("party-kick").orElseThrow();
        assertThatThrownBy(() -> kick.render(Map.of("seat", "Thorin", "colour", "red")))
                .hasMessageContaining("no argument 'colour'").hasMessageContaining("[seat]");
    }

    @Test
    void parse_noFrontMatter_isAClearError() {
        assertThatThrownBy(() -> CommandFile.parse("x", "just text")).hasMessageContaining("command x: no front matter");
    }

    @Test
    void parse_noDescription_isAClearError() {
        assertThatThrownBy(() -> CommandFile.parse("x", "---\nargument-hint: \"<a>\"\n---\nbody"))
                .hasMessageContaining("command x has no description");
    }

    @Test
    void parse_hint_requiredAndOptionalArgumentsInOrder() {
        CommandFile c = CommandFile.parse("x", "---\ndescription: d\nargument-hint: \"<who> [public url]\"\n---\nHi $ARGUMENTS\n");
        assertThat(c.arguments()).containsExactly(new CommandFile.Argument("who", true),
                new CommandFile.Argument("public_url", false));
        assertThat(c.render(Map.of("who", "Ann"))).isEqualTo("Hi Ann");
        assertThat(List.of(c.description())).containsExactly("d");
    }
}
