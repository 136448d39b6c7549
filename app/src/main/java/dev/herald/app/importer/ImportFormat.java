package dev.herald.app.importer;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The log formats Herald can replay. */
public enum ImportFormat {
    /** Taobao's UserBehavior.csv: {@code user_id,item_id,category_id,behavior_type,timestamp}, no header. */
    TAOBAO(TaobaoImporter::new),
    /** REES46's e-commerce behaviour CSV, with header, such as {@code 2019-Oct.csv}. */
    REES46(Rees46Importer::new),
    /** One Segment call (track, identify, page, screen or batch) per line, as JSON. */
    SEGMENT(SegmentJsonlImporter::new);

    private final Supplier<EventImporter> importers;

    ImportFormat(Supplier<EventImporter> importers) {
        this.importers = importers;
    }

    /** A new importer for this format; importers keep state (interned ids, last prices), so use one per run. */
    public EventImporter importer() {
        return importers.get();
    }

    /** The format's name as written on the command line, for example {@code rees46}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Finds a format by name, ignoring case and surrounding spaces. */
    public static Optional<ImportFormat> find(String name) {
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        for (ImportFormat format : values()) {
            if (format.name().equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
