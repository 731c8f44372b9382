package io.github.leadrules.calibrate.internal;

import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FieldsTest {

    /** 100 non-blank visit counts, {@code numbers} of which read as numbers, plus blanks and placeholders that do not count. */
    private static List<Lead> visits(int numbers) {
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String v = i < numbers ? (i % 3 == 0 ? "1,200" : Integer.toString(i)) : "many";
            leads.add(Lead.builder("L-" + i).attribute("visits", v).build());
        }
        for (int i = 0; i < 20; i++) {
            leads.add(Lead.builder("B-" + i).attribute("visits", i % 2 == 0 ? "" : "n/a").build());
        }
        return leads;
    }

    private static FieldSpec.Kind kindOfVisits(int numbers) {
        return Fields.discover(visits(numbers), LeadPolicy.defaults()).stream()
                .filter(f -> f.name().equals("visits")).findFirst().orElseThrow().kind();
    }

    @Test
    void anUndeclaredAttributeIsNumericFrom95PercentOfItsNonBlankValuesReadingAsNumbers() {
        assertThat(kindOfVisits(94)).isEqualTo(FieldSpec.Kind.TEXT);
        assertThat(kindOfVisits(95)).isEqualTo(FieldSpec.Kind.NUMBER);
        assertThat(kindOfVisits(96)).isEqualTo(FieldSpec.Kind.NUMBER);
    }

    @Test
    void aDeclaredFieldIsReadWithItsDeclaredTypeWhateverItsValues() {
        LeadPolicy policy = LeadPolicy.defaults().toBuilder().field("visits", FieldType.text()).build();

        FieldSpec spec = Fields.discover(visits(100), policy).stream().filter(f -> f.name().equals("visits"))
                .findFirst().orElseThrow();

        assertThat(spec.kind()).isEqualTo(FieldSpec.Kind.TEXT);
        assertThat(spec.declared()).isEqualTo(FieldType.text());
        assertThat(spec.inferred()).isNull();
    }

    @Test
    void numbersReadAsThePolicysNumberTypeReadsThem() {
        assertThat(Text.number("1,500.25")).isEqualByComparingTo("1500.25");
        assertThat(Text.number("９００")).isEqualByComparingTo("900");
        assertThat(Text.number("+3")).isEqualByComparingTo("3");
        assertThat(Text.number(".5")).isEqualByComparingTo("0.5");
        assertThat(Text.number("1,50")).isNull();
        assertThat(Text.number("1e3")).isNull();
        assertThat(Text.number("NaN")).isNull();
        assertThat(Text.number("-")).isNull();
    }
}
