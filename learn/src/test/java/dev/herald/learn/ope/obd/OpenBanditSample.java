package dev.herald.learn.ope.obd;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The Open Bandit Dataset sample shipped under src/test/resources/obd (see its README). */
final class OpenBanditSample {

    private OpenBanditSample() {}

    static OpenBanditLog read(String policy, String campaign) {
        String resource = "/obd/" + policy + "/" + campaign + "/" + campaign + ".csv.gz";
        URL url = OpenBanditSample.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try {
            return OpenBanditLog.read(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
