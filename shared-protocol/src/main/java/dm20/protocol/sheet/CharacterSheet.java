package dm20.protocol.sheet;

import com.fasterxml.jackson.annotation.JsonProperty;
import dm20.protocol.json.Wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A player character, immutable. Changes produce a new sheet ({@code with…} methods on the game side).
 * Derived values ({@link #level()}, {@link #proficiencyBonus()}, modifiers) are computed, never stored,
 * and are written to JSON for the page. Each carries {@code @JsonProperty} for the campaign files (Jackson)
 * and {@link Wire.Derived} for the wire ({@link dm20.protocol.json.WireJson}); {@code WireJsonTest} keeps
 * the two writers equal.
 *
 * @param id                 stable id, independent of the name
 * @param name               character name
 * @param playerName         the human playing it, if any
 * @param classes            class and level pairs (multiclass allowed), at least one
 * @param race               race or species
 * @param background         background
 * @param alignment          alignment
 * @param abilities          the six ability scores
 * @param skillProficiencies skill names the character is proficient in (e.g. "Stealth")
 * @param saveProficiencies  abilities with saving-throw proficiency (e.g. "DEX")
 * @param armorClass         armor class
 * @param hp                 hit points
 * @param hitDice            hit dice remaining per die size
 * @param deathSaves         death saving throws
 * @param speed              walking speed in feet
 * @param conditions         active conditions (e.g. "poisoned")
 * @param inventory          items carried
 * @param currency           coins
 * @param spellcastingAbility ability used for spells, if a caster
 * @param spellSlots         slots per spell level, max and used
 * @param spells             spells known or prepared
 * @param features           class features, racial traits, feats
 * @param languages          languages spoken
 * @param notes              free text
 */
public record CharacterSheet(
        String id,
        String name,
        Optional<String> playerName,
        List<ClassLevel> classes,
        String race,
        String background,
        String alignment,
        Abilities abilities,
        List<String> skillProficiencies,
        List<String> saveProficiencies,
        int armorClass,
        HitPoints hp,
        List<HitDice> hitDice,
        DeathSaves deathSaves,
        int speed,
        List<String> conditions,
        List<Item> inventory,
        Currency currency,
        Optional<String> spellcastingAbility,
        List<SpellSlots> spellSlots,
        List<Spell> spells,
        List<Feature> features,
        List<String> languages,
        String notes) {

    public CharacterSheet {
        requireText(id, "id");
        requireText(name, "name");
        playerName = orEmpty(playerName);
        classes = List.copyOf(Objects.requireNonNull(classes, "classes"));
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("character '" + name + "' needs at least one class");
        }
        race = Objects.requireNonNullElse(race, "");
        background = Objects.requireNonNullElse(background, "");
        alignment = Objects.requireNonNullElse(alignment, "");
        abilities = Objects.requireNonNullElse(abilities, Abilities.DEFAULT);
        skillProficiencies = listOrEmpty(skillProficiencies);
        saveProficiencies = listOrEmpty(saveProficiencies);
        hp = Objects.requireNonNull(hp, "hp");
        hitDice = listOrEmpty(hitDice);
        deathSaves = Objects.requireNonNullElse(deathSaves, DeathSaves.NONE);
        conditions = listOrEmpty(conditions);
        inventory = listOrEmpty(inventory);
        currency = Objects.requireNonNullElse(currency, Currency.NONE);
        spellcastingAbility = orEmpty(spellcastingAbility);
        spellSlots = listOrEmpty(spellSlots);
        spells = listOrEmpty(spells);
        features = listOrEmpty(features);
        languages = listOrEmpty(languages);
        notes = Objects.requireNonNullElse(notes, "");
    }

    /** Total character level over all classes. */
    @JsonProperty("level")
    @Wire.Derived
    public int level() {
        return classes.stream().mapToInt(ClassLevel::level).sum();
    }

    /** Proficiency bonus for the total level: +2 at 1–4, +3 at 5–8, … +6 at 17–20. */
    @JsonProperty("proficiencyBonus")
    @Wire.Derived
    public int proficiencyBonus() {
        return 2 + (Math.max(1, level()) - 1) / 4;
    }

    /** True when at 0 HP. */
    @JsonProperty("downed")
    @Wire.Derived
    public boolean downed() {
        return hp.current() <= 0;
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    /** One class and its level. */
    public record ClassLevel(String name, int level, Optional<String> subclass) {
        public ClassLevel {
            requireText(name, "class name");
            if (level < 1 || level > 20) {
                throw new IllegalArgumentException("class level must be 1..20, got " + level);
            }
            subclass = orEmpty(subclass);
        }
    }

    /** The six ability scores, 1..30 each. */
    public record Abilities(int str, int dex, int con, @JsonProperty("int") @Wire.Name("int") int intel, int wis, int cha) {
        public static final Abilities DEFAULT = new Abilities(10, 10, 10, 10, 10, 10);

        public Abilities {
            for (int score : new int[] {str, dex, con, intel, wis, cha}) {
                if (score < 1 || score > 30) {
                    throw new IllegalArgumentException("ability scores must be 1..30, got " + score);
                }
            }
        }

        /** The score for an ability named STR, DEX, CON, INT, WIS or CHA (any case). */
        public int score(String ability) {
            return switch (ability.toUpperCase(java.util.Locale.ROOT)) {
                case "STR" -> str;
                case "DEX" -> dex;
                case "CON" -> con;
                case "INT" -> intel;
                case "WIS" -> wis;
                case "CHA" -> cha;
                default -> throw new IllegalArgumentException("unknown ability '" + ability
                        + "'; use STR, DEX, CON, INT, WIS or CHA");
            };
        }

        /** The modifier for a score: floor((score - 10) / 2). */
        public static int modifier(int score) {
            return Math.floorDiv(score - 10, 2);
        }

        /** Modifiers keyed by ability, for the page. */
        @JsonProperty("modifiers")
        @Wire.Derived
        public java.util.Map<String, Integer> modifiers() {
            var m = new java.util.LinkedHashMap<String, Integer>();
            m.put("str", modifier(str));
            m.put("dex", modifier(dex));
            m.put("con", modifier(con));
            m.put("int", modifier(intel));
            m.put("wis", modifier(wis));
            m.put("cha", modifier(cha));
            return m;
        }
    }

    /** Hit points: current may not exceed max; temp is separate. */
    public record HitPoints(int current, int max, int temp) {
        public HitPoints {
            if (max < 1) {
                throw new IllegalArgumentException("max HP must be at least 1, got " + max);
            }
            if (current < 0 || current > max) {
                throw new IllegalArgumentException("current HP must be 0.." + max + ", got " + current);
            }
            if (temp < 0) {
                throw new IllegalArgumentException("temporary HP must not be negative, got " + temp);
            }
        }
    }

    /** Hit dice of one size: e.g. d10, 3 of 3 remaining. */
    public record HitDice(int die, int total, int remaining) {
        public HitDice {
            if (remaining < 0 || remaining > total) {
                throw new IllegalArgumentException("hit dice remaining must be 0.." + total + ", got " + remaining);
            }
        }
    }

    /** Death saving throws, 0..3 each. */
    public record DeathSaves(int successes, int failures) {
        public static final DeathSaves NONE = new DeathSaves(0, 0);

        public DeathSaves {
            if (successes < 0 || successes > 3 || failures < 0 || failures > 3) {
                throw new IllegalArgumentException("death saves must be 0..3, got " + successes + "/" + failures);
            }
        }

        /** Three successes: stable. */
        public boolean stable() {
            return successes >= 3;
        }

        /** Three failures: dead. */
        public boolean dead() {
            return failures >= 3;
        }
    }

    /**
     * An item carried.
     *
     * @param slot the equipment slot when equipped ("main_hand", "off_hand", "armor", "shield", "ring", …)
     */
    public record Item(String name, int quantity, boolean equipped, Optional<String> slot, String description) {
        public Item {
            requireText(name, "item name");
            if (quantity < 1) {
                throw new IllegalArgumentException("item quantity must be at least 1, got " + quantity);
            }
            slot = orEmpty(slot);
            description = Objects.requireNonNullElse(description, "");
        }
    }

    /** Coins. */
    public record Currency(int cp, int sp, int ep, int gp, int pp) {
        public static final Currency NONE = new Currency(0, 0, 0, 0, 0);

        public Currency {
            if (cp < 0 || sp < 0 || ep < 0 || gp < 0 || pp < 0) {
                throw new IllegalArgumentException("coins must not be negative");
            }
        }
    }

    /** Spell slots of one level. */
    public record SpellSlots(int level, int max, int used) {
        public SpellSlots {
            if (level < 1 || level > 9) {
                throw new IllegalArgumentException("spell slot level must be 1..9, got " + level);
            }
            if (used < 0 || used > max) {
                throw new IllegalArgumentException("used level-" + level + " slots must be 0.." + max + ", got " + used);
            }
        }
    }

    /** A spell known; level 0 is a cantrip. */
    public record Spell(String name, int level, boolean prepared, String description) {
        public Spell {
            requireText(name, "spell name");
            if (level < 0 || level > 9) {
                throw new IllegalArgumentException("spell level must be 0..9, got " + level);
            }
            description = Objects.requireNonNullElse(description, "");
        }
    }

    /** A feature or trait with its source ("Fighter 2", "Dwarf", "Feat"). */
    public record Feature(String name, String source, String description) {
        public Feature {
            requireText(name, "feature name");
            source = Objects.requireNonNullElse(source, "");
            description = Objects.requireNonNullElse(description, "");
        }
    }
}
