package io.github.leadrules.cli.columns;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A known export layout, recognised from its header. A preset matches when the header holds all
 * of its {@link #signature()} columns (ignoring case and surrounding spaces); each field is then
 * read from the first of its candidate columns that the header has.
 */
public enum ColumnPreset {

    /** The project's own layout: one column per {@link Field}, named {@link Field#column()}. */
    LEAD_RULES("lead-rules", List.of("id", "email"), own()),

    /** A Salesforce lead export (API field names, as Data Loader and reports with API names write them). */
    SALESFORCE("Salesforce lead export", List.of("LastName", "Company", "Email"), salesforce()),

    /** A HubSpot contacts export (property labels, as the HubSpot export writes them). */
    HUBSPOT("HubSpot contacts export", List.of("First Name", "Last Name", "Email"), hubspot());

    private final String label;
    private final List<String> signature;
    private final Map<Field, List<String>> columns;

    ColumnPreset(String label, List<String> signature, Map<Field, List<String>> columns) {
        this.label = label;
        this.signature = signature;
        this.columns = columns;
    }

    /** A human-readable name, e.g. "Salesforce lead export". */
    public String label() {
        return label;
    }

    /** The columns a header must have for this preset to match. */
    public List<String> signature() {
        return signature;
    }

    /** For each field, the candidate columns in order of preference. */
    public Map<Field, List<String>> columns() {
        return columns;
    }

    private static Map<Field, List<String>> own() {
        Map<Field, List<String>> m = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            m.put(f, List.of(f.column()));
        }
        return m;
    }

    private static Map<Field, List<String>> salesforce() {
        Map<Field, List<String>> m = new EnumMap<>(Field.class);
        m.put(Field.ID, List.of("Id", "Lead ID", "LeadId"));
        m.put(Field.FIRST_NAME, List.of("FirstName"));
        m.put(Field.LAST_NAME, List.of("LastName"));
        m.put(Field.EMAIL, List.of("Email"));
        m.put(Field.PHONE, List.of("Phone", "MobilePhone"));
        m.put(Field.JOB_TITLE, List.of("Title"));
        m.put(Field.SOURCE, List.of("LeadSource"));
        m.put(Field.SALES_STATUS, List.of("Status"));
        m.put(Field.OPTED_OUT, List.of("HasOptedOutOfEmail"));
        m.put(Field.SUBMITTED_AT, List.of("CreatedDate"));
        m.put(Field.LAST_SALES_ACTIVITY, List.of("LastActivityDate"));
        m.put(Field.COMPANY_NAME, List.of("Company"));
        m.put(Field.COMPANY_DOMAIN, List.of("Website"));
        m.put(Field.INDUSTRY, List.of("Industry"));
        m.put(Field.EMPLOYEE_COUNT, List.of("NumberOfEmployees"));
        m.put(Field.ANNUAL_REVENUE, List.of("AnnualRevenue"));
        m.put(Field.COUNTRY, List.of("Country", "CountryCode"));
        return m;
    }

    private static Map<Field, List<String>> hubspot() {
        Map<Field, List<String>> m = new EnumMap<>(Field.class);
        m.put(Field.ID, List.of("Record ID", "Contact ID"));
        m.put(Field.FIRST_NAME, List.of("First Name"));
        m.put(Field.LAST_NAME, List.of("Last Name"));
        m.put(Field.EMAIL, List.of("Email"));
        m.put(Field.PHONE, List.of("Phone Number", "Mobile Phone Number"));
        m.put(Field.JOB_TITLE, List.of("Job Title"));
        m.put(Field.SOURCE, List.of("Original Source", "Original Traffic Source"));
        m.put(Field.SALES_STATUS, List.of("Lifecycle Stage"));
        m.put(Field.OPTED_OUT, List.of("Unsubscribed from all email"));
        m.put(Field.SUBMITTED_AT, List.of("Create Date", "Became a Lead Date"));
        m.put(Field.LAST_SALES_ACTIVITY, List.of("Last Contacted", "Last Activity Date"));
        m.put(Field.COMPANY_NAME, List.of("Company Name"));
        m.put(Field.COMPANY_DOMAIN, List.of("Website URL", "Company Domain Name"));
        m.put(Field.INDUSTRY, List.of("Industry"));
        m.put(Field.EMPLOYEE_COUNT, List.of("Number of Employees"));
        m.put(Field.ANNUAL_REVENUE, List.of("Annual Revenue"));
        m.put(Field.COUNTRY, List.of("Country/Region", "Country"));
        return m;
    }

    @Override
    public String toString() {
        return label + " (" + String.join(", ", signature) + ")";
    }

    /** Every preset, in the order they are tried. */
    public static List<ColumnPreset> all() {
        return Arrays.asList(values());
    }
}
