package io.atlas.domain.testing;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators for the domain laws: JSON lines and XML records of every kind SPEC §3 names (good ones, duplicates,
 * each reason code, midnight and offset edges), over a small set of days so files span several.
 */
public final class LogArbitraries {
    private LogArbitraries() {}

    public static Arbitrary<String> timestamps() {
        Arbitrary<String> zulu = Combinators.combine(Arbitraries.integers().between(28, 30),
                        Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59),
                        Arbitraries.integers().between(0, 59))
                .as((d, h, m, s) -> String.format("2024-11-%02dT%02d:%02d:%02dZ", d, h, m, s));
        Arbitrary<String> offset = Combinators.combine(Arbitraries.integers().between(28, 30),
                        Arbitraries.integers().between(0, 23), Arbitraries.of("+02:00", "-05:00", "+0530", "+00:00"))
                .as((d, h, o) -> String.format("2024-11-%02dT%02d:30:00.250%s", d, h, o));
        Arbitrary<String> edges = Arbitraries.of("2024-11-29T23:59:59.999Z", "2024-11-30T00:00:00Z",
                "2024-11-29T00:00:00Z", "2024-11-30T23:59:59Z");
        return Arbitraries.oneOf(zulu, offset, edges);
    }

    private static Arbitrary<String> quoted(Arbitrary<String> values) {
        return values.map(v -> "\"" + v + "\"");
    }

    /** A JSON value for the timestamp field: mostly valid, sometimes each kind of invalid. */
    public static Arbitrary<String> timestampValues() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, quoted(timestamps())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("1732838400000", "1732924799999", "1732924800000")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("\"2024-11-29T10:00:00\"", "\"later\"", "null", "{}", "1.5", "true",
                        "\"\"")));
    }

    public static Arbitrary<String> statusValues() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of("200", "201", "301", "404", "403", "500", "503", "\"404\"")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("99", "600", "\"ok\"", "2.5", "[]", "null", "\"\"")));
    }

    public static Arbitrary<String> ipValues() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, quoted(Arbitraries.integers().between(1, 12).map(i -> "10.0.0." + i))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("7", "\"\"", "null", "{\"v\": 4}")));
    }

    /** One NDJSON line (or array element): valid records, near-duplicates, and every row-level failure. */
    public static Arbitrary<String> jsonRecords() {
        Arbitrary<String> record = Combinators.combine(timestampValues(), ipValues(),
                        Arbitraries.of("\"GET\"", "\"post\"", "\"PUT\"", "5"), statusValues(),
                        Arbitraries.of("\"Chrome/120.0\"", "\"Mobile/iOS\"", "null", "{}"),
                        Arbitraries.of("", ", \"service\": \"billing\"", ", \"app_name\": \"shop\"", ", \"extra\": [1, {\"a\": 2}]"))
                .as((ts, ip, type, status, agent, tail) -> "{\"timestamp\": " + ts + ", \"ip\": " + ip
                        + ", \"request_type\": " + type + ", \"status\": " + status + ", \"user_agent\": " + agent
                        + ", \"endpoint\": \"/home\"" + tail + "}");
        Arbitrary<String> broken = Arbitraries.of("[1, 2]", "{\"timestamp\": ", "plain text", "42", "{\"a\": tru}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, record), net.jqwik.api.Tuple.of(1, broken));
    }

    /** NDJSON lines including blank ones. */
    public static Arbitrary<List<String>> ndjsonLines() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(25, jsonRecords()), net.jqwik.api.Tuple.of(1, Arbitraries.just("")))
                .list().ofMinSize(1).ofMaxSize(40);
    }

    /** One XML child of {@code <errors>}. */
    public static Arbitrary<String> xmlRecords() {
        Arbitrary<String> time = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, timestamps()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("1732838400000", "bad", "", "2024-11-29T10:00:00")));
        Arbitrary<String> code = Arbitraries.of("401", "403", "500", "503", "404", "700", "x", "");
        Arbitrary<String> service = Arbitraries.of("auth_service", "billing_service", "");
        Arbitrary<String> error = Combinators.combine(time, ipValues().map(v -> v.replace("\"", "")), service, code)
                .as((t, ip, s, c) -> "<error><errorTime>" + t + "</errorTime><clientIp>" + ip.replace("{", "").replace("}", "")
                        + "</clientIp><service>" + s + "</service><errorCode>" + c + "</errorCode><message>m</message></error>");
        Arbitrary<String> odd = Arbitraries.of("<warning/>", "<error><errorCode><x>1</x></errorCode></error>");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, error), net.jqwik.api.Tuple.of(1, odd));
    }
}
