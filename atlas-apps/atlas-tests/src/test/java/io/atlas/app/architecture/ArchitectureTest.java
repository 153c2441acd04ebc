package io.atlas.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon, enforced: one place that sees every module's production classes. */
class ArchitectureTest {
    private static final String[] HEAVY = {
        "org.apache.spark..", "scala..", "software.amazon..", "com.amazonaws..", "org.apache.hadoop..",
        "org.apache.parquet..", "org.apache.avro..", "com.google.inject..", "org.duckdb..", "picocli..",
        "com.fasterxml.jackson.databind.."
    };
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("io.atlas");
    }

    @Test
    void theDomainIsPureJava() {
        noClasses().that().resideInAPackage("io.atlas.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(HEAVY)
                .because("atlas-domain holds SPEC.md's rules and must run anywhere (Spark executors, Lambda, tests)")
                .check(classes);
        noClasses().that().resideInAPackage("io.atlas.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.atlas.ports..", "io.atlas.local..",
                        "io.atlas.spark..", "io.atlas.aws..", "io.atlas.app..")
                .check(classes);
    }

    @Test
    void portsDependOnTheDomainOnly() {
        noClasses().that().resideInAPackage("io.atlas.ports..")
                .should().dependOnClassesThat().resideInAnyPackage(HEAVY)
                .check(classes);
        noClasses().that().resideInAPackage("io.atlas.ports..")
                .should().dependOnClassesThat().resideInAnyPackage("io.atlas.local..", "io.atlas.spark..",
                        "io.atlas.aws..", "io.atlas.app..")
                .check(classes);
    }

    @Test
    void portPackagesHoldContractsOnly() {
        classes().that().resideInAPackage("io.atlas.ports..")
                .and().resideOutsideOfPackages("io.atlas.ports.inmemory..", "io.atlas.ports.inprocess..",
                        "io.atlas.ports.commit..")
                .and().doNotHaveSimpleName("package-info")
                .should().beInterfaces()
                .orShould().beRecords()
                .orShould().beEnums()
                .orShould().beAssignableTo(Throwable.class)
                .because("a port package is an API: interfaces, values and failures; implementations live in "
                        + "ports.inmemory (fakes), ports.inprocess (the in-process engine) and ports.commit (the "
                        + "partition commit protocol every engine shares)")
                .check(classes);
    }

    @Test
    void guiceLivesInTheAppsOnly() {
        noClasses().that().resideOutsideOfPackage("io.atlas.app..")
                .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
                .check(classes);
    }

    @Test
    void adaptersDoNotKnowEachOther() {
        ArchRule rule = onionArchitecture()
                .domainModels("io.atlas.domain..")
                .domainServices("io.atlas.domain..")
                .applicationServices("io.atlas.ports..")
                .adapter("local", "io.atlas.local..")
                .adapter("spark", "io.atlas.spark..")
                .adapter("aws", "io.atlas.aws..")
                .withOptionalLayers(true)
                // atlas-apps is the composition root: it may use every layer and adapter
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("io.atlas.app.."), DescribedPredicate.alwaysTrue());
        rule.check(classes);
    }

    @Test
    void modulesAreFreeOfCycles() {
        slices().matching("io.atlas.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("io.atlas.domain.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domainAndPortsNeverReadTheClockOrMakeRandomIds() {
        noClasses().that().resideInAnyPackage("io.atlas.domain..", "io.atlas.ports..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .because("time, run ids and configuration come in through the run context and constructors")
                .check(classes);
    }

    @Test
    void libraryCodeNeitherPrintsNorUsesJavaUtilLogging() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(classes);
        noClasses().that().resideOutsideOfPackage("io.atlas.app.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("library code logs through SLF4J; only the CLI talks to the terminal")
                .check(classes);
    }
}
