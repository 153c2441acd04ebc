package io.atlas.local.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who owns a file of {@code .atlas-staging/}: its name says the host and process that made it
 * ({@code stage-<host>-<pid>-<random><suffix>}). A file of this host whose process is gone belongs to a dead run and
 * is removed when the lake is next opened; a file of a live process, of another host (a lake on a shared disk) or
 * with any other name is left alone, so a cleanup never takes a live run's file.
 */
final class StagingFiles {
    private static final Pattern OWNED = Pattern.compile("stage-([^-]+)-(\\d+)-[^-]*");
    private static final String HOST = host();

    private StagingFiles() {}

    /** The name prefix of this process's staging files. */
    static String prefix() {
        return "stage-" + HOST + "-" + ProcessHandle.current().pid() + "-";
    }

    /** Removes the staging files of dead processes of this host; returns how many it removed. */
    static int removeDead(Path staging) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
            for (Path file : files) {
                if (ownerIsDead(file.getFileName().toString()) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a cleanup that cannot run now runs when the lake is next opened; it never fails a command
        }
        return removed;
    }

    static boolean ownerIsDead(String name) {
        Matcher matcher = OWNED.matcher(name);
        if (!matcher.lookingAt() || !matcher.group(1).equals(HOST)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(matcher.group(2));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isEmpty() || !process.get().isAlive();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.]", "_");
        } catch (IOException e) {
            return "unknown_host";
        }
    }
}
