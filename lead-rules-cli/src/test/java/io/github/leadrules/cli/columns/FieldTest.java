package io.github.leadrules.cli.columns;

import io.github.leadrules.json.LeadField;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI's own layout and the shared JSON form name a lead's fields alike. */
class FieldTest {

    @Test
    void everyLeadFieldOfTheJsonFormIsAColumnOfTheOwnLayoutWithTheSameName() {
        for (LeadField json : LeadField.values()) {
            if (json == LeadField.ATTRIBUTES) {
                continue; // attributes come from --map (attribute.NAME), one column each
            }
            assertThat(Field.byColumn(json.key())).as(json.key()).hasValueSatisfying(f -> {
                assertThat(f.column()).isEqualTo(json.key());
                assertThat(f.json()).contains(json);
            });
        }
    }

    @Test
    void onlyTheSplitNameAndTheOptOutFlagAreTheCliOwn() {
        assertThat(Arrays.stream(Field.values()).filter(f -> f.json().isEmpty()))
                .containsExactly(Field.FIRST_NAME, Field.LAST_NAME, Field.OPTED_OUT);
    }
}
