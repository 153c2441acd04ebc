package io.atlas.domain.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.file.JsonObjectReader;
import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordValidatorTest {
    private static final String SOURCE = "validated/ndjson/year=2024/month=11/day=29/a.ndjson";
    private final RecordValidator validator = new RecordValidator(AppNameDefaults.DEFAULTS);
    private final JsonObjectReader reader = new JsonObjectReader(ReadLimits.DEFAULTS);

    private RecordOutcome json(String json, LogFormat format) {
        SourceFields fields = new SourceFields();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read(bytes, 0, bytes.length, fields)).isNull();
        return validator.validate(fields, format, SOURCE);
    }

    private RecordOutcome json(String json) {
        return json(json, LogFormat.NDJSON);
    }

    private static RecordOutcome.Rejected rejected(RecordOutcome outcome) {
        assertThat(outcome).isInstanceOf(RecordOutcome.Rejected.class);
        return (RecordOutcome.Rejected) outcome;
    }

    private static CanonicalRecord accepted(RecordOutcome outcome) {
        assertThat(outcome).isInstanceOf(RecordOutcome.Accepted.class);
        return ((RecordOutcome.Accepted) outcome).record();
    }

    @Test
    void mapsAnOriginAccessRecordToTheCanonicalRecord() {
        CanonicalRecord record = accepted(json("{\"timestamp\": \"2024-11-29T23:16:50Z\", \"ip\": \"192.168.1.58\", "
                + "\"user_agent\": \"Chrome/120.0\", \"request_type\": \"post\", \"status\": 200, \"endpoint\": \"/signup\"}"));

        assertThat(record.eventTimestamp()).isEqualTo(Instant.parse("2024-11-29T23:16:50Z"));
        assertThat(record.ipAddress()).isEqualTo("192.168.1.58");
        assertThat(record.device()).isEqualTo("Chrome/120.0");
        assertThat(record.requestType()).isEqualTo("POST");
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.endpoint()).isEqualTo("/signup");
        assertThat(record.message()).isNull();
        assertThat(record.appName()).isEqualTo("web_app_1");
        assertThat(record.logType()).isEqualTo(LogType.ACCESS);
        assertThat(record.rawFormat()).isEqualTo(LogFormat.NDJSON);
        assertThat(record.sourceFile()).isEqualTo(SOURCE);
        assertThat(record.logId()).matches("[0-9a-f]{64}");
        assertThat(record.day()).isEqualTo(LocalDate.of(2024, 11, 29));
    }

    @Test
    void appNameComesFromServiceThenAppNameThenTheFormatDefault() {
        String base = "{\"timestamp\": \"2024-11-29T10:00:00Z\", \"ip\": \"1.2.3.4\", \"request_type\": \"GET\", \"status\": 200";
        assertThat(accepted(json(base + ", \"service\": \"svc\", \"app_name\": \"app\"}")).appName()).isEqualTo("svc");
        assertThat(accepted(json(base + ", \"app_name\": \"app\"}")).appName()).isEqualTo("app");
        assertThat(accepted(json(base + ", \"service\": \" \"}")).appName()).isEqualTo("web_app_1");
        assertThat(accepted(json(base + "}", LogFormat.JSON_GZIP)).appName()).isEqualTo("api_service");
        RecordValidator custom = new RecordValidator(new AppNameDefaults("site", "api"));
        SourceFields fields = new SourceFields();
        byte[] bytes = (base + "}").getBytes(StandardCharsets.UTF_8);
        reader.read(bytes, 0, bytes.length, fields);
        assertThat(accepted(custom.validate(fields, LogFormat.NDJSON, SOURCE)).appName()).isEqualTo("site");
    }

    @Test
    void statusMayBeAStringOfDigitsAndEpochMillisecondsAreTimestamps() {
        CanonicalRecord record = accepted(json(
                "{\"timestamp\": 1732838400000, \"ip\": \"1.2.3.4\", \"request_type\": \"GET\", \"status\": \"404\"}"));
        assertThat(record.statusCode()).isEqualTo(404);
        assertThat(record.eventTimestamp()).isEqualTo(Instant.parse("2024-11-29T00:00:00Z"));
    }

    @Test
    void unknownExtraFieldsAreIgnored() {
        accepted(json("{\"timestamp\": \"2024-11-29T10:00:00Z\", \"ip\": \"1.2.3.4\", \"request_type\": \"GET\", "
                + "\"status\": 200, \"extra\": {\"deep\": [1, 2, {\"x\": null}]}, \"trace_id\": 42}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // the first failing check in table order wins
        "{}                                                                                  | MISSING_FIELD",
        "{'timestamp': null, 'ip': 1, 'request_type': 'GET', 'status': 200}                  | MISSING_FIELD",
        "{'timestamp': '  ', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 200}          | MISSING_FIELD",
        "{'timestamp': 'soon', 'ip': 1, 'request_type': 1, 'status': 'x'}                    | INVALID_TIMESTAMP",
        "{'timestamp': '2024-11-29T10:00:00', 'ip': 1, 'status': 'x'}                        | TIMESTAMP_WITHOUT_ZONE",
        "{'timestamp': 1.5e12, 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 200}        | INVALID_TIMESTAMP",
        "{'timestamp': {'at': 1}, 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 200}     | INVALID_FIELD_TYPE",
        "{'timestamp': true, 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 200}          | INVALID_FIELD_TYPE",
        "{'timestamp': '2024-11-29T10:00:00Z', 'request_type': 'GET', 'status': 'x'}         | MISSING_FIELD",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '', 'request_type': 'GET', 'status': 1} | MISSING_FIELD",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': ['1'], 'status': 'x'}                   | INVALID_FIELD_TYPE",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': 1234, 'request_type': 'GET', 'status': 200} | INVALID_FIELD_TYPE",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'status': 'x'}               | MISSING_FIELD",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 7, 'status': 'x'} | INVALID_FIELD_TYPE",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET'}       | MISSING_FIELD",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 600}  | INVALID_STATUS",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 99}   | INVALID_STATUS",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': -200} | INVALID_STATUS",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 200.0} | INVALID_STATUS",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 'OK'} | INVALID_STATUS",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': ' 200'} | INVALID_STATUS",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 99999999999999999999} | INVALID_STATUS",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': false} | INVALID_FIELD_TYPE",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 200, 'user_agent': {'a': 1}} | INVALID_FIELD_TYPE",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 200, 'endpoint': 5} | INVALID_FIELD_TYPE",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 200, 'message': []} | INVALID_FIELD_TYPE",
        "{'timestamp': '2024-11-29T10:00:00Z', 'ip': '1.2.3.4', 'request_type': 'GET', 'status': 200, 'service': 1} | INVALID_FIELD_TYPE",
    })
    void rejectsWithTheFirstFailingCheckInTableOrder(String record, RejectReason expected) {
        assertThat(rejected(json(record.replace('\'', '"'))).reason()).isEqualTo(expected);
    }

    @Test
    void aRejectWithAValidTimestampKnowsItsDayAndOneWithoutDoesNot() {
        RecordOutcome.Rejected badStatus = rejected(json(
                "{\"timestamp\": \"2024-11-29T23:59:59-01:00\", \"ip\": \"1\", \"request_type\": \"GET\", \"status\": 0}"));
        RecordOutcome.Rejected badTime = rejected(json("{\"timestamp\": \"x\"}"));

        assertThat(badStatus.eventDay()).contains(LocalDate.of(2024, 11, 30));
        assertThat(badTime.eventDay()).isEqualTo(Optional.empty());
    }

    @Test
    void identicalContentSharesALogIdAndLineageDoesNot() {
        String line = "{\"timestamp\": \"2024-11-29T10:00:00Z\", \"ip\": \"1.2.3.4\", \"request_type\": \"GET\", \"status\": 200}";
        CanonicalRecord a = accepted(json(line));
        CanonicalRecord b = accepted(json(line.replace("\"GET\"", "\"get\"").replace("10:00:00Z", "11:00:00+01:00")));
        SourceFields fields = new SourceFields();
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        reader.read(bytes, 0, bytes.length, fields);
        CanonicalRecord elsewhere = accepted(validator.validate(fields, LogFormat.NDJSON, "validated/ndjson/other"));
        CanonicalRecord different = accepted(json(line.replace("200", "201")));

        assertThat(b.logId()).isEqualTo(a.logId());
        assertThat(elsewhere.logId()).isEqualTo(a.logId());
        assertThat(different.logId()).isNotEqualTo(a.logId());
    }

    @Test
    void xmlErrorRecordsFollowTheXmlColumnOfTheTable() {
        SourceFields fields = new SourceFields();
        fields.set(SourceField.ERROR_TIME, ValueKind.TEXT, "2024-11-29T01:27:59Z");
        fields.set(SourceField.CLIENT_IP, ValueKind.TEXT, "10.0.0.69");
        fields.set(SourceField.SERVICE, ValueKind.TEXT, "auth_service");
        fields.set(SourceField.ERROR_CODE, ValueKind.TEXT, "401");
        fields.set(SourceField.MESSAGE, ValueKind.TEXT, "Error occurred");

        CanonicalRecord record = accepted(validator.validate(fields, LogFormat.XML_ERRORS, "validated/xml_errors/x.xml"));

        assertThat(record.requestType()).isEqualTo("ERROR");
        assertThat(record.device()).isNull();
        assertThat(record.endpoint()).isNull();
        assertThat(record.statusCode()).isEqualTo(401);
        assertThat(record.appName()).isEqualTo("auth_service");
        assertThat(record.message()).isEqualTo("Error occurred");
        assertThat(record.logType()).isEqualTo(LogType.ERROR);
    }

    @Test
    void xmlRequiresErrorTimeClientIpServiceAndErrorCode() {
        SourceFields fields = new SourceFields();
        fields.set(SourceField.ERROR_TIME, ValueKind.TEXT, "1732838400000");
        fields.set(SourceField.CLIENT_IP, ValueKind.TEXT, "10.0.0.69");
        fields.set(SourceField.ERROR_CODE, ValueKind.TEXT, "503");
        RecordOutcome.Rejected noService = rejected(validator.validate(fields, LogFormat.XML_ERRORS, "x"));
        assertThat(noService.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(noService.detail()).contains("service");

        fields.set(SourceField.SERVICE, ValueKind.TEXT, "billing");
        fields.set(SourceField.ERROR_CODE, ValueKind.STRUCTURE, "");
        assertThat(rejected(validator.validate(fields, LogFormat.XML_ERRORS, "x")).reason())
                .isEqualTo(RejectReason.INVALID_FIELD_TYPE);

        fields.set(SourceField.ERROR_CODE, ValueKind.TEXT, "5xx");
        assertThat(rejected(validator.validate(fields, LogFormat.XML_ERRORS, "x")).reason())
                .isEqualTo(RejectReason.INVALID_STATUS);
    }
}
