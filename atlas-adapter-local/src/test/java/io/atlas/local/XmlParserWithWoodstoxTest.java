package io.atlas.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.atlas.domain.file.FileContentException;
import io.atlas.domain.file.FileRejectReason;
import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.file.RecordCursor;
import io.atlas.domain.file.RecordCursors;
import io.atlas.domain.ingest.FileScanResult;
import io.atlas.domain.ingest.FileScanner;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.normalize.FileNormalizer;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.testing.CollectingSink;
import io.atlas.domain.testing.Records;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * This module's class path holds Hadoop's shaded Woodstox (Parquet needs hadoop-client-runtime's classes). The original
 * jar registers it in {@code META-INF/services/javax.xml.stream.XMLInputFactory}, which made it the StAX factory of
 * the whole JVM; Atlas depends on atlas-hadoop-runtime, the same classes without those service files, so
 * {@code XMLInputFactory.newInstance()} stays the JDK's. The domain reads XML with the JDK's own StAX parser (the one
 * its DOCTYPE and entity refusal was built and tested on) even when a system property names Woodstox.
 */
class XmlParserWithWoodstoxTest {
    private static final String WOODSTOX = "org.apache.hadoop.shaded.com.ctc.wstx.stax.WstxInputFactory";
    private static final String JDK_PARSER_PACKAGE = "com.sun.org.apache.xerces.internal.";

    /** Records the classes on the call stack of every read of the file's bytes. */
    private static final class StackRecordingStream extends FilterInputStream {
        final Set<String> callers = new HashSet<>();

        StackRecordingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Arrays.stream(Thread.currentThread().getStackTrace()).map(StackTraceElement::getClassName).forEach(callers::add);
            return super.read(b, off, len);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static FileScanResult scan(byte[] content) throws IOException {
        return new FileScanner(ReadLimits.DEFAULTS).scan(LogFormat.XML_ERRORS, new ByteArrayInputStream(content));
    }

    @Test
    void theServiceLookupGivesTheJdkFactoryThoughHadoopsShadedWoodstoxIsOnTheClassPath() throws Exception {
        assertThat(Class.forName(WOODSTOX)).isNotNull();
        assertThat(getClass().getClassLoader().getResources("META-INF/services/javax.xml.stream.XMLInputFactory")
                .hasMoreElements()).isFalse();
        assertThat(XMLInputFactory.newInstance().getClass().getName())
                .isEqualTo(XMLInputFactory.newDefaultFactory().getClass().getName());
    }

    @Test
    void theDomainReadsXmlWithTheJdkParserNotWoodstox() throws IOException {
        assertReadByTheJdkParser();
    }

    @Test
    void theJdkParserIsUsedEvenWhenASystemPropertyNamesWoodstox() throws IOException {
        String key = XMLInputFactory.class.getName();
        String previous = System.getProperty(key);
        System.setProperty(key, WOODSTOX);
        try {
            assertThat(XMLInputFactory.newFactory().getClass().getName()).isEqualTo(WOODSTOX);
            assertReadByTheJdkParser();
        } finally {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        }
    }

    private static void assertReadByTheJdkParser() throws IOException {
        // Over the 64 KiB the cursor buffers up front, so the parser itself pulls the rest of the bytes.
        String records = IntStream.range(0, 5_000).mapToObj(i -> Records.error("2024-11-29T10:00:00Z")).collect(Collectors.joining());
        StackRecordingStream content = new StackRecordingStream(new ByteArrayInputStream(utf8(Records.errors(records))));
        long read = 0;

        try (RecordCursor cursor = RecordCursors.open(LogFormat.XML_ERRORS, content, ReadLimits.DEFAULTS)) {
            while (cursor.next()) {
                read++;
            }
        }

        assertThat(read).isEqualTo(5_000);
        assertThat(content.callers).anyMatch(name -> name.startsWith(JDK_PARSER_PACKAGE));
        assertThat(content.callers).noneMatch(name -> name.contains("ctc.wstx") || name.contains("woodstox"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<!DOCTYPE errors [<!ENTITY x \"y\">]><errors><error><message>&x;</message></error></errors>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE errors [\n <!ENTITY a \"aaaaaaaaaa\">\n <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
                    + " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n<errors><error><errorTime>&c;</errorTime></error></errors>",
            "<!DOCTYPE errors [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><errors><error><message>&xxe;</message></error></errors>",
            "<!DOCTYPE errors [<!ENTITY % p SYSTEM \"http://example.invalid/p.dtd\"> %p;]><errors/>",
            "<!DOCTYPE errors SYSTEM \"http://example.invalid/errors.dtd\"><errors/>",
            "<!DOCTYPE errors PUBLIC \"-//X//DTD X//EN\" \"http://example.invalid/x.dtd\"><errors/>",
            "<!DOCTYPE errors><errors><error><errorTime>2024-11-29T10:00:00Z</errorTime></error></errors>",
            "<?xml version=\"1.0\"?><!-- first a comment --><!DOCTYPE errors []><errors/>"})
    void anyDoctypeIsUnsafeXmlInIngestionAndNormalization(String document) throws IOException {
        byte[] content = utf8(document);

        assertThat(scan(content)).isInstanceOfSatisfying(FileScanResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(FileRejectReason.UNSAFE_XML));
        FileContentException normalizing = catchThrowableOfType(FileContentException.class, () -> new FileNormalizer(
                NormalizationSettings.DEFAULTS).normalize(LogFormat.XML_ERRORS, "validated/x.xml",
                () -> new ByteArrayInputStream(content), LocalDate.of(2024, 11, 29), new CollectingSink()));
        assertThat(normalizing.reason()).isEqualTo(FileRejectReason.UNSAFE_XML);
    }

    @Test
    void aDoctypeInUtf16IsUnsafeXmlToo() throws IOException {
        byte[] bom = {(byte) 0xff, (byte) 0xfe};
        String document = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE errors [<!ENTITY x \"y\">]><errors/>";
        byte[] content = io.atlas.domain.testing.Bytes.concat(bom, document.getBytes(StandardCharsets.UTF_16LE));

        assertThat(scan(content)).isEqualTo(new FileScanResult.Rejected(FileRejectReason.UNSAFE_XML,
                "XML declares a DOCTYPE (DTDs and entity declarations are refused)"));
    }

    @Test
    void anEntityReferenceWithoutADeclarationIsNeverResolved() throws IOException {
        assertThat(scan(utf8("<errors><error><message>&xxe;</message></error></errors>")))
                .isInstanceOfSatisfying(FileScanResult.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(FileRejectReason.MALFORMED_FILE));
    }
}
