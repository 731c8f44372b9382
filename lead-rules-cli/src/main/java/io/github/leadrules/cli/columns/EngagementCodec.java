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

    /**
     * {@link #TYPES} as an open-addressing table by {@link String#hashCode()}, for reading a type
     * without a substring: names and their types.
     */
    private static final int TYPE_SLOTS = 64;
    private static final String[] TYPE_NAMES = new String[TYPE_SLOTS];
    private static final EngagementType[] TYPE_VALUES = new EngagementType[TYPE_SLOTS];

    static {
        TYPES.forEach((name, type) -> {
            int h = name.hashCode();
            int i = (h ^ (h >>> 8)) & (TYPE_SLOTS - 1);
            while (TYPE_NAMES[i] != null) {
                i = (i + 1) & (TYPE_SLOTS - 1);
            }
            TYPE_NAMES[i] = name;
            TYPE_VALUES[i] = type;
        });
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
        if (raw == null) {
            return new ArrayList<>();
        }
        List<EngagementEvent> events = standard(raw);
        return events != null ? events : general(raw, zone);
    }

    /**
     * The cell read the way {@link #general} reads it, when it is in the shape this codec writes:
     * entries {@code type[:detail]@time}, each without surrounding white space, the type in lower case
     * ({@code _}, no {@code -}), the detail without surrounding white space, the time in UTC
     * ({@code 2026-11-20T10:00Z} or with seconds) and valid. Null for any other cell, which the
     * general path reads (and reports): no split, no stripping, no formatter for the common cell.
     */
    static List<EngagementEvent> standard(String raw) {
        int n = raw.length();
        if (n == 0) {
            return null;
        }
        List<EngagementEvent> events = new ArrayList<>(4);
        int from = 0;
        while (from <= n) {
            int to = raw.indexOf(';', from);
            if (to < 0) {
                to = n;
            }
            EngagementEvent e = standardEntry(raw, from, to);
            if (e == null) {
                return null;
            }
            events.add(e);
            from = to + 1;
        }
        return events;
    }

    /** One entry {@code raw[from, to)} in the standard shape (see {@link #standard}), or null. */
    private static EngagementEvent standardEntry(String raw, int from, int to) {
        // The time is the last 17 or 20 characters, with no '@' in it: the '@' before it is the last.
        int at = to - 18;
        if (at <= from || raw.charAt(at) != '@') {
            at = to - 21;
            if (at <= from || raw.charAt(at) != '@') {
                return null;
            }
        }
        long seconds = Values.utcSeconds(raw, at + 1, to);
        if (seconds == Values.NOT_UTC_SHAPE || seconds == Values.BAD_UTC) {
            return null;
        }
        int end = at;
        int hash = 0;
        for (int i = from; i < at; i++) {
            char c = raw.charAt(i);
            if (c == ':') {
                end = i;
                break;
            }
            if ((c < 'a' || c > 'z') && c != '_') {
                return null;
            }
            hash = 31 * hash + c;
        }
        EngagementType type = type(raw, from, end, hash);
        if (type == null) {
            return null;
        }
        String detail = null;
        if (end + 1 < at) {
            if (Character.isWhitespace(raw.charAt(end + 1)) || Character.isWhitespace(raw.charAt(at - 1))) {
                return null;
            }
            detail = raw.substring(end + 1, at);
        }
        Instant when = Instant.ofEpochSecond(seconds);
        return type == EngagementType.CASE_STUDY_VIEW
                ? new EngagementEvent(type, when, null, detail)
                : new EngagementEvent(type, when, detail, null);
    }

    /**
     * The type named by {@code raw[from, to)} (a token, an alias or a type's name in lower case), or
     * null; {@code hash} is the {@link String#hashCode()} of that text.
     */
    private static EngagementType type(String raw, int from, int to, int hash) {
        for (int i = (hash ^ (hash >>> 8)) & (TYPE_SLOTS - 1); TYPE_NAMES[i] != null; i = (i + 1) & (TYPE_SLOTS - 1)) {
            String name = TYPE_NAMES[i];
            if (name.hashCode() == hash && name.length() == to - from && raw.startsWith(name, from)) {
                return TYPE_VALUES[i];
            }
        }
        return null;
    }

    /** Reads any cell, as described at {@link #parse}. */
    static List<EngagementEvent> general(String raw, ZoneId zone) throws Values.BadValue {
        List<EngagementEvent> events = new ArrayList<>();
        if (raw.isBlank()) {
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
