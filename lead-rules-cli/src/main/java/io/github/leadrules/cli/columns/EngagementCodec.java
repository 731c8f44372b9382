package io.github.leadrules.cli.columns;

import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The compact encoding of engagement events in one CSV cell:
 * {@code type[:detail]@time} entries separated by {@code ;}, e.g.
 * {@code pricing@2026-11-20T10:00Z;case_study:製造業@2026-11-21T09:00Z;content:dx-guide@2026-11-22}.
 *
 * <p>Types: {@code page}, {@code pricing}, {@code content}, {@code case_study}, {@code email_open},
 * {@code seminar} (the {@link EngagementType} names are accepted too). For {@code case_study} the
 * detail is the industry of the customer in the case study; for the others it is free text (a page
 * path, a content title). The time is read like any other date cell. The last {@code @} of an entry
 * separates the time, so details may contain {@code @}; they may not contain {@code ;}.
 */
public final class EngagementCodec {

    private static final Map<String, EngagementType> TYPES = new HashMap<>();
    private static final Map<EngagementType, String> TOKENS = new HashMap<>();
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static {
        token(EngagementType.PAGE_VISIT, "page", "visit");
        token(EngagementType.PRICING_PAGE_VISIT, "pricing", "price");
        token(EngagementType.CONTENT_VIEW, "content", "download");
        token(EngagementType.CASE_STUDY_VIEW, "case_study", "case");
        token(EngagementType.EMAIL_OPEN, "email_open", "open");
        token(EngagementType.SEMINAR_ATTENDED, "seminar", "webinar");
    }

    private EngagementCodec() {
    }

    private static void token(EngagementType type, String token, String... aliases) {
        TOKENS.put(type, token);
        TYPES.put(token, type);
        TYPES.put(type.name().toLowerCase(Locale.ROOT), type);
        for (String a : aliases) {
            TYPES.put(a, type);
        }
    }

    /**
     * Reads a cell; blank is no events.
     *
     * @throws Values.BadValue {@code MALFORMED_EVENT} (or {@code NOT_A_DATE}) naming the entry, e.g. {@code [2]}
     */
    public static List<EngagementEvent> parse(String raw, ZoneId zone) throws Values.BadValue {
        List<EngagementEvent> events = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return events;
        }
        String[] entries = raw.split(";", -1);
        int index = 0;
        for (String entry : entries) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int at = e.lastIndexOf('@');
            if (at <= 0) {
                throw new Values.BadValue(Values.MALFORMED_EVENT, where(index));
            }
            String head = e.substring(0, at).strip();
            Instant when;
            try {
                when = Values.instant(e.substring(at + 1), zone);
            } catch (Values.BadValue bad) {
                throw new Values.BadValue(Values.NOT_A_DATE, where(index));
            }
            if (when == null) {
                throw new Values.BadValue(Values.MALFORMED_EVENT, where(index));
            }
            int colon = head.indexOf(':');
            String typeText = (colon < 0 ? head : head.substring(0, colon)).strip().toLowerCase(Locale.ROOT).replace('-', '_');
            String detail = colon < 0 ? null : Values.text(head.substring(colon + 1));
            EngagementType type = TYPES.get(typeText);
            if (type == null) {
                throw new Values.BadValue(Values.MALFORMED_EVENT, where(index));
            }
            events.add(type == EngagementType.CASE_STUDY_VIEW
                    ? new EngagementEvent(type, when, null, detail)
                    : new EngagementEvent(type, when, detail, null));
            index++;
        }
        return events;
    }

    /** Where an entry is, for its error: {@code [2]} for the third. */
    private static String where(int index) {
        return "[" + index + "]";
    }

    /** Writes events in the compact encoding (UTC, to the minute when seconds are zero). */
    public static String format(List<EngagementEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (EngagementEvent e : events) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(TOKENS.get(e.type()));
            String detail = e.type() == EngagementType.CASE_STUDY_VIEW ? e.industry() : e.detail();
            if (detail != null) {
                sb.append(':').append(detail);
            }
            sb.append('@');
            Instant at = e.at();
            sb.append(at.truncatedTo(ChronoUnit.MINUTES).equals(at) ? MINUTES.format(at) : at.toString());
        }
        return sb.toString();
    }
}
