package io.github.leadrules.model;

/**
 * The organisation behind a lead, as the lead or the host recorded it. Values are kept as given;
 * the qualifier validates and normalises them (for matching only) before any rule runs.
 *
 * @param name          the company name as written, e.g. "株式会社サンプル" or "Acme Co., Ltd."; may be null
 * @param domain        the company's web or e-mail domain; may be null
 * @param industry      free-text industry, e.g. "Manufacturing" or "製造業"; may be null
 * @param employeeCount number of employees; may be null when unknown
 * @param annualRevenue annual revenue in the host's currency; may be null when unknown
 * @param country       country name or code as written ("Japan", "日本", "JP"); may be null
 */
public record Company(String name, String domain, String industry, Integer employeeCount,
                      Long annualRevenue, String country) {

    /**
     * A company with only a name.
     *
     * @param name the company name as written
     * @return the company
     */
    public static Company named(String name) {
        return new Company(name, null, null, null, null, null);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from this company's values} */
    public Builder toBuilder() {
        return new Builder().name(name).domain(domain).industry(industry)
                .employeeCount(employeeCount).annualRevenue(annualRevenue).country(country);
    }

    /** Builds {@link Company} values; every field is optional. */
    public static final class Builder {
        private String name;
        private String domain;
        private String industry;
        private Integer employeeCount;
        private Long annualRevenue;
        private String country;

        private Builder() {
        }

        /**
         * Sets the company name as written.
         *
         * @param name the name, or null
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the company's web or e-mail domain.
         *
         * @param domain the domain, or null
         * @return this builder
         */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /**
         * Sets the free-text industry.
         *
         * @param industry the industry, or null
         * @return this builder
         */
        public Builder industry(String industry) {
            this.industry = industry;
            return this;
        }

        /**
         * Sets the number of employees.
         *
         * @param employeeCount the count, or null when unknown
         * @return this builder
         */
        public Builder employeeCount(Integer employeeCount) {
            this.employeeCount = employeeCount;
            return this;
        }

        /**
         * Sets the annual revenue, in the host's currency.
         *
         * @param annualRevenue the revenue, or null when unknown
         * @return this builder
         */
        public Builder annualRevenue(Long annualRevenue) {
            this.annualRevenue = annualRevenue;
            return this;
        }

        /**
         * Sets the country, as a name or code as written.
         *
         * @param country the country, or null
         * @return this builder
         */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /**
         * Builds the company.
         *
         * @return the company
         */
        public Company build() {
            return new Company(name, domain, industry, employeeCount, annualRevenue, country);
        }
    }
}
