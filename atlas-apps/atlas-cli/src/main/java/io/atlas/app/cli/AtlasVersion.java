package io.atlas.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code atlas --version}: the project version and the git commit the CLI was built from, recorded at build time in
 * {@code io/atlas/app/version.properties} (see atlas-apps/pom.xml); a build outside git says {@code unknown}.
 */
final class AtlasVersion implements CommandLine.IVersionProvider {
    static final String RESOURCE = "/io/atlas/app/version.properties";

    @Override
    public String[] getVersion() {
        Properties build = new Properties();
        try (InputStream in = AtlasVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // no build information: say so rather than fail --version
        }
        return new String[] {"Atlas " + known(build.getProperty("version")) + " (commit " + known(build.getProperty("commit")) + ")",
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.strip();
    }
}
