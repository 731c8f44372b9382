package io.github.leadrules.cli.columns;

import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.SalesStatus;
import io.github.leadrules.policy.LeadPolicy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** Rules most cells out by their first characters; null when {@link #missing} is not known to be a policy's. */
    private final PlaceholderStarts starts;
    /** {@link ColumnMapping#index} and {@link ColumnMapping#format} of each field, by its ordinal: read for every cell. */
    private final int[] index;
    private final CellFormat[] format;
    /** The ordinals of the fields that have a column. */
    private final int[] mapped;
    /** {@link ColumnMapping#attributes()} and each one's format, in the map's order. */
    private final String[] attributeName;
    private final int[] attributeIndex;
    private final CellFormat[] attributeFormat;

    private static final int FIELDS = Field.values().length;
    private static final int ID = Field.ID.ordinal();
    private static final int CONTACT_NAME = Field.CONTACT_NAME.ordinal();
    private static final int FIRST_NAME = Field.FIRST_NAME.ordinal();
    private static final int LAST_NAME = Field.LAST_NAME.ordinal();
    private static final int EMAIL = Field.EMAIL.ordinal();
    private static final int PHONE = Field.PHONE.ordinal();
    private static final int JOB_TITLE = Field.JOB_TITLE.ordinal();
    private static final int SOURCE = Field.SOURCE.ordinal();
    private static final int INQUIRY_TYPE = Field.INQUIRY_TYPE.ordinal();
    private static final int PURCHASE_TIMEFRAME = Field.PURCHASE_TIMEFRAME.ordinal();
    private static final int BUDGET_STATUS = Field.BUDGET_STATUS.ordinal();
    private static final int CONSENT = Field.CONSENT.ordinal();
    private static final int OPTED_OUT = Field.OPTED_OUT.ordinal();
    private static final int SALES_STATUS = Field.SALES_STATUS.ordinal();
    private static final int LAST_SALES_ACTIVITY = Field.LAST_SALES_ACTIVITY.ordinal();
    private static final int SUBMITTED_AT = Field.SUBMITTED_AT.ordinal();
    private static final int COMPANY_NAME = Field.COMPANY_NAME.ordinal();
    private static final int COMPANY_DOMAIN = Field.COMPANY_DOMAIN.ordinal();
    private static final int INDUSTRY = Field.INDUSTRY.ordinal();
    private static final int EMPLOYEE_COUNT = Field.EMPLOYEE_COUNT.ordinal();
    private static final int ANNUAL_REVENUE = Field.ANNUAL_REVENUE.ordinal();
    private static final int COUNTRY = Field.COUNTRY.ordinal();
    private static final int ENGAGEMENT = Field.ENGAGEMENT.ordinal();

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
        this(mapping, zone, missing, Integer.MAX_VALUE, null);
    }

    /** A mapper blanking the placeholder values of any of these policies (see {@link #RowMapper(ColumnMapping, ZoneId, Predicate)}). */
    public RowMapper(ColumnMapping mapping, ZoneId zone, LeadPolicy... policies) {
        this(mapping, zone, anyOf(policies), longest(policies), new PlaceholderStarts(keys(policies)));
    }

    private RowMapper(ColumnMapping mapping, ZoneId zone, Predicate<String> missing, int longest, PlaceholderStarts starts) {
        this.mapping = mapping;
        Field[] fields = Field.values();
        this.index = new int[fields.length];
        this.format = new CellFormat[fields.length];
        int count = 0;
        for (Field f : fields) {
            index[f.ordinal()] = mapping.index(f);
            format[f.ordinal()] = mapping.format(f);
            count += index[f.ordinal()] >= 0 ? 1 : 0;
        }
        this.mapped = new int[count];
        count = 0;
        for (Field f : fields) {
            if (index[f.ordinal()] >= 0) {
                mapped[count++] = f.ordinal();
            }
        }
        Map<String, Integer> attributes = mapping.attributes();
        this.attributeName = new String[attributes.size()];
        this.attributeIndex = new int[attributes.size()];
        this.attributeFormat = new CellFormat[attributes.size()];
        int a = 0;
        for (Map.Entry<String, Integer> e : attributes.entrySet()) {
            attributeName[a] = e.getKey();
            attributeIndex[a] = e.getValue();
            attributeFormat[a] = mapping.attributeFormat(e.getKey());
            a++;
        }
        this.zone = zone;
        this.missing = missing;
        this.longest = longest;
        this.starts = starts;
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

    /** The placeholder values of these policies, as keys. */
    private static List<String> keys(LeadPolicy... policies) {
        List<String> keys = new ArrayList<>();
        for (LeadPolicy p : policies) {
            keys.addAll(p.missingValues());
        }
        return keys;
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

    /**
     * Reads a row; cells beyond the row's length are blank. The cells of the mapped fields are read
     * first, in one loop (placeholders blanked, values translated), then each field's value from its
     * cell: no lambda per field, and no error list unless a cell is bad.
     */
    public Result map(long line, List<String> cells) {
        String[] v = cells(cells);
        List<FieldError> errors = null;
        String contactName = Values.text(v[CONTACT_NAME]);
        if (contactName == null) {
            contactName = joinName(Values.text(v[FIRST_NAME]), Values.text(v[LAST_NAME]));
        }
        InquiryType inquiryType = null;
        try {
            inquiryType = Values.inquiryType(v[INQUIRY_TYPE]);
        } catch (Values.BadValue e) {
            errors = failed(errors, Field.INQUIRY_TYPE, e);
        }
        PurchaseTimeframe purchaseTimeframe = null;
        try {
            purchaseTimeframe = Values.purchaseTimeframe(v[PURCHASE_TIMEFRAME]);
        } catch (Values.BadValue e) {
            errors = failed(errors, Field.PURCHASE_TIMEFRAME, e);
        }
        BudgetStatus budgetStatus = null;
        try {
            budgetStatus = Values.budgetStatus(v[BUDGET_STATUS]);
        } catch (Values.BadValue e) {
            errors = failed(errors, Field.BUDGET_STATUS, e);
        }
        Consent consent = null;
        try {
            consent = Values.consent(v[CONSENT]);
        } catch (Values.BadValue e) {
            errors = failed(errors, Field.CONSENT, e);
        }
        try {
            // An opted-out flag wins over the consent column (Salesforce and HubSpot keep them apart).
            if (Boolean.TRUE.equals(Values.yesNo(v[OPTED_OUT]))) {
                consent = Consent.OPTED_OUT;
            }
        } catch (Values.BadValue e) {
            errors = failed(errors, Field.OPTED_OUT, e);
        }
        SalesStatus salesStatus = null;
        try {
            salesStatus = Values.salesStatus(v[SALES_STATUS]);
        } catch (Values.BadValue e) {
            errors = failed(errors, Field.SALES_STATUS, e);
        }
        Instant lastSalesActivity = null;
        try {
            lastSalesActivity = instant(LAST_SALES_ACTIVITY, v[LAST_SALES_ACTIVITY]);
        } catch (Values.BadValue e) {
            errors = failed(errors, Field.LAST_SALES_ACTIVITY, e);
        }
        Instant submittedAt = null;
        try {
            submittedAt = instant(SUBMITTED_AT, v[SUBMITTED_AT]);
        } catch (Values.BadValue e) {
            errors = failed(errors, Field.SUBMITTED_AT, e);
        }
        List<EngagementEvent> engagement = null;
        try {
            engagement = EngagementCodec.parse(v[ENGAGEMENT], zone);
        } catch (Values.BadValue e) {
            errors = failed(errors, Field.ENGAGEMENT, e);
        }
        Integer employeeCount = null;
        try {
            employeeCount = Values.employeeCount(v[EMPLOYEE_COUNT]);
        } catch (Values.BadValue e) {
            errors = failed(errors, Field.EMPLOYEE_COUNT, e);
        }
        Long annualRevenue = null;
        try {
            annualRevenue = Values.amount(v[ANNUAL_REVENUE]);
        } catch (Values.BadValue e) {
            errors = failed(errors, Field.ANNUAL_REVENUE, e);
        }
        Company company = company(Values.text(v[COMPANY_NAME]), Values.text(v[COMPANY_DOMAIN]), Values.text(v[INDUSTRY]),
                employeeCount, annualRevenue, Values.text(v[COUNTRY]));
        Map<String, String> attributes = null;
        if (attributeName.length > 0) {
            attributes = new LinkedHashMap<>();
            errors = attributes(cells, attributes, errors);
        }
        Lead lead = new Lead(index[ID] < 0 ? "line-" + line : Values.text(v[ID]), contactName,
                Values.text(v[EMAIL]), Values.text(v[PHONE]), Values.text(v[JOB_TITLE]), Values.text(v[SOURCE]),
                inquiryType, purchaseTimeframe, budgetStatus, consent,
                engagement == null || engagement.isEmpty() ? null : engagement, salesStatus, lastSalesActivity,
                submittedAt, company, attributes);
        return new Result(lead, errors == null ? List.of() : errors);
    }

    /**
     * The cells of the mapped fields, by field ordinal, as the fields read them ({@link #cell}); null
     * for a field without a column or a cell beyond the row's length.
     */
    private String[] cells(List<String> cells) {
        String[] v = new String[FIELDS];
        int size = cells.size();
        for (int f : mapped) {
            int i = index[f];
            if (i < size) {
                v[f] = cell(f, cells.get(i));
            }
        }
        return v;
    }

    /** A field's cell, its placeholder blanked (never the id's), translated through the map file's {@code values:}. */
    private String cell(int field, String raw) {
        CellFormat format = this.format[field];
        // The id is never a placeholder: a lead called "unknown" keeps its name.
        String cell = field == ID ? raw : placeholderBlank(raw, format);
        return format == null ? cell : format.translate(cell);
    }

    /** The company, or null when the row says nothing of it. */
    private static Company company(String name, String domain, String industry, Integer employeeCount, Long annualRevenue,
                                   String country) {
        if (name == null && domain == null && industry == null && employeeCount == null && annualRevenue == null
                && country == null) {
            return null;
        }
        return new Company(name, domain, industry, employeeCount, annualRevenue, country);
    }

    /** Reads the attribute columns into {@code into}; returns the errors, with a bad attribute cell's added. */
    private List<FieldError> attributes(List<String> cells, Map<String, String> into, List<FieldError> errors) {
        for (int a = 0; a < attributeName.length; a++) {
            CellFormat format = attributeFormat[a];
            int i = attributeIndex[a];
            String v = Values.text(placeholderBlank(i < cells.size() ? cells.get(i) : null, format));
            if (v != null && format != null) {
                v = Values.text(format.translate(v));
                if (v != null && format.format() != null) {
                    try {
                        v = format.isoDate(v);
                    } catch (Values.BadValue e) {
                        errors = added(errors, new FieldError(mapping.attributeErrorName(attributeName[a]), e.code()));
                        continue;
                    }
                }
            }
            if (v != null) {
                into.put(attributeName[a], v);
            }
        }
        return errors;
    }

    /** The errors with a bad cell's added: the list, made when it is the first. */
    private List<FieldError> failed(List<FieldError> errors, Field field, Values.BadValue e) {
        return added(errors, error(field, e));
    }

    private static List<FieldError> added(List<FieldError> errors, FieldError error) {
        List<FieldError> all = errors == null ? new ArrayList<>(2) : errors;
        all.add(error);
        return all;
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
     * The cell, or null when it holds a placeholder value. Most cells are ruled out by their first
     * characters ({@link PlaceholderStarts}); the rest are {@linkplain #checked checked}.
     */
    private String unlessPlaceholder(String cell) {
        return starts != null && starts.rulesOut(cell) ? cell : checked(cell);
    }

    /**
     * The cell, or null when it holds a placeholder value. An ASCII cell's key ({@code LeadPolicy.isMissingValue})
     * keeps every character of it but spaces and controls, lower-cased: with more of them than the
     * longest placeholder it is none (the e-mail addresses, dates and phone numbers seen once each).
     * Other cells, whose key is their Unicode normal form, and shorter ones are remembered: the
     * names, industries, sources and choices that repeat from row to row.
     */
    private String checked(String cell) {
        int n = cell.length();
        int visible = 0;
        for (int i = 0; i < n; i++) {
            char c = cell.charAt(i);
            if (c >= 0x80) {
                return remembered.get(cell);
            }
            // Each visible ASCII character stays one character of the key, whatever follows it
            // (ASCII is never the second character of a composition): past the longest, no placeholder.
            if (c > ' ' && ++visible > longest) {
                return cell;
            }
        }
        return remembered.get(cell);
    }

    /** A date cell, in the map file's {@code format:} when it gives one. */
    private Instant instant(int field, String cell) throws Values.BadValue {
        CellFormat format = this.format[field];
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
