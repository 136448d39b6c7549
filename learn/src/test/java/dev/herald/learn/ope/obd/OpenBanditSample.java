package dev.herald.learn.ope.obd;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Open Bandit Dataset sample shipped in the repository's samples/obd (see its README). */
final class OpenBanditSample {

    /** The sample folder, relative to the module's folder (where the tests run). */
    static final Path FOLDER = Path.of("../samples/obd");

    private OpenBanditSample() {}

    static OpenBanditLog read(String policy, String campaign) {
        Path file = OpenBanditValidation.logFile(FOLDER, policy, campaign);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing sample file " + file.toAbsolutePath());
        }
        return OpenBanditLog.read(file);
    }
}
