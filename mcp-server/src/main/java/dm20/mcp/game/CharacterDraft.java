package dm20.mcp.game;

import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;
import dm20.protocol.sheet.CharacterSheet.ClassLevel;
import dm20.protocol.sheet.CharacterSheet.Currency;
import dm20.protocol.sheet.CharacterSheet.DeathSaves;
import dm20.protocol.sheet.CharacterSheet.Feature;
import dm20.protocol.sheet.CharacterSheet.HitDice;
import dm20.protocol.sheet.CharacterSheet.HitPoints;
import dm20.protocol.sheet.CharacterSheet.Item;
import dm20.protocol.sheet.CharacterSheet.Spell;
import dm20.protocol.sheet.CharacterSheet.SpellSlots;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mutable working copy of a {@link CharacterSheet}: the game's "with…" helper. Copy a sheet with
 * {@link #of}, change fields, and {@link #build} a new immutable sheet (which re-checks every invariant).
 * Not thread-safe; short-lived.
 */
final class CharacterDraft {

    String id;
    String name;
    Optional<String> playerName;
    List<ClassLevel> classes;
    String race;
    String background;
    String alignment;
    Abilities abilities;
    List<String> skills;
    List<String> saves;
    int armorClass;
    HitPoints hp;
    List<HitDice> hitDice;
    DeathSaves deathSaves;
    int speed;
    List<String> conditions;
    List<Item> inventory;
    Currency currency;
    Optional<String> spellcastingAbility;
    List<SpellSlots> spellSlots;
    List<Spell> spells;
    List<Feature> features;
    List<String> languages;
    String notes;

    static CharacterDraft of(CharacterSheet s) {
        CharacterDraft d = new CharacterDraft();
        d.id = s.id();
        d.name = s.name();
        d.playerName = s.playerName();
        d.classes = new ArrayList<>(s.classes());
        d.race = s.race();
        d.background = s.background();
        d.alignment = s.alignment();
        d.abilities = s.abilities();
        d.skills = new ArrayList<>(s.skillProficiencies());
        d.saves = new ArrayList<>(s.saveProficiencies());
        d.armorClass = s.armorClass();
        d.hp = s.hp();
        d.hitDice = new ArrayList<>(s.hitDice());
        d.deathSaves = s.deathSaves();
        d.speed = s.speed();
        d.conditions = new ArrayList<>(s.conditions());
        d.inventory = new ArrayList<>(s.inventory());
        d.currency = s.currency();
        d.spellcastingAbility = s.spellcastingAbility();
        d.spellSlots = new ArrayList<>(s.spellSlots());
        d.spells = new ArrayList<>(s.spells());
        d.features = new ArrayList<>(s.features());
        d.languages = new ArrayList<>(s.languages());
        d.notes = s.notes();
        return d;
    }

    CharacterSheet build() {
        return new CharacterSheet(id, name, playerName, classes, race, background, alignment, abilities, skills,
                saves, armorClass, hp, hitDice, deathSaves, speed, conditions, inventory, currency,
                spellcastingAbility, spellSlots, spells, features, languages, notes);
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }
}
