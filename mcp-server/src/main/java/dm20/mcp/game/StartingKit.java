package dm20.mcp.game;

import dm20.mcp.rules.CharacterClass;
import dm20.mcp.rules.Item;
import dm20.mcp.rules.Rulebook;
import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A class's starting equipment on a new sheet: the fixed items plus the first option of every choice (the
 * SRD lists the usual pick first), the first armor and shield and the first melee weapon (else the first
 * weapon) equipped, and the armor class worked
 * out from them unless the DM gave one. Stateless.
 */
final class StartingKit {

    private StartingKit() {
    }

    static CharacterSheet equip(CharacterSheet sheet, CharacterClass c, Rulebook rules, boolean acGiven,
                                List<String> notes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        c.startingEquipment().defaults().forEach(i -> counts.merge(i.item(), i.quantity(), Integer::sum));
        CharacterDraft d = CharacterDraft.of(sheet);
        Optional<Item.Armor> armor = Optional.empty();
        Optional<Item.Armor> shield = Optional.empty();
        Optional<String> weapon = counts.keySet().stream()
                .filter(n -> rules.item(n).flatMap(Item::weapon).map(Item.Weapon::melee).orElse(false)).findFirst()
                .or(() -> counts.keySet().stream().filter(n -> rules.item(n).flatMap(Item::weapon).isPresent())
                        .findFirst());
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Optional<Item> item = rules.item(e.getKey());
            Optional<String> slot = Optional.empty();
            if (item.flatMap(Item::armor).isPresent()) {
                Item.Armor a = item.get().armor().get();
                if (a.shield() && shield.isEmpty()) {
                    shield = Optional.of(a);
                    slot = Optional.of("shield");
                } else if (!a.shield() && armor.isEmpty()) {
                    armor = Optional.of(a);
                    slot = Optional.of("armor");
                }
            } else if (weapon.isPresent() && weapon.get().equals(e.getKey())) {
                slot = Optional.of("main_hand");
            }
            d.inventory.add(new CharacterSheet.Item(e.getKey(), e.getValue(), slot.isPresent(), slot,
                    item.map(StartingKit::describe).orElse("")));
        }
        if (!acGiven && (armor.isPresent() || shield.isPresent())) {
            int dex = Abilities.modifier(sheet.abilities().dex());
            d.armorClass = armor.map(a -> a.armorClass(dex)).orElse(10 + dex) + shield.map(Item.Armor::baseAc).orElse(0);
            notes.add("armor class " + d.armorClass + " from the equipped starting armor");
        }
        notes.add("starting equipment (the SRD's first pick of each choice): " + String.join(", ",
                counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()));
        return d.build();
    }

    private static String describe(Item i) {
        List<String> parts = new ArrayList<>();
        i.weapon().ifPresent(w -> {
            parts.add(w.damage().toString());
            w.twoHanded().ifPresent(t -> parts.add("versatile (" + t.dice() + ")"));
            parts.addAll(w.properties().stream().filter(p -> !p.equalsIgnoreCase("versatile")).map(String::toLowerCase).toList());
        });
        i.armor().ifPresent(a -> parts.add(a.shield() ? "+" + a.baseAc() + " AC" : "AC " + a.baseAc()
                + (a.addsDex() ? " + DEX" + a.maxDex().map(m -> " (max " + m + ")").orElse("") : "")
                + (a.stealthDisadvantage() ? ", stealth disadvantage" : "")));
        if (!i.contents().isEmpty()) {
            parts.add(String.join(", ", i.contents()));
        }
        return String.join(", ", parts);
    }
}
