package io.github.leadrules.fields;

import io.github.leadrules.internal.DrlScanner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the build-time scan counts as a typed read on a LeadContext, and as a text comparison. */
class FieldUseScanTest {

    @Test
    void readsOnTheContextCountAndReadsOnOtherObjectsDoNot() {
        String drl = """
                when
                    $lead : LeadContext( number("a") > 1, $d : date("b") )
                    $a : Assessment( context.flag("c") == true )
                then
                    Formatter.text("not ours");
                    helper.number("not ours either");
                    $lead.getLead();
                    String s = $lead.text("d");
                """;

        assertThat(DrlScanner.fieldUses(drl)).extracting(u -> u.accessor() + ":" + u.name() + "@" + u.line() + ":" + u.column())
                .containsExactly("number:a@2:26", "date:b@2:48", "flag:c@3:30", "text:d@8:22");
    }

    @Test
    void textComparisonsAreFoundWithTheirOperator() {
        String drl = """
                $lead : LeadContext( attribute("t") >= 900, attribute("u") == "x", 10 < attribute("v"),
                                     attribute("w") != 3, lead.attributes["z"] > "a", attribute("ok") == "900" )
                """;

        assertThat(DrlScanner.fieldUses(drl)).extracting(u -> u.name() + " " + u.operator())
                .containsExactly("t >=", "v <", "w !=", "z >");
    }
}
