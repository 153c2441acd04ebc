package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.app.AtlasSettings;
import io.atlas.app.SettingsSources;
import io.atlas.aws.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * {@code atlas query --lake s3://...} with {@code atlas.query.engine=athena}: the CLI sends the SQL to Athena (moto's)
 * in the configured workgroup over {@code log_analytics_db} instead of the embedded DuckDB, and prints Athena's rows;
 * an Athena error is the command's failure, and Athena on a local lake is refused. The adapter's polling and failure
 * states on moto: {@code AthenaQueryEngineOnMotoTest}.
 */
class AthenaQueryOnMotoTest {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.shared();
    private static final String BUCKET = "athena-lake";
    private static final String SQL = "SELECT date, total_requests FROM log_analytics_db.daily_activity ORDER BY date";

    @TempDir
    Path work;
    private AthenaClient athena;

    @BeforeEach
    void lakeAndWorkgroup() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        MOTO.post("/moto-api/reset", "");
        MOTO.s3().createBucket(b -> b.bucket(BUCKET));
        athena = MOTO.client(AthenaClient.builder());
        athena.createWorkGroup(b -> b.name("atlas-atlas").configuration(c -> c.enforceWorkGroupConfiguration(true)
                .resultConfiguration(r -> r.outputLocation("s3://" + BUCKET + "/_atlas/athena-results/"))));
    }

    private Path config(String workGroup) throws IOException {
        Path config = work.resolve("athena.properties");
        Files.writeString(config, "atlas.s3.endpoint=" + MOTO.endpoint() + "\natlas.s3.path-style-access=true\n"
                + "atlas.s3.region=" + MotoServer.REGION + "\natlas.query.engine=athena\natlas.athena.workgroup=" + workGroup
                + "\natlas.athena.endpoint=" + MOTO.endpoint() + "\n");
        return config;
    }

    private static Cli.Result atlas(String lake, Path config, String... args) {
        List<String> all = new ArrayList<>(List.of("--lake", lake, "--config", config.toString()));
        all.addAll(List.of(args));
        return Cli.runRaw(all.toArray(String[]::new));
    }

    @Test
    void queryRunsThroughAthenaInTheConfiguredWorkgroupAndPrintsItsRows() throws IOException {
        MOTO.post("/moto-api/static/athena/query-results", """
                {"results": [{"rows": [
                    {"Data": [{"VarCharValue": "date"}, {"VarCharValue": "total_requests"}]},
                    {"Data": [{"VarCharValue": "2024-11-29"}, {"VarCharValue": "1500"}]},
                    {"Data": [{"VarCharValue": "2024-11-30"}, {"VarCharValue": "1850"}]}],
                  "column_info": [{"Name": "date", "Label": "date", "Type": "date"},
                                  {"Name": "total_requests", "Label": "total_requests", "Type": "bigint"}]}]}
                """);

        Cli.Result result = atlas("s3://" + BUCKET, config("atlas-atlas"), "query", SQL, "--format", "csv");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).containsExactly("date,total_requests", "2024-11-29,1500", "2024-11-30,1850");
        List<String> ids = athena.listQueryExecutions(b -> b.workGroup("atlas-atlas")).queryExecutionIds();
        assertThat(ids).hasSize(1);
        QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(ids.get(0))).queryExecution();
        assertThat(execution.query()).isEqualTo(SQL);
        assertThat(execution.workGroup()).isEqualTo("atlas-atlas");
        assertThat(execution.queryExecutionContext().database()).isEqualTo("log_analytics_db");
        assertThat(execution.queryExecutionContext().catalog()).isEqualTo("AwsDataCatalog");
    }

    @Test
    void anAthenaErrorFailsTheCommandWithAthenasMessage() throws IOException {
        Cli.Result result = atlas("s3://" + BUCKET, config("no-such-workgroup"), "query", SQL);

        assertThat(result.exitCode()).isEqualTo(AtlasCli.FAILED);
        assertThat(result.err()).contains("Cannot run query").contains("WorkGroup does not exist");
    }

    @Test
    void athenaOnALocalLakeIsRefused() throws IOException {
        Cli.Result result = atlas(work.resolve("lake").toString(), config("atlas-atlas"), "query", SQL);

        assertThat(result.exitCode()).isEqualTo(AtlasCli.USAGE);
        assertThat(result.err()).contains("atlas.query.engine=athena").contains("not an s3:// lake");
    }

    @Test
    void theQuerySettingsComeFromTheLambdaEnvironmentAndGlueArgumentsToo() {
        AtlasSettings.QuerySettings fromEnvironment = AtlasSettings.from("s3://lake", SettingsSources.fromEnvironment(Map.of(
                "ATLAS_QUERY_ENGINE", "athena", "ATLAS_ATHENA_WORKGROUP", "atlas-atlas",
                "ATLAS_ATHENA_OUTPUT_LOCATION", "s3://lake/_atlas/athena-results/"))).query();
        AtlasSettings.QuerySettings fromArguments = AtlasSettings.from("s3://lake", SettingsSources.fromArguments(Map.of(
                "atlas.query.engine", "athena", "atlas.athena.workgroup", "atlas-atlas",
                "atlas.athena.output-location", "s3://lake/_atlas/athena-results/"))).query();

        for (AtlasSettings.QuerySettings query : List.of(fromEnvironment, fromArguments)) {
            assertThat(query.engine()).isEqualTo(AtlasSettings.QueryEngineKind.ATHENA);
            assertThat(query.workGroup()).isEqualTo("atlas-atlas");
            assertThat(query.outputLocation()).contains("s3://lake/_atlas/athena-results/");
        }
        assertThat(AtlasSettings.defaults("s3://lake").query().engine()).isEqualTo(AtlasSettings.QueryEngineKind.DUCKDB);
        assertThat(SettingsSources.KEYS).contains("atlas.query.engine", "atlas.athena.workgroup",
                "atlas.athena.output-location", "atlas.athena.endpoint");
    }
}
