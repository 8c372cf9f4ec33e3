package dm20.protocol.json;

import dm20.protocol.Visibility;
import dm20.protocol.message.MessageCodec;
import dm20.protocol.message.Samples;
import dm20.protocol.sheet.CharacterSheet;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireJsonTest {

    /** Version 1 of a record on disk. */
    record NoteV1(String id, int count) { }

    /** Version 2: one optional and one list component added at the end (STYLE.md rule 6). */
    record NoteV2(String id, int count, Optional<String> tag, List<String> marks) { }

    record Keyword(@Wire.Name("private") boolean privateText, Set<String> players) { }

    record Stamped(Instant at, Optional<Instant> until, Map<String, Integer> scores) { }

    record Strict(String id) {
        Strict {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
        }
    }

    record Wrapper(Strict inner, List<Strict> more) { }

    record Unsupported(java.util.UUID id) { }

    sealed interface Shape permits Circle, Square { }

    record Circle(int r) implements Shape { }

    record Square(int side) implements Shape { }

    private static final WireFamily<Shape> SHAPES = WireFamily.of(Shape.class, "shape")
            .add(Circle.class, "circle").add(Square.class, "square").build();

    @Test
    void read_olderRecordVersion_addedComponentsAreEmpty() {
        String v1 = WireJson.write(new NoteV1("n", 2));

        assertThat(WireJson.read(v1, NoteV2.class)).isEqualTo(new NoteV2("n", 2, Optional.empty(), List.of()));
    }

    @Test
    void read_newerRecordVersion_unknownComponentsAreIgnored() {
        String v2 = WireJson.write(new NoteV2("n", 2, Optional.of("t"), List.of("a")));

        assertThat(v2).isEqualTo("{\"id\":\"n\",\"count\":2,\"tag\":\"t\",\"marks\":[\"a\"]}");
        assertThat(WireJson.read(v2, NoteV1.class)).isEqualTo(new NoteV1("n", 2));
    }

    @Test
    void write_emptyOptional_isLeftOutAndEmptyListIsWritten() {
        assertThat(WireJson.write(new NoteV2("n", 0, Optional.empty(), List.of())))
                .isEqualTo("{\"id\":\"n\",\"count\":0,\"marks\":[]}");
    }

    @Test
    void read_nullField_isAbsent() {
        assertThat(WireJson.read("{\"id\":\"n\",\"count\":null,\"tag\":null,\"marks\":null}", NoteV2.class))
                .isEqualTo(new NoteV2("n", 0, Optional.empty(), List.of()));
    }

    @Test
    void wireName_keyword_isWrittenAndRead() {
        Keyword k = new Keyword(true, Set.of("p-zed", "p-ann", "p-ben"));

        assertThat(WireJson.write(k)).isEqualTo("{\"private\":true,\"players\":[\"p-ann\",\"p-ben\",\"p-zed\"]}");
        assertThat(WireJson.read(WireJson.write(k), Keyword.class)).isEqualTo(k);
    }

    @Test
    void instantsAndMaps_roundTrip() {
        Stamped s = new Stamped(Samples.AT, Optional.of(Samples.AT.plusMillis(1500)), Map.of("str", -1));

        assertThat(WireJson.write(s))
                .isEqualTo("{\"at\":\"2026-11-26T05:00:00Z\",\"until\":\"2026-11-26T05:00:01.500Z\",\"scores\":{\"str\":-1}}");
        assertThat(WireJson.read(WireJson.write(s), Stamped.class)).isEqualTo(s);
    }

    @Test
    void read_constructorRefusal_namesTheInvariant() {
        assertThatThrownBy(() -> WireJson.read("{\"inner\":{\"id\":\" \"}}", Wrapper.class))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("field 'inner'")
                .hasMessageContaining("id must not be blank");
    }

    @Test
    void read_wrongValueType_namesTheField() {
        assertThatThrownBy(() -> WireJson.read("{\"id\":\"n\",\"count\":\"many\"}", NoteV1.class))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("field 'count'")
                .extracting(e -> ((WireFormatException) e).malformed()).isEqualTo(false);
    }

    @Test
    void read_nullInsideAList_isRefusedByName() {
        assertThatThrownBy(() -> WireJson.read("{\"id\":\"n\",\"count\":1,\"marks\":[\"a\",null]}", NoteV2.class))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("field 'marks'");
    }

    @Test
    void read_truncatedOrTrailingText_isMalformed() {
        assertThatThrownBy(() -> WireJson.read("{\"id\":\"n\",\"count\":", NoteV1.class))
                .isInstanceOf(WireFormatException.class).hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> WireJson.read("{\"id\":\"n\",\"count\":1} {", NoteV1.class))
                .isInstanceOf(WireFormatException.class).extracting(e -> ((WireFormatException) e).malformed())
                .isEqualTo(true);
        assertThatThrownBy(() -> WireJson.read("{\"id\":\"n\",}", NoteV1.class))
                .isInstanceOf(WireFormatException.class).hasMessageStartingWith("malformed JSON");
    }

    @Test
    void read_notAnObject_isRefused() {
        assertThatThrownBy(() -> WireJson.read("[1]", NoteV1.class)).hasMessage("message must be a JSON object");
        assertThatThrownBy(() -> WireJson.read(" \n", NoteV1.class)).hasMessage("empty message");
    }

    @Test
    void unsupportedComponentType_failsNamingTheComponent() {
        assertThatThrownBy(() -> WireJson.write(new Unsupported(java.util.UUID.randomUUID())))
                .hasMessageContaining("Unsupported.id");
    }

    @Test
    void family_typeFirst_andReadWhereverTheTypeIs() {
        assertThat(SHAPES.write(new Circle(3))).isEqualTo("{\"type\":\"circle\",\"r\":3}");
        assertThat(SHAPES.read("{\"r\":3,\"zz\":{\"type\":\"square\"},\"type\":\"circle\"}")).isEqualTo(new Circle(3));
        assertThat(SHAPES.read("{\"type\":\"square\"}")).isEqualTo(new Square(0));
    }

    @Test
    void family_missingOrUnknownType_isNamed() {
        assertThatThrownBy(() -> SHAPES.read("{\"r\":3}")).hasMessage("shape has no string 'type' field");
        assertThatThrownBy(() -> SHAPES.read("{\"type\":7}")).hasMessage("shape has no string 'type' field");
        assertThatThrownBy(() -> SHAPES.read("{\"type\":\"blob\"}")).hasMessage("unknown shape type 'blob'");
        assertThatThrownBy(() -> SHAPES.read("{\"type\":\"circle\",\"r\":\"x\"}"))
                .hasMessageStartingWith("invalid 'circle' shape: field 'r'");
    }

    @Test
    void family_recordWithoutAName_failsAtConstruction() {
        assertThatThrownBy(() -> WireFamily.of(Shape.class, "shape").add(Circle.class, "circle").build())
                .hasMessageContaining("Square");
        assertThatThrownBy(() -> WireFamily.of(Shape.class, "shape").add(Circle.class, "x").add(Square.class, "x")
                .build()).hasMessageContaining("'x' is used twice");
    }

    /**
     * The campaign files (Jackson, in the mcp-server) and the wire (here) write the shared records with the
     * same names: a sheet written by one reads in the other.
     */
    @Test
    void sharedRecords_jacksonAndWireJson_writeTheSameJson() {
        var jackson = new MessageCodec().json();
        CharacterSheet sheet = Samples.sheet("c-ara", "Ara", "Ann");

        assertThat(WireJson.write(sheet)).isEqualTo(jackson.writeValueAsString(sheet));
        assertThat(WireJson.write(Samples.combat())).isEqualTo(jackson.writeValueAsString(Samples.combat()));
        assertThat(WireJson.write(Visibility.player("p-ann"))).isEqualTo(jackson.writeValueAsString(Visibility.player("p-ann")));
        assertThat(jackson.readValue(WireJson.write(sheet), CharacterSheet.class)).isEqualTo(sheet);
    }

    @Test
    void fieldNames_listComponentsThenDerivedValues() {
        assertThat(WireJson.fieldNames(CharacterSheet.Abilities.class))
                .containsExactly("str", "dex", "con", "int", "wis", "cha", "modifiers");
    }
}
