package io.atlas.domain.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimestampsTest {

    @ParameterizedTest
    @CsvSource({
        "2024-11-29T23:16:50Z, 2024-11-29T23:16:50Z",
        "2024-11-29T23:16:50.123Z, 2024-11-29T23:16:50.123Z",
        "2024-11-29T23:16:50.123456789Z, 2024-11-29T23:16:50.123Z",
        "2024-11-29T23:16:50+00:00, 2024-11-29T23:16:50Z",
        "2024-11-29T23:30:00-05:00, 2024-11-30T04:30:00Z",
        "2024-11-30T01:30:00+02:00, 2024-11-29T23:30:00Z",
        "2024-11-30T01:30:00+0200, 2024-11-29T23:30:00Z",
        "2024-11-30T01:30:00+02, 2024-11-29T23:30:00Z",
        "2024-11-29 23:16:50Z, 2024-11-29T23:16:50Z",
        "2024-11-29t23:16:50z, 2024-11-29T23:16:50Z",
        "2024-11-29T23:16Z, 2024-11-29T23:16:00Z",
    })
    void readsIsoTimestampsWithZoneOrOffset(String text, String expected) {
        assertThat(EventTimestamps.parseText(text)).isEqualTo(new TimestampCheck.Valid(Instant.parse(expected)));
    }

    @Test
    void anOffsetCanMoveTheEventToAnotherUtcDay() {
        TimestampCheck.Valid late = (TimestampCheck.Valid) EventTimestamps.parseText("2024-11-29T22:00:00-03:00");
        TimestampCheck.Valid early = (TimestampCheck.Valid) EventTimestamps.parseText("2024-11-30T01:00:00+05:00");

        assertThat(late.utcDay()).isEqualTo(LocalDate.of(2024, 11, 30));
        assertThat(early.utcDay()).isEqualTo(LocalDate.of(2024, 11, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-11-29T23:16:50", "2024-11-29T23:16:50.5", "2024-11-29 23:16:50"})
    void aTimestampWithoutZoneIsItsOwnReason(String text) {
        assertThat(EventTimestamps.parseText(text))
                .isInstanceOfSatisfying(TimestampCheck.Invalid.class,
                        invalid -> assertThat(invalid.reason()).isEqualTo(RejectReason.TIMESTAMP_WITHOUT_ZONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "2024-11-29T25:00:00Z",
        "2024-11-29", "29/11/2024 10:00:00", "2024-11-29T10:00:00ZZ", "2024-11-29T10:00:00 Z", "1732838400000",
        "2024-11-29T10:00:00+25:00", "+10000-01-01T00:00:00Z", ""})
    void anythingElseIsInvalid(String text) {
        assertThat(EventTimestamps.parseText(text))
                .isInstanceOfSatisfying(TimestampCheck.Invalid.class,
                        invalid -> assertThat(invalid.reason()).isEqualTo(RejectReason.INVALID_TIMESTAMP));
    }

    @Test
    void readsEpochMilliseconds() {
        assertThat(EventTimestamps.parseEpochMillis("1732838400123"))
                .isEqualTo(new TimestampCheck.Valid(Instant.parse("2024-11-29T00:00:00.123Z")));
        assertThat(EventTimestamps.parseEpochMillis("99999999999999999999"))
                .isInstanceOf(TimestampCheck.Invalid.class);
        assertThat(EventTimestamps.parseEpochMillis("999999999999999999"))
                .isInstanceOfSatisfying(TimestampCheck.Invalid.class,
                        invalid -> assertThat(invalid.detail()).contains("0001-9999"));
    }

    @Property
    void theFastPathAgreesWithTheFullParser(
            @ForAll @LongRange(min = -62_135_596_800_000L, max = 253_402_300_799_999L) long millis) {
        Instant instant = Instant.ofEpochMilli(millis);
        String withMillis = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toLocalDateTime() + "Z";
        // LocalDateTime.toString drops zero seconds/millis; build the fixed-width shapes explicitly too.
        String fixed = String.format("%sZ", instant.toString().substring(0, 19));
        for (String text : new String[] {withMillis, fixed}) {
            TimestampCheck check = EventTimestamps.parseText(text);
            assertThat(check).isInstanceOf(TimestampCheck.Valid.class);
            assertThat(((TimestampCheck.Valid) check).instant())
                    .isEqualTo(OffsetDateTime.parse(text).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
    }

    @Test
    void theFastPathRefusesWhatItCannotReadExactly() {
        assertThat(EventTimestamps.fastPathAccepts("2024-11-29T23:16:50Z")).isTrue();
        assertThat(EventTimestamps.fastPathAccepts("2024-11-29T23:16:50.123Z")).isTrue();
        assertThat(EventTimestamps.fastPathAccepts("2024-02-30T23:16:50Z")).isFalse();
        assertThat(EventTimestamps.fastPathAccepts("2024-11-29T24:00:00Z")).isFalse();
        assertThat(EventTimestamps.fastPathAccepts("2024-11-29T23:16:50+01:00")).isFalse();
    }

    @Property(tries = 2000)
    void theUtcDayIsTheInstantsDateAtUtcAcrossTheYearsAllowed(
            @ForAll @LongRange(min = -62_135_596_800_000L, max = 253_402_300_799_999L) long millis) {
        TimestampCheck.Valid valid = new TimestampCheck.Valid(Instant.ofEpochMilli(millis));
        LocalDate expected = LocalDate.ofInstant(valid.instant(), ZoneOffset.UTC);
        assertThat(valid.utcDay()).isEqualTo(expected);
        assertThat(valid.utcEpochDay()).isEqualTo(expected.toEpochDay());
    }

    @Test
    void theUtcDayTurnsAtMidnightOnBothSidesOfTheEpoch() {
        assertThat(new TimestampCheck.Valid(Instant.ofEpochMilli(-1)).utcDay()).isEqualTo(LocalDate.of(1969, 12, 31));
        assertThat(new TimestampCheck.Valid(Instant.ofEpochMilli(0)).utcDay()).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(new TimestampCheck.Valid(Instant.parse("0001-01-01T00:00:00Z")).utcDay()).isEqualTo(LocalDate.of(1, 1, 1));
    }
}
