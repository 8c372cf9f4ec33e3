package dm20.protocol;

import dm20.protocol.message.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VisibilityRulesTest {

    private static final Viewer ANN = Viewer.player("p-ann");
    private static final Viewer BEN = Viewer.player("p-ben");

    @ParameterizedTest(name = "{0} seen by {1}: {2}")
    @CsvSource({
            "PUBLIC,  DM, true", "PUBLIC,  ANN, true", "PUBLIC,  BEN, true", "PUBLIC,  OBSERVER, true",
            "PARTY,   DM, true", "PARTY,   ANN, true", "PARTY,   BEN, true", "PARTY,   OBSERVER, false",
            "PLAYERS, DM, true", "PLAYERS, ANN, true", "PLAYERS, BEN, false", "PLAYERS, OBSERVER, false",
            "DM_ONLY, DM, true", "DM_ONLY, ANN, false", "DM_ONLY, BEN, false", "DM_ONLY, OBSERVER, false"})
    void canSee_eachScopeForEachRole_followsTheRule(Visibility.Scope scope, String who, boolean expected) {
        Visibility visibility = scope == Visibility.Scope.PLAYERS ? Visibility.player("p-ann")
                : new Visibility(scope, java.util.Set.of());
        Viewer viewer = switch (who) {
            case "DM" -> Viewer.dm();
            case "ANN" -> ANN;
            case "BEN" -> BEN;
            default -> Viewer.observer();
        };

        assertThat(VisibilityRules.canSee(visibility, viewer)).isEqualTo(expected);
    }

    @Test
    void canSee_subsetOfPlayers_onlyThoseListed() {
        Visibility subset = Visibility.players(List.of("p-ann", "p-cat"));

        assertThat(VisibilityRules.canSee(subset, ANN)).isTrue();
        assertThat(VisibilityRules.canSee(subset, Viewer.player("p-cat"))).isTrue();
        assertThat(VisibilityRules.canSee(subset, BEN)).isFalse();
    }

    @Test
    void canSeePrivateTo_onlyRecipientAndDm() {
        assertThat(VisibilityRules.canSeePrivateTo("p-ann", ANN)).isTrue();
        assertThat(VisibilityRules.canSeePrivateTo("p-ann", Viewer.dm())).isTrue();
        assertThat(VisibilityRules.canSeePrivateTo("p-ann", BEN)).isFalse();
        assertThat(VisibilityRules.canSeePrivateTo("p-ann", Viewer.observer())).isFalse();
    }

    @Test
    void viewer_playerWithoutId_isRejected() {
        assertThatThrownBy(() -> new Viewer(Role.PLAYER, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PLAYER");
        assertThatThrownBy(() -> new Viewer(Role.OBSERVER, Optional.of("p")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void combatViewFor_player_hidesHiddenCombatantsAndMonsterHp() {
        CombatState view = Samples.combat().viewFor(ANN);

        assertThat(view.order()).extracting(CombatState.Combatant::id).containsExactly("c-ara", "m-gob1", "c-bor");
        assertThat(view.order()).filteredOn(c -> c.kind() != CombatState.Kind.PC)
                .allSatisfy(c -> assertThat(c.hp()).isEmpty());
        assertThat(view.order()).filteredOn(c -> c.kind() == CombatState.Kind.PC)
                .allSatisfy(c -> assertThat(c.hp()).isPresent());
    }

    @Test
    void combatViewFor_player_seesPcArmorClassButNotMonsterArmorClass() {
        CombatState view = Samples.combat().viewFor(ANN);

        assertThat(view.order()).filteredOn(c -> c.id().equals("c-ara"))
                .singleElement().satisfies(c -> assertThat(c.ac()).contains(16));
        assertThat(view.order()).filteredOn(c -> c.kind() != CombatState.Kind.PC)
                .allSatisfy(c -> assertThat(c.ac()).isEmpty());
        assertThat(Samples.combat().viewFor(Viewer.dm()).order().get(1).ac()).contains(15);
    }

    @Test
    void combatViewFor_player_seesVisibleConditionsOfEveryoneButNoHiddenOnes() {
        CombatState view = Samples.combat().viewFor(BEN);

        assertThat(view.order().get(0).conditions()).extracting(CombatState.ConditionTag::name)
                .containsExactly("poisoned");
        assertThat(view.order().get(0).conditions().get(0).ends()).contains("end of Goblin's next turn");
        assertThat(view.order().get(1).conditions()).extracting(CombatState.ConditionTag::name)
                .containsExactly("prone");
        assertThat(Samples.combat().viewFor(Viewer.dm()).order().get(1).conditions()).hasSize(2);
    }

    @Test
    void combatViewFor_observerAndPlayer_sameFilter_dmSeesAll() {
        assertThat(Samples.combat().viewFor(Viewer.observer())).isEqualTo(Samples.combat().viewFor(BEN));
        assertThat(Samples.combat().viewFor(Viewer.dm())).isEqualTo(Samples.combat());
    }

    @Test
    void combatViewFor_hiddenCurrentCombatant_isNotNamed() {
        CombatState c = Samples.combat();
        CombatState hiddenTurn = new CombatState(true, 1, c.mode(), c.order(), Optional.of("m-gob2"),
                Optional.of("m-gob2"), c.deadline(), c.prompt(), c.waitingFor());

        assertThat(hiddenTurn.viewFor(ANN).currentId()).isEmpty();
        assertThat(hiddenTurn.viewFor(ANN).onDeckId()).isEmpty();
    }

    @Test
    void tokens_areLongRandomAndHashStable() {
        Tokens tokens = new Tokens(new java.security.SecureRandom());
        String a = tokens.newToken();

        assertThat(a).hasSize(32).matches("[A-Za-z0-9_-]+").isNotEqualTo(tokens.newToken());
        assertThat(Tokens.hash(a)).hasSize(64).isEqualTo(Tokens.hash(a));
        assertThat(Tokens.sameHash(Tokens.hash(a), Tokens.hash(a))).isTrue();
        assertThat(Tokens.sameHash(Tokens.hash(a), Tokens.hash(a + "x"))).isFalse();
    }

    @Test
    void canSeeSheet_playerOnlyTheirOwnDmEveryObserverNone() {
        assertThat(VisibilityRules.canSeeSheet("c1", Viewer.player("p1"), java.util.Optional.of("c1"))).isTrue();
        assertThat(VisibilityRules.canSeeSheet("c2", Viewer.player("p1"), java.util.Optional.of("c1"))).isFalse();
        assertThat(VisibilityRules.canSeeSheet("c1", Viewer.player("p1"), java.util.Optional.empty())).isFalse();
        assertThat(VisibilityRules.canSeeSheet("c1", Viewer.dm(), java.util.Optional.empty())).isTrue();
        assertThat(VisibilityRules.canSeeSheet("c1", Viewer.observer(), java.util.Optional.of("c1"))).isFalse();
    }

    @Test
    void canRollFor_playerOnlyTheirOwnCharacter_observerNever() {
        assertThat(VisibilityRules.canRollFor("c-ara", Viewer.player("p-ann"), java.util.Optional.of("p-ann"))).isTrue();
        assertThat(VisibilityRules.canRollFor("c-ara", Viewer.player("p-ben"), java.util.Optional.of("p-ann"))).isFalse();
        assertThat(VisibilityRules.canRollFor("c-npc", Viewer.player("p-ann"), java.util.Optional.empty())).isFalse();
        assertThat(VisibilityRules.canRollFor("c-ara", Viewer.observer(), java.util.Optional.of("p-ann"))).isFalse();
        assertThat(VisibilityRules.canRollFor("c-ara", Viewer.dm(), java.util.Optional.empty())).isTrue();
    }
}
