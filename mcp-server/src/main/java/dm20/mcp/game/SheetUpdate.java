package dm20.mcp.game;

import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;
import dm20.protocol.sheet.CharacterSheet.ClassLevel;
import dm20.protocol.sheet.CharacterSheet.Currency;
import dm20.protocol.sheet.CharacterSheet.Feature;
import dm20.protocol.sheet.CharacterSheet.HitPoints;
import dm20.protocol.sheet.CharacterSheet.Spell;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An update_character request: scalar fields to set, ability and coin changes, and items to add to or
 * remove from the list fields ({@link #LIST_FIELDS}). {@link #apply} checks everything and builds the
 * new sheet.
 */
public record SheetUpdate(Map<String, Object> scalars, Map<String, Integer> abilities, Map<String, Integer> currency,
                          Map<String, List<Object>> add, Map<String, List<Object>> remove) {

    /** Scalar fields update_character can set. */
    public static final Set<String> SCALARS = Set.of("name", "race", "background", "alignment", "notes",
            "armor_class", "speed", "hp", "max_hp", "temp_hp", "level");
    /** List fields update_character can add to or remove from. */
    public static final Set<String> LIST_FIELDS = Set.of("conditions", "languages", "skill_proficiencies",
            "save_proficiencies", "features", "spells");

    public SheetUpdate {
        scalars = Map.copyOf(scalars);
        abilities = Map.copyOf(abilities);
        currency = Map.copyOf(currency);
        add = Map.copyOf(add);
        remove = Map.copyOf(remove);
        requireKnown(scalars.keySet(), SCALARS, "field");
        requireKnown(add.keySet(), LIST_FIELDS, "list field in 'add'");
        requireKnown(remove.keySet(), LIST_FIELDS, "list field in 'remove'");
    }

    /** The updated sheet. @throws GameException or IllegalArgumentException for invalid values */
    public CharacterSheet apply(CharacterSheet s) {
        CharacterDraft d = CharacterDraft.of(s);
        text("name").ifPresent(v -> d.name = v);
        text("race").ifPresent(v -> d.race = v);
        text("background").ifPresent(v -> d.background = v);
        text("alignment").ifPresent(v -> d.alignment = v);
        text("notes").ifPresent(v -> d.notes = v);
        number("armor_class").ifPresent(v -> d.armorClass = v);
        number("speed").ifPresent(v -> d.speed = v);
        number("level").ifPresent(v -> d.classes = levelled(s, v));
        int max = number("max_hp").orElse(s.hp().max());
        d.hp = new HitPoints(number("hp").orElse(Math.min(s.hp().current(), max)), max,
                number("temp_hp").orElse(s.hp().temp()));
        d.abilities = abilities(s.abilities());
        d.currency = currency(s.currency());
        add.forEach((field, items) -> items.forEach(item -> addTo(d, field, item)));
        remove.forEach((field, items) -> items.forEach(item -> removeFrom(d, field, item)));
        return d.build();
    }

    private List<ClassLevel> levelled(CharacterSheet s, int level) {
        if (s.classes().size() != 1) {
            throw new GameException(s.name() + " is multiclassed; set levels per class is not supported by 'level'");
        }
        ClassLevel c = s.classes().get(0);
        return List.of(new ClassLevel(c.name(), level, c.subclass()));
    }

    private Abilities abilities(Abilities a) {
        Map<String, Integer> m = new java.util.HashMap<>(Map.of("str", a.str(), "dex", a.dex(), "con", a.con(),
                "int", a.intel(), "wis", a.wis(), "cha", a.cha()));
        abilities.forEach((k, v) -> {
            String key = k.toLowerCase(java.util.Locale.ROOT);
            if (!m.containsKey(key)) {
                throw new GameException("unknown ability '" + k + "'; use str, dex, con, int, wis, cha");
            }
            m.put(key, v);
        });
        return new Abilities(m.get("str"), m.get("dex"), m.get("con"), m.get("int"), m.get("wis"), m.get("cha"));
    }

    private Currency currency(Currency c) {
        requireKnown(currency.keySet(), Set.of("cp", "sp", "ep", "gp", "pp"), "coin");
        return new Currency(currency.getOrDefault("cp", c.cp()), currency.getOrDefault("sp", c.sp()),
                currency.getOrDefault("ep", c.ep()), currency.getOrDefault("gp", c.gp()),
                currency.getOrDefault("pp", c.pp()));
    }

    private static void addTo(CharacterDraft d, String field, Object item) {
        switch (field) {
            case "conditions" -> addText(d.conditions, item);
            case "languages" -> addText(d.languages, item);
            case "skill_proficiencies" -> addText(d.skills, item);
            case "save_proficiencies" -> addText(d.saves, item);
            case "features" -> d.features.add(feature(item));
            case "spells" -> d.spells.add(spell(item));
            default -> throw new IllegalStateException(field);
        }
    }

    private static void removeFrom(CharacterDraft d, String field, Object item) {
        String name = item instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(item).strip();
        boolean removed = switch (field) {
            case "conditions" -> d.conditions.removeIf(name::equalsIgnoreCase);
            case "languages" -> d.languages.removeIf(name::equalsIgnoreCase);
            case "skill_proficiencies" -> d.skills.removeIf(name::equalsIgnoreCase);
            case "save_proficiencies" -> d.saves.removeIf(name::equalsIgnoreCase);
            case "features" -> d.features.removeIf(f -> f.name().equalsIgnoreCase(name));
            case "spells" -> d.spells.removeIf(sp -> sp.name().equalsIgnoreCase(name));
            default -> throw new IllegalStateException(field);
        };
        if (!removed) {
            throw new GameException(d.name + " has no " + field.replace('_', ' ') + " entry '" + name + "'");
        }
    }

    private static void addText(List<String> list, Object item) {
        String v = CharacterDraft.requireText(String.valueOf(item).strip(), "list item");
        if (list.stream().noneMatch(v::equalsIgnoreCase)) {
            list.add(v);
        }
    }

    private static Feature feature(Object item) {
        if (item instanceof Map<?, ?> m) {
            return new Feature(str(m, "name"), str(m, "source"), str(m, "description"));
        }
        return new Feature(String.valueOf(item), "", "");
    }

    private static Spell spell(Object item) {
        if (item instanceof Map<?, ?> m) {
            Object level = m.get("level");
            return new Spell(str(m, "name"), level == null ? 0 : Integer.parseInt(level.toString()),
                    Boolean.parseBoolean(String.valueOf(m.get("prepared"))), str(m, "description"));
        }
        return new Spell(String.valueOf(item), 0, true, "");
    }

    private static String str(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }

    private Optional<String> text(String key) {
        return Optional.ofNullable(scalars.get(key)).map(Object::toString).map(String::strip);
    }

    private Optional<Integer> number(String key) {
        return text(key).map(v -> {
            try {
                return (int) Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new GameException("'" + key + "' must be a whole number, got '" + v + "'");
            }
        });
    }

    private static void requireKnown(Set<String> given, Set<String> known, String what) {
        given.stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
            throw new GameException(Names.notFound(what, k, known.stream().sorted().toList()));
        });
    }
}
