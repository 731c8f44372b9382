package io.github.leadrules.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.leadrules.json.JsonLimits;
import io.github.leadrules.json.LeadRulesJson;

import java.io.IOException;
import java.util.Locale;

/**
 * The Jackson set-up every reader and writer of this project shares: read limits from
 * {@link JsonLimits}, duplicate keys refused, floating-point numbers kept exact as
 * {@link java.math.BigDecimal} (never expanded), U+2028 and U+2029 escaped on output so that a
 * written line stays one line for every reader. Not API: the CLI uses it for its JSON Lines.
 */
public final class Jackson {

    private Jackson() {
    }

    /** A mapper reading and writing trees under the limits; thread-safe once built. */
    public static ObjectMapper mapper(JsonLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxDocumentLength())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(Math.min(limits.maxStringLength(), StreamReadConstraints.DEFAULT_MAX_NAME_LEN))
                .maxNumberLength(limits.maxNumberLength())
                .maxNestingDepth(limits.maxNestingDepth())
                .build();
        JsonFactory factory = new JsonFactoryBuilder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .characterEscapes(new LineSafeEscapes())
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /**
     * Why a document could not be parsed: a stable code, the path of the value at fault ({@code $}
     * for the document), and a short explanation that never quotes the input.
     */
    public static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final String code;

        Problem(String path, String code, String explanation) {
            super(explanation, null, false, false);
            this.path = path;
            this.code = code;
        }

        /** The path of the value at fault, e.g. {@code employee_count} or {@code engagement[1].at}; {@code $} for the document. */
        public String path() {
            return path;
        }

        /** {@link LeadRulesJson#MALFORMED_JSON}, {@link LeadRulesJson#TOO_LONG}, {@link LeadRulesJson#NESTED_TOO_DEEPLY} or {@link LeadRulesJson#DUPLICATE_KEY}. */
        public String code() {
            return code;
        }
    }

    /** Parses one document (text) into a tree. */
    public static JsonNode parse(ObjectMapper mapper, String text) throws Problem {
        checkLength(mapper, text.length());
        try {
            return parse(mapper, mapper.createParser(text));
        } catch (IOException e) {
            throw new Problem("$", LeadRulesJson.MALFORMED_JSON, "not valid JSON");
        }
    }

    /** Parses one document (UTF-8, or UTF-16/32 as detected) into a tree. */
    public static JsonNode parse(ObjectMapper mapper, byte[] bytes) throws Problem {
        checkLength(mapper, bytes.length);
        try {
            return parse(mapper, mapper.createParser(bytes));
        } catch (IOException e) {
            throw new Problem("$", LeadRulesJson.MALFORMED_JSON, "not valid JSON");
        }
    }

    /** Jackson checks the document length only as it reads more input; a document already in memory is checked here. */
    private static void checkLength(ObjectMapper mapper, long length) throws Problem {
        long max = mapper.getFactory().streamReadConstraints().getMaxDocumentLength();
        if (max > 0 && length > max) {
            throw new Problem("$", LeadRulesJson.TOO_LONG, "the document is too long");
        }
    }

    private static JsonNode parse(ObjectMapper mapper, JsonParser parser) throws Problem {
        try (parser) {
            JsonNode node = mapper.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new Problem("$", LeadRulesJson.MALFORMED_JSON, "empty: no JSON value");
            }
            return node;
        } catch (StreamConstraintsException e) {
            String message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
            boolean depth = message.contains("depth");
            return fail(parser, e, depth ? LeadRulesJson.NESTED_TOO_DEEPLY : LeadRulesJson.TOO_LONG,
                    depth ? "nested too deeply" : kind(message) + " too long");
        } catch (JsonEOFException e) {
            return fail(parser, e, LeadRulesJson.MALFORMED_JSON, "not valid JSON: it ends too early");
        } catch (JsonProcessingException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate")) {
                return fail(parser, e, LeadRulesJson.DUPLICATE_KEY, "a key is given twice");
            }
            JsonToken token = parser.currentToken();
            boolean inValue = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
            return fail(parser, e, LeadRulesJson.MALFORMED_JSON, inValue ? "not a valid number" : "not valid JSON", inValue);
        } catch (IOException e) {
            throw new Problem("$", LeadRulesJson.MALFORMED_JSON, "not readable");
        } catch (NumberFormatException e) {
            // A short number whose exponent is beyond what a BigDecimal can hold (1e-99999998889):
            // Jackson throws the JDK's exception as it is, without a location.
            throw new Problem(path(parser.getParsingContext()), LeadRulesJson.MALFORMED_JSON, "not a valid number");
        }
    }

    private static String kind(String message) {
        if (message.startsWith("number")) {
            return "a number";
        }
        if (message.startsWith("string")) {
            return "a string";
        }
        if (message.startsWith("name")) {
            return "a key";
        }
        return "the document";
    }

    private static JsonNode fail(JsonParser parser, JsonProcessingException e, String code, String explanation) throws Problem {
        return fail(parser, e, code, explanation, !code.equals(LeadRulesJson.MALFORMED_JSON));
    }

    private static JsonNode fail(JsonParser parser, JsonProcessingException e, String code, String explanation,
                                 boolean namePath) throws Problem {
        String path = namePath ? path(parser.getParsingContext()) : "$";
        if (code.equals(LeadRulesJson.NESTED_TOO_DEEPLY)) {
            // The key the deep value hangs from: a path of dozens of [0] would say no more.
            path = path.split("[.\\[]", 2)[0];
        }
        String where = e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? ""
                : " (column " + e.getLocation().getColumnNr() + ")";
        throw new Problem(path, code, explanation + where);
    }

    /** {@code employee_count}, {@code engagement[1].at}, or {@code $} at the top. */
    public static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "$";
        }
        String parent = path(context.getParent());
        if (context.inArray()) {
            // A new array without an element yet is the value its parent's path names.
            return context.getCurrentIndex() < 0 ? parent : parent + "[" + context.getCurrentIndex() + "]";
        }
        String name = context.getCurrentName();
        if (name == null) {
            return parent;
        }
        return parent.equals("$") ? name : parent + "." + name;
    }

    /** Escapes U+2028 and U+2029 besides what JSON requires, so that no line-oriented reader splits a written line. */
    private static final class LineSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final SerializedString LINE = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH = new SerializedString("\\u2029");
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? LINE : ch == 0x2029 ? PARAGRAPH : null;
        }
    }
}
