package io.github.leadrules.cli.columns;

import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.policy.LeadPolicy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Turns one input row into a {@link Lead}, or into field errors that name the input column (not
 * the model field), so that a marketing-ops person finds the cell at fault.
 */
public final class RowMapper {

    /**
     * The result for one row.
     *
     * @param lead   the lead (built even when there are errors, for its id)
     * @param errors problems reading cells; empty when the row could be read
     */
    public record Result(Lead lead, List<FieldError> errors) {
    }

    private final ColumnMapping mapping;
    private final ZoneId zone;
    private final Predicate<String> missing;
    /**
     * {@link #missing}, remembering the cells seen lately (most cells repeat from row to row): the
     * cell as first seen when it is no placeholder, null when it is one.
     */
    private final Memo<String> remembered;
    /**
     * No placeholder value is longer than this, in characters; {@link Integer#MAX_VALUE} when
     * {@link #missing} is not known to be a policy's.
     */
    private final int longest;
    /** {@link ColumnMapping#index} and {@link ColumnMapping#format} of each field, by its ordinal: read for every cell. */
    private final int[] index;
    private final CellFormat[] format;

    /**
     * A mapper; local dates and times in the input are read in {@code zone}; the default policy's
     * placeholder values are blank.
     */
    public RowMapper(ColumnMapping mapping, ZoneId zone) {
        this(mapping, zone, LeadPolicy.defaults());
    }

    /**
     * A mapper whose cells holding a placeholder value ({@code LeadPolicy.missingValues()}) are
     * blank, unless the column's {@code values:} translate that very value: so {@code unknown} in a
     * number, date or choice column is a blank cell, not a bad one.
     */
    public RowMapper(ColumnMapping mapping, ZoneId zone, Predicate<String> missing) {
        this(mapping, zone, missing, Integer.MAX_VALUE);
    }

    /** A mapper blanking the placeholder values of any of these policies (see {@link #RowMapper(ColumnMapping, ZoneId, Predicate)}). */
    public RowMapper(ColumnMapping mapping, ZoneId zone, LeadPolicy... policies) {
        this(mapping, zone, anyOf(policies), longest(policies));
    }

    private RowMapper(ColumnMapping mapping, ZoneId zone, Predicate<String> missing, int longest) {
        this.mapping = mapping;
        Field[] fields = Field.values();
        this.index = new int[fields.length];
        this.format = new CellFormat[fields.length];
        for (Field f : fields) {
            index[f.ordinal()] = mapping.index(f);
            format[f.ordinal()] = mapping.format(f);
        }
        this.zone = zone;
        this.missing = missing;
        this.longest = longest;
        this.remembered = new Memo<>(cell -> missing.test(cell) ? null : cell);
    }

    /** {@return a mapper like this one, with other placeholder values} */
    public RowMapper withMissingValues(Predicate<String> missing) {
        return new RowMapper(mapping, zone, missing);
    }

    /** {@return a mapper like this one, blanking the placeholder values of any of these policies} */
    public RowMapper withMissingValues(LeadPolicy... policies) {
        return new RowMapper(mapping, zone, policies);
    }

    private static Predicate<String> anyOf(LeadPolicy... policies) {
        if (policies.length == 1) {
            return policies[0]::isMissingValue;
        }
        List<LeadPolicy> all = List.of(policies);
        return v -> all.stream().anyMatch(p -> p.isMissingValue(v));
    }

    /** The longest placeholder value of these policies, in characters. */
    private static int longest(LeadPolicy... policies) {
        int longest = 0;
        for (LeadPolicy p : policies) {
            for (String v : p.missingValues()) {
                longest = Math.max(longest, v.length());
            }
        }
        return longest;
    }

    /** Reads a row; cells beyond the row's length are blank. */
    public Result map(long line, List<String> cells) {
        List<FieldError> errors = new ArrayList<>();
        String id = cell(cells, Field.ID);
        Lead.Builder b = Lead.builder(index[Field.ID.ordinal()] < 0 ? "line-" + line : Values.text(id));
        String full = Values.text(cell(cells, Field.CONTACT_NAME));
        b.contactName(full != null ? full : joinName(Values.text(cell(cells, Field.FIRST_NAME)),
                Values.text(cell(cells, Field.LAST_NAME))));
        b.email(Values.text(cell(cells, Field.EMAIL)));
        b.phone(Values.text(cell(cells, Field.PHONE)));
        b.jobTitle(Values.text(cell(cells, Field.JOB_TITLE)));
        b.source(Values.text(cell(cells, Field.SOURCE)));
        read(cells, Field.INQUIRY_TYPE, Values::inquiryType, b::inquiryType, errors);
        read(cells, Field.PURCHASE_TIMEFRAME, Values::purchaseTimeframe, b::purchaseTimeframe, errors);
        read(cells, Field.BUDGET_STATUS, Values::budgetStatus, b::budgetStatus, errors);
        read(cells, Field.CONSENT, Values::consent, b::consent, errors);
        // An opted-out flag wins over the consent column (Salesforce and HubSpot keep them apart).
        read(cells, Field.OPTED_OUT, Values::yesNo, optedOut -> {
            if (Boolean.TRUE.equals(optedOut)) {
                b.consent(Consent.OPTED_OUT);
            }
        }, errors);
        read(cells, Field.SALES_STATUS, Values::salesStatus, b::salesStatus, errors);
        read(cells, Field.LAST_SALES_ACTIVITY, cell -> instant(Field.LAST_SALES_ACTIVITY, cell), b::lastSalesActivity, errors);
        read(cells, Field.SUBMITTED_AT, cell -> instant(Field.SUBMITTED_AT, cell), b::submittedAt, errors);
        read(cells, Field.ENGAGEMENT, cell -> EngagementCodec.parse(cell, zone), b::engagement, errors);
        Company.Builder c = Company.builder()
                .name(Values.text(cell(cells, Field.COMPANY_NAME)))
                .domain(Values.text(cell(cells, Field.COMPANY_DOMAIN)))
                .industry(Values.text(cell(cells, Field.INDUSTRY)))
                .country(Values.text(cell(cells, Field.COUNTRY)));
        read(cells, Field.EMPLOYEE_COUNT, Values::employeeCount, c::employeeCount, errors);
        read(cells, Field.ANNUAL_REVENUE, Values::amount, c::annualRevenue, errors);
        Company company = c.build();
        if (company.name() != null || company.domain() != null || company.industry() != null
                || company.country() != null || company.employeeCount() != null || company.annualRevenue() != null) {
            b.company(company);
        }
        for (Map.Entry<String, Integer> a : mapping.attributes().entrySet()) {
            CellFormat format = mapping.attributeFormat(a.getKey());
            String v = Values.text(placeholderBlank(a.getValue() < cells.size() ? cells.get(a.getValue()) : null, format));
            if (v != null && format != null) {
                v = Values.text(format.translate(v));
                if (v != null && format.format() != null) {
                    try {
                        v = format.isoDate(v);
                    } catch (Values.BadValue e) {
                        errors.add(new FieldError(mapping.attributeErrorName(a.getKey()), e.code()));
                        continue;
                    }
                }
            }
            if (v != null) {
                b.attribute(a.getKey(), v);
            }
        }
        return new Result(b.build(), errors);
    }

    /** Reads one cell into a value. */
    @FunctionalInterface
    private interface CellReader<T> {
        T read(String cell) throws Values.BadValue;
    }

    /** Reads a field's cell and hands on its value; a bad cell is an error naming its column, and nothing is handed on. */
    private <T> void read(List<String> cells, Field field, CellReader<T> reader, Consumer<T> target, List<FieldError> errors) {
        T value;
        try {
            value = reader.read(cell(cells, field));
        } catch (Values.BadValue e) {
            errors.add(error(field, e));
            return;
        }
        target.accept(value);
    }

    /**
     * The input column behind a model field path from the qualifier's validation, e.g.
     * {@code company.employeeCount} → {@code NumberOfEmployees}, {@code engagement[2].at} → {@code engagement[2].at},
     * {@code attributes.deal_size} → {@code attributes.deal_size (column "Deal Size (JPY)")} (see
     * {@link ColumnMapping#attributeErrorName}).
     */
    public String columnOf(String modelField) {
        int bracket = modelField.indexOf('[');
        String head = bracket < 0 ? modelField : modelField.substring(0, bracket);
        String tail = bracket < 0 ? "" : modelField.substring(bracket);
        if (head.startsWith("attributes.")) {
            String name = head.substring("attributes.".length());
            return tail.isEmpty() && mapping.attributes().containsKey(name) ? mapping.attributeErrorName(name) : modelField;
        }
        Field f = switch (head) {
            case "id" -> Field.ID;
            case "contactName" -> mapping.index(Field.CONTACT_NAME) >= 0 ? Field.CONTACT_NAME : Field.LAST_NAME;
            case "email" -> Field.EMAIL;
            case "phone" -> Field.PHONE;
            case "jobTitle" -> Field.JOB_TITLE;
            case "source" -> Field.SOURCE;
            case "lastSalesActivity" -> Field.LAST_SALES_ACTIVITY;
            case "submittedAt" -> Field.SUBMITTED_AT;
            case "company.name" -> Field.COMPANY_NAME;
            case "company.domain" -> Field.COMPANY_DOMAIN;
            case "company.industry" -> Field.INDUSTRY;
            case "company.employeeCount" -> Field.EMPLOYEE_COUNT;
            case "company.annualRevenue" -> Field.ANNUAL_REVENUE;
            case "company.country" -> Field.COUNTRY;
            case "engagement" -> Field.ENGAGEMENT;
            default -> null;
        };
        return f == null ? modelField : mapping.columnName(f) + tail;
    }

    /** The field's cell, translated through the map file's {@code values:} when it has them. */
    private String cell(List<String> cells, Field field) {
        int i = index[field.ordinal()];
        CellFormat format = this.format[field.ordinal()];
        String raw = i < 0 || i >= cells.size() ? null : cells.get(i);
        // The id is never a placeholder: a lead called "unknown" keeps its name.
        String cell = field == Field.ID ? raw : placeholderBlank(raw, format);
        return format == null ? cell : format.translate(cell);
    }

    /**
     * Null for a placeholder the column's {@code values:} do not translate by name; else the cell
     * (a repeated one as first seen: the leads of a file then share one copy of each company name,
     * industry and source, already hashed, instead of holding a fresh one each).
     */
    private String placeholderBlank(String cell, CellFormat format) {
        if (cell == null) {
            return null;
        }
        String kept = unlessPlaceholder(cell);
        if (kept != null) {
            return kept;
        }
        return format != null && format.names(cell) ? cell : null;
    }

    /**
     * The cell, or null when it holds a placeholder value. An ASCII cell's key ({@code LeadPolicy.isMissingValue})
     * keeps every character of it but spaces and controls, lower-cased: with more of them than the
     * longest placeholder it is none (the e-mail addresses, dates and phone numbers seen once each),
     * and a shorter one is cheap to check. Other cells, whose key is their Unicode normal form, are
     * remembered: the names, industries and sources that repeat from row to row.
     */
    private String unlessPlaceholder(String cell) {
        int n = cell.length();
        int visible = 0;
        for (int i = 0; i < n; i++) {
            char c = cell.charAt(i);
            if (c >= 0x80) {
                return remembered.get(cell);
            }
            if (c > ' ') {
                visible++;
            }
        }
        if (longest == Integer.MAX_VALUE) {
            return remembered.get(cell);
        }
        return visible <= longest && missing.test(cell) ? null : cell;
    }

    /** A date cell, in the map file's {@code format:} when it gives one. */
    private java.time.Instant instant(Field field, String cell) throws Values.BadValue {
        CellFormat format = this.format[field.ordinal()];
        if (format == null || format.format() == null || Values.text(cell) == null) {
            return Values.instant(cell, zone);
        }
        return format.instant(cell, zone);
    }

    private FieldError error(Field field, Values.BadValue e) {
        return new FieldError(mapping.columnName(field) + e.where(), e.code());
    }

    /** "Taro Yamada", or "山田太郎" when the family name is written in Japanese. */
    static String joinName(String first, String last) {
        if (first == null) {
            return last;
        }
        if (last == null) {
            return first;
        }
        return isCjk(last) ? last + first : first + " " + last;
    }

    private static boolean isCjk(String s) {
        return s.codePoints().anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA;
        });
    }
}
