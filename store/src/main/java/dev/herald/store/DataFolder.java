package dev.herald.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's data folder (its PGDATA), checked before the server starts: it is empty or holds
 * PostgreSQL's data, no other process uses it, and a server orphaned by a Herald that was killed is stopped.
 */
final class DataFolder {

    /** The lock file the embedded server library holds while a process uses the folder. */
    static final String LOCK_FILE = "epg-lock";

    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final Path path;

    DataFolder(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    Path path() {
        return path;
    }

    /** The major version of PostgreSQL that made the data, when there is data. */
    Optional<String> postgresVersion() {
        Path version = path.resolve("PG_VERSION");
        if (!Files.isRegularFile(version)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(version, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new StoreException("could not read " + version + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the folder ready for the server: creates it when missing, refuses a folder with other files in it or
     * one that another process uses, and stops a server left running in it by a process that died.
     */
    void prepare() {
        try {
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new StoreException("the database data folder " + path + " is a file, not a folder");
            }
            if (path.startsWith(binariesFolder())) {
                throw new StoreException("the database data folder " + path + " is inside " + binariesFolder()
                        + ", where the embedded server's binaries go and old folders are cleaned away: choose"
                        + " another");
            }
            Files.createDirectories(path);
            if (postgresVersion().isEmpty()) {
                if (!isEmptyBut(LOCK_FILE)) {
                    throw new StoreException("the database data folder " + path + " is not empty and holds no"
                            + " PostgreSQL data: give Herald an empty or new folder");
                }
                return;
            }
            ensureUnused();
            stopOrphanedServer();
        } catch (IOException e) {
            throw new StoreException("could not prepare the database data folder " + path + ": " + e.getMessage(),
                    e);
        }
    }

    /** Where the embedded server library unpacks its binaries (and deletes folders it thinks stale). */
    private static Path binariesFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toAbsolutePath().normalize();
    }

    private boolean isEmptyBut(String allowed) throws IOException {
        try (Stream<Path> entries = Files.list(path)) {
            return entries.allMatch(entry -> entry.getFileName().toString().equals(allowed));
        }
    }

    /** Fails when another process (or another database in this one) holds the folder's lock. */
    private void ensureUnused() throws IOException {
        try (FileChannel channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse();
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw inUse();
        }
    }

    private StoreException inUse() {
        return new StoreException("the database data folder " + path + " is in use by another Herald (or another"
                + " process); stop it first, or give this one another data folder");
    }

    /**
     * A Herald that was killed leaves its PostgreSQL running; the folder's lock is free but the server's pid file
     * names a live postgres serving this folder. That server is asked to stop (SIGTERM: it finishes and shuts
     * down cleanly), so a new one can start on the same data.
     */
    private void stopOrphanedServer() throws IOException {
        Path pidFile = path.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(this::servesThisFolder);
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warn("PostgreSQL (pid {}) is still running in {} after its Herald stopped; stopping it", pid, path);
        ProcessHandle process = orphan.get();
        process.destroy();
        try {
            process.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while stopping the orphaned PostgreSQL (pid " + pid + ")", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreException("PostgreSQL (pid " + pid + ") left running in " + path + " did not stop in "
                    + ORPHAN_STOP_WAIT.toSeconds() + " s; stop it by hand", e);
        }
    }

    /** Whether the process is a postgres whose data folder ({@code -D}) is this one. */
    private boolean servesThisFolder(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString())
                .filter(name -> name.equals("postgres")).isPresent();
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; postgres && i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && Path.of(arguments[i + 1]).toAbsolutePath().normalize().equals(path)) {
                return true;
            }
        }
        return false;
    }
}
